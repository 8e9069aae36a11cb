/**
 * Per-key sliding-window limiter for notifications: a vendor page stuck in a loop must not bury
 * the agent's desktop in toasts. Memory is bounded by the number of keys (profiles) times `max`.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** True when one more hit for `key` at `at` fits in the window (and records it). */
  allow(key: string, at: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => at - t < this.windowMs && at >= t);
    const ok = recent.length < this.max;
    if (ok) recent.push(at);
    this.hits.set(key, recent);
    return ok;
  }
}
