/**
 * Which Socket.IO connection the bridge sends commands on, and whether they were sent. A page can
 * hold several Engine.IO connections (a chat widget, a second desk module); a command belongs on
 * the one that carried the agent desk's own events: the connection whose latest frame the
 * vendor's adapter accepted as a documented event (not vendor.other). The main-world tap
 * (socket-tap.ts) names the connection of every frame and answers each command synchronously.
 */
import type { RawCapture } from '../shared/contract/raw-capture';
import type { CaptureConfig, CaptureMessage } from '../shared/ipc/capture-protocol';
import { AdapterMemory } from '../shared/vendors/memory';
import { ADAPTERS } from '../shared/vendors/registry';

export interface SocketCommands {
  /** A frame the bridge forwarded, and the connection it travelled on. */
  observe(connection: string, capture: Extract<CaptureMessage, { kind: 'capture' }>, profile: string): void;
  /** Sends one Engine.IO frame on the agent desk's connection; null when sent, else why not. */
  send(frame: string): string | null;
}

export function createSocketCommands(doc: Document, config: Pick<CaptureConfig, 'vendor' | 'tapEventName'>): SocketCommands {
  const adapter = ADAPTERS[config.vendor];
  // The bridge only asks "is this a documented event?"; it keeps its own memory so the
  // classification sees frames in the same order main does.
  const memory = new AdapterMemory();
  let agentConnection: string | null = null;
  let seq = 0;
  let result: { r?: unknown; ok?: unknown; reason?: unknown } | null = null;
  doc.addEventListener(`${config.tapEventName}:result`, (event: Event) => {
    try {
      result = JSON.parse(String((event as CustomEvent).detail)) as typeof result;
    } catch {
      result = null;
    }
  });
  return {
    observe(connection, capture, profile) {
      const raw: RawCapture = { profile, vendor: config.vendor, origin: capture.origin, transport: capture.transport, direction: capture.direction, data: capture.data, at: capture.at };
      const normalized = adapter.normalize(raw, memory);
      if ('events' in normalized && normalized.events.some((e) => e.kind !== 'vendor.other')) agentConnection = connection;
    },
    send(frame) {
      if (agentConnection === null) return 'no Socket.IO connection has carried Agent Desk events yet, so there is none to send the command on';
      const r = ++seq;
      result = null;
      // Dispatch is synchronous: the tap's answer has arrived when dispatchEvent returns.
      doc.dispatchEvent(new CustomEvent(`${config.tapEventName}:send`, { detail: JSON.stringify({ c: agentConnection, f: frame, r }) }));
      const answer = result as { r?: unknown; ok?: unknown; reason?: unknown } | null;
      if (!answer || answer.r !== r) return 'the page\'s Socket.IO tap did not answer, so the command was not sent';
      if (answer.ok === true) return null;
      return `the command was not sent: ${typeof answer.reason === 'string' ? answer.reason.slice(0, 200) : 'the tap gave no reason'}`;
    },
  };
}
