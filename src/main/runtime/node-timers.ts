/**
 * Node's timers in the shapes main's watches take (liveness, view health, shell recovery,
 * auto-away, online): one place for the real ones, while each watch's tests pass fakes.
 */
import type { ViewTimers } from './view-resilience';

/** setInterval/clearInterval (these in main; fakes in tests). */
export interface IntervalTimers<H> {
  setInterval(callback: () => void, ms: number): H;
  clearInterval(handle: H): void;
}

export const NODE_TIMEOUTS: ViewTimers<NodeJS.Timeout> = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/** Unref'd: a periodic check never keeps the process alive on its own. */
export const BACKGROUND_INTERVALS: IntervalTimers<NodeJS.Timeout> = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (handle) => clearInterval(handle),
};
