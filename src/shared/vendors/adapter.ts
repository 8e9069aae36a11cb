/**
 * The one shape every vendor adapter has (DESIGN.md §3). An adapter is pure: it turns one
 * RawCapture into ShellEvents or a rejection reason, and builds outbound command messages.
 */
import type { OutboundMessage, CommandResult } from '../contract/outbound';
import type { RawCapture, Transport } from '../contract/raw-capture';
import type { AgentState, Kind, ShellEvent, VendorId } from '../contract/shell-event';
import type { AdapterMemory } from './memory';

export type NormalizeResult =
  | {
      events: ShellEvent[];
      /** Facts about the vendor session that later commands need (e.g. ExpertFlow's agentId). */
      session?: VendorSession;
    }
  | { reject: string };

/** What an adapter learned from the vendor's traffic, kept per profile by the core. */
export interface VendorSession {
  agentId?: string;
  namespace?: string;
}

export interface CommandContext {
  session: VendorSession;
  /** The profile's adapter memory (memory.ts): what the vendor's traffic said so far. */
  memory: AdapterMemory;
}

export interface DialOptions {
  /** uContact: the campaign the interaction belongs to. */
  campaign?: string;
}

export interface VendorCommands {
  setState?: {
    /** States the vendor can be put in; the tray disables the rest and says why. */
    states: readonly AgentState[];
    build(state: AgentState, ctx: CommandContext): CommandResult;
  };
  answer?(ref: string | undefined, ctx: CommandContext): CommandResult;
  decline?(ref: string | undefined, ctx: CommandContext): CommandResult;
  hangup?(ref: string | undefined, ctx: CommandContext): CommandResult;
  hold?(ref: string | undefined, ctx: CommandContext): CommandResult;
  unhold?(ref: string | undefined, ctx: CommandContext): CommandResult;
  dial?(number: string, ctx: CommandContext, options?: DialOptions): CommandResult;
}

/** One row of an adapter's documented mapping table. */
export interface MappingRow {
  vendorEvent: string;
  kind: Kind;
  /** Where the event is documented, e.g. 'seed 002', 'vendors.md §4.3'. */
  source: string;
}

export interface VendorAdapter {
  id: VendorId;
  label: string;
  /** [] = the profile must configure its origins. */
  defaultOrigins: readonly string[];
  transport: Transport;
  /** How its view loads it unless the profile says otherwise (issue 3). */
  defaultMode: 'framed' | 'direct';
  /** Derive interaction.missed when an offered ref ends without connecting (RC has no missed event). */
  derivesMissed: boolean;
  /** Every documented vendor event and the kind it becomes. */
  mapping: readonly MappingRow[];
  /** `memory` is this profile's (memory.ts); the same captures in the same order give the same events. */
  normalize(capture: RawCapture, memory: AdapterMemory): NormalizeResult;
  handshake?(): OutboundMessage[];
  commands: VendorCommands;
}

export const unsupported = (why: string): CommandResult => ({ unsupported: why });
export const postMessages = (...data: unknown[]): CommandResult => ({
  messages: data.map((d) => ({ transport: 'postMessage' as const, data: d })),
});
