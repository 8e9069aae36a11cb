import { describe, expect, it } from 'vitest';
import { watchLiveness } from '../../../src/main/runtime/liveness';
import { FakeTimers } from '../../support/fake-timers';


function setup() {
  const clock = new FakeTimers();
  const pings: number[] = [];
  const hangs: Array<{ at: number; silentMs: number }> = [];
  const watch = watchLiveness({ now: () => clock.time, timers: clock, ping: (seq) => pings.push(seq), hung: (silentMs) => hangs.push({ at: clock.time, silentMs }) });
  return { clock, pings, hangs, watch };
}

describe('watchLiveness', () => {
  it('asks nothing until the bridge of a document has started', () => {
    const { clock, pings } = setup();
    clock.advance(60_000);
    expect(pings).toEqual([]);
  });

  it('a page that answers every ping is never called hung, all shift', () => {
    const { clock, pings, hangs, watch } = setup();
    watch.bridgeStarted();
    for (let i = 0; i < 10 * 720; i++) {
      clock.advance(5000);
      if (pings.length) watch.pong(pings.at(-1)!);
    }
    expect(hangs).toEqual([]);
    expect(pings.length).toBeGreaterThan(7000);
    expect(clock.pending.size).toBe(1); // one timer per view, never more
  });

  it('a page that stops answering is hung 15 to 20 s after the unanswered ping, once', () => {
    const { clock, pings, hangs, watch } = setup();
    watch.bridgeStarted();
    clock.advance(5000); // ping 1 at 5 s
    watch.pong(1);
    clock.advance(5000); // ping 2 at 10 s, never answered
    clock.advance(60_000);
    expect(pings).toEqual([1, 2]);
    expect(hangs).toEqual([{ at: 25_000, silentMs: 15_000 }]);
    expect(watch.armed).toBe(false);
    expect(clock.pending.size).toBe(0);
  });

  it('an answer to an older ping does not count for the newest', () => {
    const { clock, hangs, watch } = setup();
    watch.bridgeStarted();
    clock.advance(5000);
    watch.pong(0);
    watch.pong(2);
    clock.advance(20_000);
    expect(hangs).toHaveLength(1);
  });

  it('a new document re-arms and forgets the ping the old one never got', () => {
    const { clock, hangs, pings, watch } = setup();
    watch.bridgeStarted();
    clock.advance(5000); // ping 1 lost in the navigation
    clock.advance(9000);
    watch.bridgeStarted();
    clock.advance(5000);
    watch.pong(pings.at(-1)!);
    clock.advance(4000);
    expect(hangs).toEqual([]);
  });

  it('after a crash (documentGone) nothing is asked until the reloaded page starts its bridge', () => {
    const { clock, pings, hangs, watch } = setup();
    watch.bridgeStarted();
    clock.advance(5000);
    watch.documentGone();
    clock.advance(60_000);
    expect(pings).toEqual([1]);
    expect(hangs).toEqual([]);
  });

  it('a machine that slept is not a hung page: the late tick asks again instead', () => {
    const { clock, hangs, pings, watch } = setup();
    watch.bridgeStarted();
    clock.advance(5000); // ping 1
    clock.sleep(8 * 3600_000);
    clock.advance(0); // the overdue tick runs on wake
    expect(hangs).toEqual([]);
    expect(pings).toEqual([1, 2]);
    watch.pong(2);
    clock.advance(5000);
    watch.pong(3);
    expect(hangs).toEqual([]);
    clock.advance(20_000); // and a page that then stops answering is still found
    expect(hangs).toHaveLength(1);
  });

  it('dispose stops every timer', () => {
    const { clock, watch } = setup();
    watch.bridgeStarted();
    watch.dispose();
    expect(clock.pending.size).toBe(0);
    watch.bridgeStarted();
    expect(clock.pending.size).toBe(0);
  });
});
