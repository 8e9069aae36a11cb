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
 *
 * In framed mode the bridge lives in our host page and the vendor in its iframe, which is
 * cross-site and so in a renderer process of its own (site isolation): a vendor frame stuck in a
 * script leaves the host page answering every ping. So framed views also ask the vendor frame
 * itself (`probeFrame`, WebFrameMain.executeJavaScript in the glue), timed the same way.
 * Electron settles that promise only when the renderer answers: a frame replaced or gone first
 * drops the callback and the promise stays pending for ever (electron/electron
 * shell/browser/api/electron_api_web_frame_main.cc `ExecuteJavaScript`, whose callback holds a
 * gin_helper::Promise; shell/common/gin_helper/promise.cc `~PromiseBase() = default` never
 * rejects). So a probe is forgotten when the frame navigates (`frameReplaced`), not waited on.
 */
import { HUNG_RENDERER_MS } from './crash-backoff';
import type { ViewTimers } from './view-resilience';

export interface LivenessContext<H> {
  now(): number;
  timers: ViewTimers<H>;
  /** Post the ping to the view's bridge. */
  ping(seq: number): void;
  /**
   * Framed mode: ask the vendor's frame too. The answer settles when that frame's renderer ran
   * the question (resolved or rejected alike: a rejection is an answer); null when there is no
   * vendor frame to ask right now.
   */
  probeFrame?(): Promise<unknown> | null;
  /** No answer for silentMs: the renderer is hung. Called once per hang; the watch disarms itself. */
  hung(silentMs: number, who: HungPart): void;
  /** How often to ask (default 5 s). */
  everyMs?: number;
  /** How long an answer may take (default: Chromium's own hung-renderer delay, HUNG_RENDERER_MS). */
  graceMs?: number;
}

/** Which renderer stopped answering: the view's own page, or (framed mode) the vendor's frame in it. */
export type HungPart = 'page' | 'vendor frame';

export interface LivenessWatch {
  /** The bridge of a new document is running (its preload asked for its capture config). */
  bridgeStarted(): void;
  /** The document went away (navigation, crash): nothing answers until the next bridge starts. */
  documentGone(): void;
  /** The bridge answered ping `seq`. */
  pong(seq: number): void;
  /** A navigation of a subframe started or committed: the vendor frame asked may be gone. */
  frameReplaced(): void;
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
  /** The vendor frame's question waiting for its answer (framed mode). */
  let probing: { id: number; at: number } | null = null;
  let probes = 0;
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
  const forget = (): void => {
    outstanding = null;
    probing = null;
  };

  const probe = (now: number): void => {
    let answer: Promise<unknown> | null = null;
    try {
      answer = ctx.probeFrame?.() ?? null;
    } catch {
      // The frame went away between finding it and asking it: nothing to time.
    }
    if (!answer) return;
    const asked = { id: ++probes, at: now };
    probing = asked;
    const answered = (): void => {
      if (probing === asked) probing = null;
    };
    answer.then(answered, answered);
  };

  const tick = (): void => {
    timer = undefined;
    if (disposed || !armed) return;
    const now = ctx.now();
    // A tick far later than asked means main itself was not running: the machine slept, or the
    // process was stopped. The page had no chance to answer either, so this is not a hang.
    const slept = now - lastTick > everyMs + graceMs;
    lastTick = now;
    if (slept) forget();
    const late: Array<[HungPart, { at: number } | null]> = [
      ['page', outstanding],
      ['vendor frame', probing],
    ];
    for (const [who, question] of late) {
      if (question && now - question.at >= graceMs) {
        armed = false;
        forget();
        ctx.hung(now - question.at, who);
        return;
      }
    }
    if (!outstanding) {
      outstanding = { seq: ++seq, at: now };
      ctx.ping(outstanding.seq);
    }
    if (!probing) probe(now);
    schedule();
  };

  return {
    get armed() {
      return armed;
    },
    bridgeStarted() {
      if (disposed) return;
      armed = true;
      forget();
      lastTick = ctx.now();
      schedule();
    },
    documentGone() {
      armed = false;
      forget();
      stop();
    },
    pong(answered) {
      if (outstanding && answered === outstanding.seq) outstanding = null;
    },
    frameReplaced() {
      probing = null;
    },
    dispose() {
      disposed = true;
      armed = false;
      stop();
    },
  };
}
