import { describe, expect, it } from 'vitest';
import { CrashBackoff, UnresponsiveWatch } from '../../../src/main/runtime/crash-backoff';

const SEC = 1000;
const MIN = 60 * SEC;

describe('CrashBackoff', () => {
  it('starts ok with the documented defaults', () => {
    const b = new CrashBackoff();
    expect(b.state).toBe('ok');
    expect([b.baseMs, b.maxMs, b.maxCrashes, b.windowMs, b.stableMs]).toEqual([1000, 60_000, 5, 600_000, 120_000]);
  });

  it('doubles the delay from 1 s and gives up at the fifth crash inside the window', () => {
    const b = new CrashBackoff();
    expect(b.onCrash(0)).toEqual({ action: 'reload', delayMs: 1000 });
    expect(b.state).toBe('recovering');
    expect(b.onCrash(5 * SEC)).toEqual({ action: 'reload', delayMs: 2000 });
    expect(b.onCrash(10 * SEC)).toEqual({ action: 'reload', delayMs: 4000 });
    expect(b.onCrash(20 * SEC)).toEqual({ action: 'reload', delayMs: 8000 });
    const last = b.onCrash(40 * SEC);
    expect(last).toEqual({
      action: 'give-up',
      reason: 'the page crashed 5 times within 10 minutes; not reloading it again automatically',
    });
    expect(b.state).toBe('failed');
  });

  it('stays failed until reset, then starts afresh', () => {
    const b = new CrashBackoff({ maxCrashes: 2 });
    b.onCrash(0);
    expect(b.onCrash(1).action).toBe('give-up');
    expect(b.onCrash(20 * MIN).action).toBe('give-up');
    b.onStable(30 * MIN);
    expect(b.state).toBe('failed');
    b.reset();
    expect(b.state).toBe('ok');
    expect(b.onCrash(31 * MIN)).toEqual({ action: 'reload', delayMs: 1000 });
  });

  it('caps the delay at maxMs', () => {
    const b = new CrashBackoff({ baseMs: 1000, maxMs: 5000, maxCrashes: 100 });
    const delays = Array.from({ length: 6 }, (_, i) => b.onCrash(i));
    expect(delays.map((d) => (d.action === 'reload' ? d.delayMs : -1))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('uses the default cap of one minute', () => {
    const b = new CrashBackoff({ maxCrashes: 100 });
    let last = b.onCrash(0);
    for (let i = 1; i < 10; i++) last = b.onCrash(i);
    expect(last).toEqual({ action: 'reload', delayMs: 60_000 });
  });

  it('forgets crashes older than the window', () => {
    const b = new CrashBackoff({ maxCrashes: 3, windowMs: 10 * MIN });
    b.onCrash(0);
    b.onCrash(1 * MIN);
    // 10 minutes after the first crash it no longer counts, so this is the second of the window.
    expect(b.onCrash(10 * MIN).action).toBe('reload');
    expect(b.onCrash(10.5 * MIN).action).toBe('give-up');
  });

  it('after a stable run: back to ok and the delay starts at 1 s again', () => {
    const b = new CrashBackoff();
    b.onCrash(0);
    b.onCrash(1 * SEC);
    expect(b.onCrash(3 * SEC)).toMatchObject({ delayMs: 4000 });
    b.onStable(3 * MIN);
    expect(b.state).toBe('ok');
    expect(b.onCrash(4 * MIN)).toEqual({ action: 'reload', delayMs: 1000 });
  });

  it('keeps counting crashes in the window across stable runs, so a slow crash cycle still ends', () => {
    const b = new CrashBackoff();
    const verdicts = [];
    for (let i = 0; i < 5; i++) {
      verdicts.push(b.onCrash(i * 2.1 * MIN).action);
      b.onStable(i * 2.1 * MIN + 2 * MIN);
    }
    expect(verdicts).toEqual(['reload', 'reload', 'reload', 'reload', 'give-up']);
  });

  it('never gives up on crashes spread wider than the window', () => {
    const b = new CrashBackoff();
    for (let i = 0; i < 20; i++) {
      expect(b.onCrash(i * 3 * MIN)).toEqual({ action: 'reload', delayMs: 1000 });
      b.onStable(i * 3 * MIN + 2 * MIN);
    }
  });
});

describe('UnresponsiveWatch', () => {
  it('is due once the page stays unresponsive for the grace period (15 s default)', () => {
    const w = new UnresponsiveWatch();
    expect(w.graceMs).toBe(15_000);
    expect(w.due(100 * SEC)).toBe(false);
    w.onUnresponsive(0);
    expect(w.hung).toBe(true);
    expect(w.due(14_999)).toBe(false);
    expect(w.due(15_000)).toBe(true);
  });

  it('says so once per hang', () => {
    const w = new UnresponsiveWatch({ graceMs: 1000 });
    w.onUnresponsive(0);
    expect(w.due(2000)).toBe(true);
    expect(w.due(3000)).toBe(false);
    expect(w.hung).toBe(false);
  });

  it('is not due when the page recovers in time', () => {
    const w = new UnresponsiveWatch({ graceMs: 1000 });
    w.onUnresponsive(0);
    w.onResponsive();
    expect(w.due(5000)).toBe(false);
  });

  it('times the grace period from the first report of a hang', () => {
    const w = new UnresponsiveWatch({ graceMs: 1000 });
    w.onUnresponsive(0);
    w.onUnresponsive(900);
    expect(w.due(1000)).toBe(true);
  });

  it('starts a new grace period for a new hang', () => {
    const w = new UnresponsiveWatch({ graceMs: 1000 });
    w.onUnresponsive(0);
    w.onResponsive();
    w.onUnresponsive(5000);
    expect(w.due(5500)).toBe(false);
    expect(w.due(6000)).toBe(true);
  });
});
