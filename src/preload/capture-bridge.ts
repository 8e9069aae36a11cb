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

/** The host page's vendor iframe (see src/main/host-page.ts). */
export const VENDOR_FRAME_ID = 'vendor';

/** A cheap label for rate limiting: the vendor's event-name field, whichever envelope it uses. */
function messageKind(data: unknown): string {
  if (typeof data === 'string') return `s:${data.slice(0, 32)}`;
  if (!data || typeof data !== 'object') return typeof data;
  const d = data as Record<string, unknown>;
  const name = d.type ?? d.name ?? d.event ?? d.action;
  return typeof name === 'string' ? name.slice(0, 64) : 'object';
}

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

  // Rate caps per one-second slot: a vendor page looping on postMessage must not starve main,
  // and a flood of one kind of message must not crowd out another: each message kind (its
  // type/name/event/action, or a frame's first bytes) gets a fifth of the overall cap, so a ring
  // still gets through while the page floods route changes.
  let slot = -1;
  let inSlot = 0;
  const perKind = new Map<string, number>();
  const kindCap = Math.max(1, Math.floor(config.maxPerSecond / 5));
  const withinRate = (now: number, kind: string) => {
    const s = Math.floor(now / 1000);
    if (s !== slot) {
      slot = s;
      inSlot = 0;
      perKind.clear();
    }
    const n = (perKind.get(kind) ?? 0) + 1;
    if (perKind.size < 1024 || perKind.has(kind)) perKind.set(kind, n);
    return n <= kindCap && ++inSlot <= config.maxPerSecond;
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

  const forward = (message: Extract<CaptureMessage, { kind: 'capture' }>) => {
    const size = measureCapture(message.data, limits);
    if (!size.ok) return reject(`message ${size.reason}`);
    forwarded++;
    send(message);
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
    if (!withinRate(now, messageKind(event.data))) return reject(`more than ${config.maxPerSecond} messages per second, or ${kindCap} of one kind`);
    forward({ kind: 'capture', transport: 'postMessage', origin: event.origin, data: event.data, at: now });
  });

  if (config.socketTap) {
    doc.addEventListener(config.tapEventName, (event: Event) => {
      const now = clock.now();
      const detail = (event as CustomEvent).detail;
      if (typeof detail !== 'string' || detail.length > config.maxBytes + 64) return reject('socket frame larger than the capture limit');
      let parsed: { d?: unknown; f?: unknown };
      try {
        parsed = JSON.parse(detail) as { d?: unknown; f?: unknown };
      } catch {
        return reject('socket tap sent a malformed frame record');
      }
      if ((parsed.d !== 'in' && parsed.d !== 'out') || typeof parsed.f !== 'string') return reject('socket tap sent a malformed frame record');
      if (!withinRate(now, parsed.f.slice(0, 24))) return reject(`more than ${config.maxPerSecond} messages per second, or ${kindCap} of one kind`);
      forward({ kind: 'capture', transport: 'socket.io', direction: parsed.d, origin: win.location.origin, data: parsed.f, at: now });
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

  // Handshake (AICC eventpost): each time the vendor frame (re)loads. load does not bubble, and
  // the DOM never propagates a load event from a document node to the window (not even in the
  // capture phase), so the vendor iframe's load is caught on the document, capture phase. In
  // direct mode the page's own load is dispatched at the window (target: the document).
  if (config.handshake.length > 0) {
    const handshake = () => {
      const target = vendorWindow();
      if (!target) return;
      for (const data of config.handshake) {
        const problem = postInto(target, data);
        if (problem) send({ kind: 'undeliverable', reason: `handshake: ${problem}` });
      }
    };
    if (config.mode === 'direct') {
      win.addEventListener('load', (event: Event) => {
        if (event.target === doc || event.target === win) handshake();
      });
    } else {
      doc.addEventListener(
        'load',
        (event: Event) => {
          if (event.target === vendorFrame()) handshake();
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
          if (!config.socketTap) problems.push('this profile does not tap a Socket.IO connection');
          else doc.dispatchEvent(new CustomEvent(`${config.tapEventName}:send`, { detail: message.frame }));
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
