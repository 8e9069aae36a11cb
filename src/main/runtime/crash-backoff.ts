/**
 * When a vendor view's renderer dies, reload it — but back off exponentially and stop after a
 * burst of crashes, so a page that crashes on load cannot pin a CPU in a reload loop. Pure: time
 * is passed in, timers live in the glue (view-resilience.ts).
 */

export type HealthState = 'ok' | 'recovering' | 'failed';
export type CrashVerdict = { action: 'reload'; delayMs: number } | { action: 'give-up'; reason: string };

export interface CrashBackoffOptions {
  /** Delay before the first reload; doubles with each crash since the view was last stable. */
  baseMs?: number;
  maxMs?: number;
  /** This many crashes within windowMs means the page cannot recover on its own. */
  maxCrashes?: number;
  windowMs?: number;
  /** How long a reload must stay up before it counts as recovered (the caller times this). */
  stableMs?: number;
}

export class CrashBackoff {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly maxCrashes: number;
  readonly windowMs: number;
  readonly stableMs: number;
  /** Crash times inside the window, oldest first. */
  private crashes: number[] = [];
  /** Crashes since the view was last stable; drives the delay. */
  private streak = 0;
  private current: HealthState = 'ok';

  constructor(opts: CrashBackoffOptions = {}) {
    this.baseMs = opts.baseMs ?? 1000;
    this.maxMs = opts.maxMs ?? 60_000;
    this.maxCrashes = opts.maxCrashes ?? 5;
    this.windowMs = opts.windowMs ?? 10 * 60_000;
    this.stableMs = opts.stableMs ?? 120_000;
  }

  get state(): HealthState {
    return this.current;
  }

  onCrash(now: number): CrashVerdict {
    if (this.current === 'failed') return { action: 'give-up', reason: this.giveUpReason() };
    this.prune(now);
    this.crashes.push(now);
    if (this.crashes.length >= this.maxCrashes) {
      this.current = 'failed';
      return { action: 'give-up', reason: this.giveUpReason() };
    }
    this.streak += 1;
    this.current = 'recovering';
    const delayMs = Math.min(this.maxMs, this.baseMs * 2 ** (this.streak - 1));
    return { action: 'reload', delayMs };
  }

  /**
   * The reload stayed up for stableMs: back to 'ok' and the next crash waits baseMs again. The
   * crash window is deliberately kept, so a page that survives two minutes and then crashes, over
   * and over, still ends in 'failed' rather than cycling all shift.
   */
  onStable(now: number): void {
    if (this.current === 'failed') return;
    this.prune(now);
    this.streak = 0;
    this.current = 'ok';
  }

  /** A person asked to try again (e.g. the "Reload" button on the failed view): start afresh. */
  reset(): void {
    this.crashes = [];
    this.streak = 0;
    this.current = 'ok';
  }

  private prune(now: number): void {
    this.crashes = this.crashes.filter((at) => now - at < this.windowMs);
  }

  private giveUpReason(): string {
    const minutes = Math.round(this.windowMs / 60_000);
    return `the page crashed ${this.maxCrashes} times within ${minutes} minute${minutes === 1 ? '' : 's'}; not reloading it again automatically`;
  }
}

/** Chromium's hung-renderer delay: how long a page may go without answering before it is hung. */
export const HUNG_RENDERER_MS = 15_000;

export interface UnresponsiveWatchOptions {
  /** How long a hung page gets to recover by itself before it is reloaded. */
  graceMs?: number;
}

/**
 * Tracks one hang episode: Electron reports 'unresponsive' and, if the page recovers,
 * 'responsive'. The caller checks due(now) from a timer set for graceMs.
 */
export class UnresponsiveWatch {
  readonly graceMs: number;
  private since: number | undefined;

  constructor(opts: UnresponsiveWatchOptions = {}) {
    this.graceMs = opts.graceMs ?? HUNG_RENDERER_MS;
  }

  get hung(): boolean {
    return this.since !== undefined;
  }

  onUnresponsive(now: number): void {
    // Electron may repeat the event during one hang; the grace period runs from the first.
    this.since ??= now;
  }

  onResponsive(): void {
    this.since = undefined;
  }

  /** True once per hang that outlasted the grace period; the caller then reloads. */
  due(now: number): boolean {
    if (this.since === undefined || now - this.since < this.graceMs) return false;
    this.since = undefined;
    return true;
  }
}
