/**
 * The handshake schedule (src/preload/handshake-retry.ts) on a fake clock: sent on load, re-sent
 * with backoff until the vendor answers, given up after 30 s, started over on every (re)load.
 * test/browser/handshake.spec.ts proves the same in Chromium against a bar that listens late.
 */
import { describe, expect, it } from 'vitest';
import { HANDSHAKE_GIVE_UP_MS, createHandshakeRetry, type HandshakeReport } from '../../../src/preload/handshake-retry';

function rig(target = { present: true }) {
  let now = 1_000;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const posted: number[] = [];
  const reports: Array<[HandshakeReport['state'], number, number]> = [];
  const retry = createHandshakeRetry(
    () => (target.present ? (posted.push(now), true) : false),
    (r) => void reports.push([r.state, r.attempts, r.elapsedMs]),
    { now: () => now, setTimeout: (fn, ms) => void timers.push({ at: now + ms, fn }) },
  );
  /** Runs every timer due up to `to` (ms after the start), in time order. */
  const advanceTo = (to: number) => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > 1_000 + to) break;
      timers.shift();
      now = next.at;
      next.fn();
    }
    now = 1_000 + to;
  };
  return { retry, posted: () => posted.map((t) => t - 1_000), reports, advanceTo, timers, setNow: (t: number) => (now = 1_000 + t) };
}

describe('handshake retry', () => {
  it('sends on load, then after 0.5, 1, 2, 4, 8, 8 s, and gives up at 30 s without an answer', () => {
    const { retry, posted, reports, advanceTo, timers } = rig();
    retry.start();
    expect(posted()).toEqual([0]);
    advanceTo(60_000);
    expect(posted()).toEqual([0, 500, 1_500, 3_500, 7_500, 15_500, 23_500]);
    expect(reports).toEqual([
      ['sent', 1, 0], ['sent', 2, 500], ['sent', 3, 1_500], ['sent', 4, 3_500], ['sent', 5, 7_500], ['sent', 6, 15_500], ['sent', 7, 23_500],
      ['gave-up', 7, HANDSHAKE_GIVE_UP_MS],
    ]);
    expect(timers).toEqual([]);
  });

  it('stops re-sending at the first answer and reports after how many sends', () => {
    const { retry, posted, reports, advanceTo, setNow } = rig();
    retry.start();
    advanceTo(1_600);
    setNow(1_700);
    retry.answered();
    retry.answered();
    advanceTo(60_000);
    expect(posted()).toEqual([0, 500, 1_500]);
    expect(reports.slice(-1)).toEqual([['answered', 3, 1_700]]);
    expect(reports.filter((r) => r[0] === 'gave-up')).toEqual([]);
  });

  it('a first event after giving up is still reported as the answer, once', () => {
    const { retry, reports, advanceTo, setNow } = rig();
    retry.start();
    advanceTo(40_000);
    setNow(95_000);
    retry.answered();
    retry.answered();
    expect(reports.slice(-2)).toEqual([['gave-up', 7, 30_000], ['answered', 7, 95_000]]);
  });

  it('a reload starts over: attempts and time count from the new load, the old schedule stops', () => {
    const { retry, posted, reports, advanceTo, setNow } = rig();
    retry.start();
    advanceTo(1_600);
    retry.answered();
    setNow(10_000);
    retry.start();
    advanceTo(11_000);
    setNow(11_200);
    retry.answered();
    advanceTo(60_000);
    expect(posted()).toEqual([0, 500, 1_500, 10_000, 10_500]);
    expect(reports).toEqual([['sent', 1, 0], ['sent', 2, 500], ['sent', 3, 1_500], ['answered', 3, 1_600], ['sent', 1, 0], ['sent', 2, 500], ['answered', 2, 1_200]]);
  });

  it('a reload before any answer drops the first document\'s timers', () => {
    const { retry, posted, advanceTo, setNow } = rig();
    retry.start();
    advanceTo(600);
    setNow(700);
    retry.start();
    advanceTo(2_000);
    // First document: 0, 500. Second (from 700): 700, 1200, then 2200 (not yet).
    expect(posted()).toEqual([0, 500, 700, 1_200]);
  });

  it('keeps trying while there is no vendor window, counting only real sends', () => {
    const target = { present: false };
    const { retry, posted, reports, advanceTo } = rig(target);
    retry.start();
    advanceTo(1_000);
    expect(posted()).toEqual([]);
    target.present = true;
    advanceTo(2_600);
    // Polled every 0.5 s while absent; the backoff counts from the first real send.
    expect(posted()).toEqual([1_500, 2_000]);
    expect(reports).toEqual([['sent', 1, 1_500], ['sent', 2, 2_000]]);
  });

  it('an answer with no handshake started is ignored', () => {
    const { retry, reports } = rig();
    retry.answered();
    expect(reports).toEqual([]);
  });
});
