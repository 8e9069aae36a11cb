/**
 * An opt-in fast clock for the app's main process, so a whole shift runs in minutes
 * (ELECTRON_MODEL_TIME_SCALE=100: 10 hours of main's time in 6 minutes of real time).
 *
 * What it scales, for every caller in this process that reads the globals (the app's main code,
 * its libraries, pino's timestamps):
 * - `Date.now()`, `new Date()` and `Date()`: main's wall clock starts at the real time of
 *   installation (or ELECTRON_MODEL_CLOCK_START, an ISO time, so a shift can be made to cross
 *   midnight) and then runs `scale` times as fast;
 * - `performance.now()`: runs `scale` times as fast from its real value at installation;
 * - `setTimeout` / `setInterval`: wait `ms / scale` real milliseconds (Node's floor of 1 ms
 *   applies, so an interval shorter than `scale` ms fires at most once per real millisecond).
 *   The handles are Node's own Timeout objects (clearTimeout, unref, refresh work unchanged).
 * Every timer made through the scaled functions is counted while it is pending (`pendingTimers`):
 * process.getActiveResourcesInfo() lists only timers that keep the process alive, and main
 * unrefs most of its own.
 * So main's timers — the ring timeout, the command watch, the DND end, log rotation by day and
 * retention, the 250 ms fdatasync, the forwarder's backoff, the shell's push debounce — fire as
 * they would over the simulated hours, in the same order relative to each other.
 *
 * What it does not scale:
 * - Chromium: pages, preloads and the capture bridge run on Chromium's clocks, which are real.
 *   A test drives the vendor's traffic at the scaled rate itself (one ring a simulated minute is
 *   one ring every 600 ms at 100×). A page's own rate caps and timers therefore see the traffic
 *   `scale` times denser than main does.
 * - The model (this folder): it plays Electron's native side and the OS, which run on real time,
 *   so its own waits (Chromium start-up, the hang monitor, popups, the second-instance inbox)
 *   use `realClock` below, captured before installation.
 * - `process.hrtime`, `setImmediate`, `queueMicrotask`, and what Node's internals time with their
 *   own timer list (socket timeouts set through `net`/`http` options, `node:timers/promises`).
 *   src/main uses one of them on purpose: its liveness watch times a renderer's answer with
 *   process.hrtime (src/main/shell/profile-view.ts), a monotonic clock as Chromium's hang
 *   monitor uses, so under the scale that deadline stays in Chromium's (real) time: a renderer
 *   has its real 15 s to answer, and a hung one is still found after 15 real seconds. Its ticks
 *   are scaled setTimeouts, so it only asks more often.
 * - Work itself: a GC, a file write or a CDP round trip takes the same real time, so it looks
 *   `scale` times slower to main. Other deadlines main sets on another process shrink by
 *   `scale` and can fire where they never would (the 15 s grace after Electron's own
 *   'unresponsive', which the model's hang monitor sends only for a real hang); a test using the
 *   scale must leave such deadlines out of what it judges.
 */

/** The real clocks, for the model's own waits. Captured when this module is first evaluated. */
export const realClock = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  now: Date.now.bind(Date),
};

export interface TimeScale {
  scale: number;
  /** main's time when the scale was installed (ms since the epoch). */
  startedAt: number;
}

/** Reads ELECTRON_MODEL_TIME_SCALE / ELECTRON_MODEL_CLOCK_START; null when unset or 1. */
export function timeScaleFromEnv(env: NodeJS.ProcessEnv = process.env): TimeScale | null {
  const raw = env.ELECTRON_MODEL_TIME_SCALE;
  if (raw === undefined || raw === '') return null;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 1 || scale > 10_000) throw new Error(`electron model: ELECTRON_MODEL_TIME_SCALE must be a number from 1 to 10000, not ${raw}`);
  const start = env.ELECTRON_MODEL_CLOCK_START;
  const startedAt = start ? Date.parse(start) : Date.now();
  if (!Number.isFinite(startedAt)) throw new Error(`electron model: ELECTRON_MODEL_CLOCK_START is not a date: ${start}`);
  return scale === 1 && !start ? null : { scale, startedAt };
}

let installed = false;
const tracked = new Map<NodeJS.Timeout, 'timeout' | 'interval'>();
let sinceSweep = 0;

/** Node marks a Timeout `_destroyed` once it has fired (one-shot) or been cleared (lib/internal/timers.js). */
const isDone = (timer: NodeJS.Timeout) => (timer as unknown as { _destroyed?: boolean })._destroyed === true;

function sweep(): void {
  for (const timer of tracked.keys()) if (isDone(timer)) tracked.delete(timer);
  sinceSweep = 0;
}

/** Timers made through the scaled setTimeout/setInterval still pending; null without a time scale. */
export function pendingTimers(): { timeouts: number; intervals: number } | null {
  if (!installed) return null;
  sweep();
  let timeouts = 0;
  let intervals = 0;
  for (const kind of tracked.values()) {
    if (kind === 'timeout') timeouts++;
    else intervals++;
  }
  return { timeouts, intervals };
}

type Timer = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => NodeJS.Timeout;

/** Replaces the global clocks and timers with ones running `scale` times as fast. */
export function installTimeScale({ scale, startedAt }: TimeScale): void {
  const RealDate = Date;
  const perf = globalThis.performance;
  const realPerfNow = perf.now.bind(perf);
  const perfAtStart = realPerfNow();
  const elapsed = () => (realPerfNow() - perfAtStart) * scale;
  const now = () => Math.floor(startedAt + elapsed());

  function ScaledDate(this: unknown, ...args: unknown[]): unknown {
    // Date() called as a function is the current time as a string, whatever its arguments.
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target) as Date;
  }
  ScaledDate.prototype = RealDate.prototype;
  Object.defineProperties(ScaledDate, {
    now: { value: now, writable: true, configurable: true },
    parse: { value: RealDate.parse, writable: true, configurable: true },
    UTC: { value: RealDate.UTC, writable: true, configurable: true },
  });
  globalThis.Date = ScaledDate as unknown as DateConstructor;

  const perfNow = () => perfAtStart + elapsed();
  Object.defineProperty(perf, 'now', { value: perfNow, writable: true, configurable: true });

  const scaled = (real: Timer, kind: 'timeout' | 'interval'): Timer => {
    const wrapper = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const timer = real(callback, Math.max(1, Number(ms ?? 0) / scale), ...args);
      tracked.set(timer, kind);
      // The record must not be what grows: forget fired and cleared timers as it goes.
      if (++sinceSweep >= 256) sweep();
      return timer;
    };
    return wrapper;
  };
  const realSetTimeout = globalThis.setTimeout as unknown as Timer;
  const realSetInterval = globalThis.setInterval as unknown as Timer;
  // util.promisify(setTimeout) relies on this symbol; keep it working at the scaled rate.
  const custom = (realSetTimeout as unknown as Record<symbol, unknown>)[Symbol.for('nodejs.util.promisify.custom')];
  const scaledSetTimeout = scaled(realSetTimeout, 'timeout');
  if (typeof custom === 'function') {
    Object.defineProperty(scaledSetTimeout, Symbol.for('nodejs.util.promisify.custom'), {
      value: (ms?: number, value?: unknown) => (custom as (ms: number, value?: unknown) => Promise<unknown>)(Math.max(1, Number(ms ?? 0) / scale), value),
    });
  }
  globalThis.setTimeout = scaledSetTimeout as unknown as typeof globalThis.setTimeout;
  globalThis.setInterval = scaled(realSetInterval, 'interval') as unknown as typeof globalThis.setInterval;
  installed = true;
}
