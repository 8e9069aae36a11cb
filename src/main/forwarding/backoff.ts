/**
 * Retry timing for the forwarder. Pure: time and randomness are passed in, so tests are exact.
 */

export interface BackoffOptions {
  /** Delay after the first failure; doubles with each consecutive failure. */
  baseMs?: number;
  /** Cap, also applied to a server's Retry-After so one header cannot park the queue for days. */
  maxMs?: number;
  /** [0, 1); Math.random by default. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 5 * 60_000 } as const;

/**
 * "Equal jitter": half the exponential delay is fixed, half random. The fixed half guarantees a
 * failing endpoint is never hammered; the random half spreads a fleet of agents that all lost the
 * endpoint at once so they do not retry in lockstep.
 *
 * A Retry-After is a minimum: the wait is the larger of it and our own backoff.
 */
export function retryDelay(failures: number, retryAfterMs: number | undefined, opts: BackoffOptions = {}): number {
  const baseMs = opts.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const maxMs = opts.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const random = opts.random ?? Math.random;
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(0, failures - 1), 30));
  const jittered = Math.round(exp / 2 + (exp / 2) * random());
  if (retryAfterMs === undefined) return jittered;
  return Math.min(maxMs, Math.max(jittered, retryAfterMs));
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds
 * from now, or undefined when absent or unparseable (then our own backoff applies).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse accepts almost anything ("-5" is a year); an HTTP date always names a weekday/month.
  const at = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
