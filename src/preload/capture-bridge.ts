/**
 * The capture bridge: the vendor-host preload's DOM logic, with `send` injected so the same code
 * runs in Electron's isolated world and in the browser test tier (CDP isolated world + binding).
 *
 * It accepts a postMessage only when event.source is the profile's vendor frame (framed mode) or
 * the window itself (direct mode) AND event.origin is allowed, caps size and rate, forwards the
 * raw capture, and exposes nothing to the page: it defines no globals and touches no page object
 * beyond listening to events and posting commands with an exact target origin.
 */
import type { OutboundMessage } from '../shared/contract/outbound';
import { measureCapture } from '../shared/core/measure';
import { compileOriginPolicy } from '../shared/core/origin-policy';
import type { CaptureConfig, CaptureMessage } from '../shared/ipc/capture-protocol';
import { isOfferName, vendorEventName } from '../shared/vendors/event-name';
import { createHandshakeRetry, type HandshakeRetry } from './handshake-retry';
import { createRateGate } from './rate-gate';
import { createSocketCommands } from './socket-commands';

/** The host page's vendor iframe (see src/main/host-page.ts). */
export const VENDOR_FRAME_ID = 'vendor';


export interface CaptureBridge {
  /** Delivers outbound messages into the vendor client; returns why any could not be. */
  deliver(messages: readonly OutboundMessage[]): string[];
  stats(): { forwarded: number; rejected: number };
}

interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const REJECT_REPORT_MS = 250;
/** Our own commands echo back to our listener in direct mode (we post to window itself). */
const ECHO_WINDOW_MS = 2000;

export function installCaptureBridge(
  win: Window,
  config: CaptureConfig,
  send: (message: CaptureMessage) => void,
  clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => win.setTimeout(fn, ms) },
): CaptureBridge {
  const originOk = compileOriginPolicy(config.allowedOrigins);
  const limits = { maxBytes: config.maxBytes, maxDepth: config.maxDepth };
  const doc = win.document;
  let forwarded = 0;
  let rejected = 0;

  // Rejections: the first of a quiet period is reported at once, the rest are counted and
  // reported every REJECT_REPORT_MS, so a flood costs the IPC channel a few messages a second.
  const pending = new Map<string, number>();
  let reportTimer = false;
  const flush = () => {
    reportTimer = false;
    if (pending.size === 0) return;
    for (const [reason, count] of pending) send({ kind: 'rejected', reason, count });
    pending.clear();
    reportTimer = true;
    clock.setTimeout(flush, REJECT_REPORT_MS);
  };
  const reject = (reason: string) => {
    rejected++;
    if (!reportTimer) {
      send({ kind: 'rejected', reason, count: 1 });
      reportTimer = true;
      clock.setTimeout(flush, REJECT_REPORT_MS);
    } else pending.set(reason, (pending.get(reason) ?? 0) + 1);
  };

  // Rate caps, keyed on the event name the vendor's adapter will read (see rate-gate.ts).
  const gate = createRateGate(config.maxPerSecond);
  const rateRefusal = (now: number, data: unknown, direction?: 'in' | 'out'): string | null => {
    const name = vendorEventName(config.vendor, data);
    return gate.admit(now, name, isOfferName(config.vendor, name, direction));
  };

  const vendorFrame = (): HTMLIFrameElement | null => {
    const el = doc.getElementById(VENDOR_FRAME_ID);
    return el && el.tagName === 'IFRAME' ? (el as HTMLIFrameElement) : null;
  };
  const vendorWindow = (): Window | null => (config.mode === 'direct' ? win : (vendorFrame()?.contentWindow ?? null));

  const recentEchoes: Array<{ json: string; at: number }> = [];
  const isEcho = (data: unknown, now: number): boolean => {
    if (config.mode !== 'direct' || recentEchoes.length === 0) return false;
    while (recentEchoes.length > 0 && now - recentEchoes[0]!.at > ECHO_WINDOW_MS) recentEchoes.shift();
    let json: string;
    try {
      json = JSON.stringify(data);
    } catch {
      return false;
    }
    const i = recentEchoes.findIndex((e) => e.json === json);
    if (i < 0) return false;
    recentEchoes.splice(i, 1);
    return true;
  };

  /** Set below when the adapter has a handshake; told when the vendor frame first answers. */
  let handshake: HandshakeRetry | undefined;

  const forward = (message: Extract<CaptureMessage, { kind: 'capture' }>): boolean => {
    const size = measureCapture(message.data, limits);
    if (!size.ok) {
      reject(`message ${size.reason}`);
      return false;
    }
    forwarded++;
    send(message);
    return true;
  };

  win.addEventListener('message', (event: MessageEvent) => {
    const now = clock.now();
    const expected = vendorWindow();
    if (!expected || event.source !== expected) {
      return reject(config.mode === 'direct' ? 'message from another window than the vendor page' : 'message from a frame that is not the vendor frame');
    }
    const origin = originOk(event.origin);
    if (!origin.ok) return reject(origin.reason);
    if (isEcho(event.data, now)) return;
    const refused = rateRefusal(now, event.data);
    if (refused) return reject(refused);
    if (forward({ kind: 'capture', transport: 'postMessage', origin: event.origin, data: event.data, at: now })) handshake?.answered();
  });

  const socket = createSocketCommands(doc, config);
  if (config.socketTap) {
    doc.addEventListener(config.tapEventName, (event: Event) => {
      const now = clock.now();
      const detail = (event as CustomEvent).detail;
      if (typeof detail !== 'string' || detail.length > config.maxBytes + 160) return reject('socket frame larger than the capture limit');
      let parsed: { d?: unknown; f?: unknown; c?: unknown };
      try {
        parsed = JSON.parse(detail) as typeof parsed;
      } catch {
        return reject('socket tap sent a malformed frame record');
      }
      const { d, f, c } = parsed;
      if ((d !== 'in' && d !== 'out') || typeof f !== 'string' || typeof c !== 'string' || c.length > 80) return reject('socket tap sent a malformed frame record');
      const refused = rateRefusal(now, f, d);
      if (refused) return reject(refused);
      const capture = { kind: 'capture' as const, transport: 'socket.io' as const, direction: d as 'in' | 'out', origin: win.location.origin, data: f, at: now };
      if (forward(capture)) socket.observe(c, capture, config.profile);
    });
  }

  const postInto = (target: Window, data: unknown): string | null => {
    if (!config.targetOrigin) return 'the profile has no vendor URL, so there is no origin to post to';
    try {
      if (config.mode === 'direct') {
        recentEchoes.push({ json: JSON.stringify(data), at: clock.now() });
        if (recentEchoes.length > 64) recentEchoes.shift();
      }
      target.postMessage(data, config.targetOrigin);
      return null;
    } catch (err) {
      return `postMessage failed: ${(err as Error).message}`;
    }
  };

  // Handshake (AICC eventpost): each time the vendor frame (re)loads, then again until the vendor
  // answers (handshake-retry.ts). load does not bubble, and the DOM never propagates a load event
  // from a document node to the window (not even in the capture phase), so the vendor iframe's
  // load is caught on the document, capture phase. In direct mode the page's own load is
  // dispatched at the window (target: the document).
  if (config.handshake.length > 0) {
    const postHandshake = (): boolean => {
      const target = vendorWindow();
      if (!target) return false;
      for (const data of config.handshake) {
        const problem = postInto(target, data);
        if (problem) send({ kind: 'undeliverable', reason: `handshake: ${problem}` });
      }
      return true;
    };
    const retry = createHandshakeRetry(postHandshake, send, clock);
    handshake = retry;
    if (config.mode === 'direct') {
      win.addEventListener('load', (event: Event) => {
        if (event.target === doc || event.target === win) retry.start();
      });
    } else {
      doc.addEventListener(
        'load',
        (event: Event) => {
          if (event.target === vendorFrame()) retry.start();
        },
        true,
      );
    }
  }

  return {
    deliver(messages) {
      const problems: string[] = [];
      for (const message of messages) {
        if (message.transport === 'socket.io') {
          const problem = config.socketTap ? socket.send(message.frame) : 'this profile does not tap a Socket.IO connection';
          if (problem) problems.push(problem);
          continue;
        }
        const target = vendorWindow();
        const problem = target ? postInto(target, message.data) : 'the vendor frame is not loaded';
        if (problem) problems.push(problem);
      }
      return problems;
    },
    stats: () => ({ forwarded, rejected }),
  };
}
