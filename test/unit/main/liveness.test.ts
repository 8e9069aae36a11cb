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

/** A framed view: the host page's bridge answers every ping; the vendor frame answers as told. */
function framed() {
  const clock = new FakeTimers();
  const hangs: Array<{ at: number; silentMs: number; who: string }> = [];
  const asked: Array<{ answer(): void; fail(): void }> = [];
  let frame = true;
  const watch = watchLiveness({
    now: () => clock.time,
    timers: clock,
    ping: (seq) => queueMicrotask(() => watch.pong(seq)),
    probeFrame: () => {
      if (!frame) return null;
      return new Promise<unknown>((resolve, reject) => asked.push({ answer: () => resolve(0), fail: () => reject(new Error('Render frame was disposed')) }));
    },
    hung: (silentMs, who) => hangs.push({ at: clock.time, silentMs, who }),
  });
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 1000) {
      clock.advance(Math.min(1000, ms - t));
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return { clock, hangs, asked, watch, advance, noFrame: () => (frame = false) };
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

  describe('framed mode: the vendor frame, in its own process, is asked too', () => {
    it('a vendor frame stuck in a script is hung 15 s after its unanswered question, though the host page answers', async () => {
      const { hangs, asked, watch, advance } = framed();
      watch.bridgeStarted();
      await advance(5000); // question 1 at 5 s, answered
      asked[0]!.answer();
      await advance(5000); // question 2 at 10 s, never answered
      await advance(60_000);
      expect(hangs).toEqual([{ at: 25_000, silentMs: 15_000, who: 'vendor frame' }]);
      expect(asked).toHaveLength(2);
    });

    it('a frame that answers, or rejects (it went away), is never called hung; one question at a time', async () => {
      const { hangs, asked, watch, advance } = framed();
      watch.bridgeStarted();
      for (let i = 0; i < 100; i++) {
        await advance(5000);
        if (i % 3 === 0) asked.at(-1)?.fail();
        else if (i % 3 === 1) asked.at(-1)?.answer();
      }
      expect(hangs).toEqual([]);
      expect(asked.length).toBeGreaterThan(60);
      expect(asked.length).toBeLessThan(101);
    });

    it('a question to a frame that navigated meanwhile is forgotten, and the new document asked', async () => {
      const { hangs, asked, watch, advance } = framed();
      watch.bridgeStarted();
      await advance(5000); // question 1: the frame navigates before answering (Electron drops it)
      await advance(9000);
      watch.frameReplaced();
      await advance(1000); // question 2 at 15 s
      asked[1]!.answer();
      await advance(10_000);
      expect(hangs).toEqual([]);
      expect(asked.length).toBeGreaterThanOrEqual(3);
    });

    it('with no vendor frame yet (the host page still loading it), nothing is held against the view', async () => {
      const { hangs, asked, watch, advance, noFrame } = framed();
      noFrame();
      watch.bridgeStarted();
      await advance(60_000);
      expect(asked).toEqual([]);
      expect(hangs).toEqual([]);
    });
  });
});
