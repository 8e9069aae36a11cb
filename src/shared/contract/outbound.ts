/**
 * Messages main asks a profile's preload to deliver into the vendor client.
 * postMessage data is posted with the profile's exact vendor origin as targetOrigin, never '*'.
 */
export type OutboundMessage =
  | { transport: 'postMessage'; data: unknown }
  /** A complete Engine.IO text frame to send on the vendor page's own Socket.IO connection. */
  | { transport: 'socket.io'; frame: string };

/** A command either yields messages to deliver or says plainly why it cannot be done. */
export type CommandResult = { messages: OutboundMessage[] } | { unsupported: string };
