/** The network coming back while the machine is awake (src/main/runtime/online-watch.ts). */
import { describe, expect, it } from 'vitest';
import { ONLINE_POLL_MS, watchOnline } from '../../../src/main/runtime/online-watch';

function rig(startOnline: boolean) {
  let online = startOnline;
  let tick: (() => void) | null = null;
  let every = 0;
  const events: string[] = [];
  const watch = watchOnline({
    isOnline: () => online,
    timers: {
      setInterval: (fn, ms) => ((tick = fn), (every = ms), 1),
      clearInterval: () => void (tick = null),
    },
    onOnline: () => events.push('retry'),
    log: (m) => events.push(m),
  });
  return { watch, events, set: (v: boolean) => void (online = v), poll: () => tick?.(), every: () => every, running: () => tick !== null };
}

describe('watchOnline', () => {
  it('tries the waiting views once when the link comes back, not on every poll', () => {
    const t = rig(false);
    expect(t.every()).toBe(ONLINE_POLL_MS);
    t.poll();
    expect(t.events).toEqual([]);
    t.set(true);
    t.poll();
    t.poll();
    expect(t.events).toEqual(['the network is back: views waiting for it try again now', 'retry']);
  });

  it('a link that goes away is logged, and nothing is retried', () => {
    const t = rig(true);
    t.set(false);
    t.poll();
    expect(t.events).toEqual(['the network is gone']);
  });

  it('stops polling when disposed', () => {
    const t = rig(true);
    t.watch.dispose();
    expect(t.running()).toBe(false);
  });
});
