import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../../../src/main/forwarding/backoff';

describe('forwarding backoff', () => {
  it('doubles from 1 s to a 5 min cap, with equal jitter', () => {
    const low = { random: () => 0 };
    const high = { random: () => 0.999999 };
    expect([1, 2, 3, 4].map((f) => retryDelay(f, undefined, low))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((f) => retryDelay(f, undefined, high))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(30, undefined, high)).toBe(300_000);
    expect(retryDelay(10_000, undefined, low)).toBe(150_000); // No overflow after a long outage.
  });

  it('treats Retry-After as a minimum, capped by maxMs', () => {
    const low = { random: () => 0 };
    expect(retryDelay(1, 30_000, low)).toBe(30_000);
    expect(retryDelay(5, 0, low)).toBe(8000); // Retry-After: 0 never beats our own backoff.
    expect(retryDelay(1, 86_400_000, low)).toBe(300_000);
    expect(retryDelay(1, 5000, { baseMs: 10, maxMs: 100, random: () => 0 })).toBe(100);
  });

  it('parses delta-seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 3 ', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
