/**
 * Messages main asks a profile's preload to deliver into the vendor client.
 * postMessage data is posted with the profile's exact vendor origin as targetOrigin, never '*'.
 */
import type { ShellEvent } from './shell-event';

export type OutboundMessage =
  | { transport: 'postMessage'; data: unknown }
  /** A complete Engine.IO text frame to send on the vendor page's own Socket.IO connection. */
  | { transport: 'socket.io'; frame: string };

/**
 * Vendors that drop a command without a word (RingCentral ignores a dial while signed out or
 * placing another call, and a presence outside its enums) get their commands watched: main tells
 * the agent when no event shows the command took effect in time, instead of claiming it was done.
 */
export interface CommandConfirmation {
  /** What the agent should see happen, as the end of "<vendor> did not …": "start the call to 555". */
  what: string;
  withinMs: number;
  /** True for the captured event that shows the command took effect. */
  by(e: ShellEvent): boolean;
  /** Why the vendor may have dropped it, told with the failure. */
  hint?: string;
}

/** A command either yields messages to deliver or says plainly why it cannot be done. */
export type CommandResult = { messages: OutboundMessage[]; confirm?: CommandConfirmation } | { unsupported: string };
