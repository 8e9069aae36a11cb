/**
 * Is a vendor view's renderer still answering? Electron's own 'unresponsive' is emitted only for
 * a visible view whose renderer is initialized (electron/electron lib/browser/api/web-contents.ts:
 * `if (!event.shouldIgnore && event.visible && event.rendererInitialized)`), so a softphone that
 * hangs on a background profile, or while the window sits in the tray, is never reported. Agents
 * spend most of a shift with the softphone in the background.
 *
 * So every view is asked directly: main sends a numbered ping to the view's capture bridge (the
 * preload, which runs on the page's main thread, in the main frame — a page stuck in a script
 * cannot answer), and the bridge answers with the same number. A ping unanswered for graceMs is
 * a hang. Pure: timers and time are injected; the glue is profile-view.ts.
 */
import { HUNG_RENDERER_MS } from './crash-backoff';
import type { ViewTimers } from './view-resilience';

export interface LivenessContext<H> {
  now(): number;
  timers: ViewTimers<H>;
  /** Post the ping to the view's bridge. */
  ping(seq: number): void;
  /** No answer for silentMs: the renderer is hung. Called once per hang; the watch disarms itself. */
  hung(silentMs: number): void;
  /** How often to ask (default 5 s). */
  everyMs?: number;
  /** How long an answer may take (default: Chromium's own hung-renderer delay, HUNG_RENDERER_MS). */
  graceMs?: number;
}

export interface LivenessWatch {
  /** The bridge of a new document is running (its preload asked for its capture config). */
  bridgeStarted(): void;
  /** The document went away (navigation, crash): nothing answers until the next bridge starts. */
  documentGone(): void;
  /** The bridge answered ping `seq`. */
  pong(seq: number): void;
  readonly armed: boolean;
  dispose(): void;
}

export const LIVENESS_EVERY_MS = 5_000;

export function watchLiveness<H>(ctx: LivenessContext<H>): LivenessWatch {
  const everyMs = ctx.everyMs ?? LIVENESS_EVERY_MS;
  const graceMs = ctx.graceMs ?? HUNG_RENDERER_MS;
  let armed = false;
  let disposed = false;
  let seq = 0;
  /** The ping waiting for its answer, and when it was sent. */
  let outstanding: { seq: number; at: number } | null = null;
  let lastTick = 0;
  let timer: H | undefined;

  const stop = (): void => {
    if (timer !== undefined) ctx.timers.clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (): void => {
    stop();
    timer = ctx.timers.setTimeout(tick, everyMs);
  };

  const tick = (): void => {
    timer = undefined;
    if (disposed || !armed) return;
    const now = ctx.now();
    // A tick far later than asked means main itself was not running: the machine slept, or the
    // process was stopped. The page had no chance to answer either, so this is not a hang.
    const slept = now - lastTick > everyMs + graceMs;
    lastTick = now;
    if (outstanding && !slept) {
      const silentMs = now - outstanding.at;
      if (silentMs >= graceMs) {
        armed = false;
        outstanding = null;
        ctx.hung(silentMs);
        return;
      }
    } else {
      if (slept) outstanding = null;
      outstanding = { seq: ++seq, at: now };
      ctx.ping(outstanding.seq);
    }
    schedule();
  };

  return {
    get armed() {
      return armed;
    },
    bridgeStarted() {
      if (disposed) return;
      armed = true;
      outstanding = null;
      lastTick = ctx.now();
      schedule();
    },
    documentGone() {
      armed = false;
      outstanding = null;
      stop();
    },
    pong(answered) {
      if (outstanding && answered === outstanding.seq) outstanding = null;
    },
    dispose() {
      disposed = true;
      armed = false;
      stop();
    },
  };
}
