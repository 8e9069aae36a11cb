import { describe, expect, it } from 'vitest';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { PresenceTracker, TRAY_PRIORITY, aggregate } from '../../../src/shared/core/presence';
import { DedupeWindow } from '../../../src/shared/core/dedupe';
import { RateLimiter } from '../../../src/shared/core/rate-limit';

let seq = 0;
const ev = (profile: string, kind: ShellEvent['kind'], extra: Partial<ShellEvent> = {}): ShellEvent => ({
  id: `e${++seq}`,
  at: 1,
  profile,
  vendor: 'demo',
  kind,
  vendorEvent: 'x',
  raw: null,
  ...extra,
});

describe('tray aggregation', () => {
  it('picks the most urgent state in the documented order', () => {
    expect(TRAY_PRIORITY).toEqual(['ringing', 'on-call', 'dnd', 'wrap-up', 'busy', 'away', 'available', 'offline']);
    expect(aggregate(['available', 'ringing', 'offline'], false)).toBe('ringing');
    expect(aggregate(['available', 'busy'], false)).toBe('busy');
    expect(aggregate(['away', 'wrap-up'], false)).toBe('wrap-up');
    expect(aggregate(['offline', 'available'], false)).toBe('available');
    expect(aggregate([], false)).toBe('offline');
  });

  it('shell DND hides routing states but never a live or ringing call', () => {
    expect(aggregate(['available'], true)).toBe('dnd');
    expect(aggregate(['offline'], true)).toBe('dnd');
    expect(aggregate(['on-call'], true)).toBe('on-call');
    expect(aggregate(['ringing'], true)).toBe('ringing');
  });
});

describe('per-profile presence', () => {
  it('follows a call and the reported routing state across two profiles', () => {
    const t = new PresenceTracker(['a', 'b']);
    expect(t.snapshot(false).state).toBe('offline');
    t.apply(ev('a', 'agent.state', { state: 'busy' }));
    t.apply(ev('b', 'vendor.info'));
    expect(t.snapshot(false).profiles).toEqual([
      { profile: 'a', agentState: 'busy', state: 'busy' },
      { profile: 'b', agentState: null, state: 'available' },
    ]);
    t.apply(ev('b', 'interaction.offered', { ref: 'x' }));
    expect(t.snapshot(false).state).toBe('ringing');
    t.apply(ev('b', 'interaction.connected', { ref: 'x' }));
    expect(t.snapshot(false).state).toBe('on-call');
    t.apply(ev('b', 'interaction.hold', { ref: 'x', on: true }));
    expect(t.snapshot(false).state).toBe('on-call');
    t.apply(ev('b', 'interaction.ended', { ref: 'x' }));
    expect(t.snapshot(false).state).toBe('busy');
  });

  it('an unnamed ring is cleared by the named call that follows it', () => {
    const t = new PresenceTracker(['a']);
    t.apply(ev('a', 'interaction.offered'));
    t.apply(ev('a', 'interaction.offered', { ref: 'c1' }));
    t.apply(ev('a', 'interaction.connected', { ref: 'c1' }));
    expect(t.snapshot(false).state).toBe('on-call');
    t.apply(ev('a', 'interaction.ended', { ref: 'c1' }));
    expect(t.snapshot(false).state).toBe('available');
  });

  it('a missed event without a ref clears the profile\'s ringing calls', () => {
    const t = new PresenceTracker(['a']);
    t.apply(ev('a', 'interaction.offered', { ref: 'c1' }));
    t.apply(ev('a', 'interaction.missed'));
    expect(t.snapshot(false).state).toBe('available');
  });

  it('logout wins over the last routing state and clears calls', () => {
    const t = new PresenceTracker(['a']);
    t.apply(ev('a', 'agent.state', { state: 'available' }));
    t.apply(ev('a', 'interaction.connected', { ref: 'c1' }));
    t.apply(ev('a', 'agent.session', { loggedIn: false }));
    expect(t.snapshot(false).profiles[0]).toEqual({ profile: 'a', agentState: 'available', state: 'offline' });
    t.apply(ev('a', 'agent.session', { loggedIn: true }));
    expect(t.snapshot(false).state).toBe('available');
  });

  it('memory stays bounded when a vendor never ends its calls', () => {
    const t = new PresenceTracker(['a']);
    for (let i = 0; i < 10_000; i++) t.apply(ev('a', 'interaction.connected', { ref: `c${i}` }));
    expect(t.phaseOf('a', 'c0')).toBeUndefined();
    expect(t.phaseOf('a', 'c9999')).toBe('active');
  });

  it('changed() reports only real changes', () => {
    const t = new PresenceTracker(['a']);
    expect(t.changed(false)).not.toBeNull();
    expect(t.changed(false)).toBeNull();
    t.apply(ev('a', 'agent.state', { state: 'away' }));
    expect(t.changed(false)?.state).toBe('away');
    expect(t.changed(false)).toBeNull();
  });

  it('ignores events for unknown profiles', () => {
    const t = new PresenceTracker(['a']);
    t.apply(ev('zzz', 'interaction.offered', { ref: 'c' }));
    expect(t.snapshot(false).state).toBe('offline');
  });
});

describe('dedupe window and rate limiter', () => {
  it('dedupe: same key within the window only; bounded size', () => {
    const d = new DedupeWindow(1000, 100);
    expect(d.check('k', 0)).toBe(false);
    expect(d.check('k', 999)).toBe(true);
    expect(d.check('k', 2000)).toBe(false);
    for (let i = 0; i < 1000; i++) d.check(`k${i}`, 3000);
    expect(d.size).toBeLessThanOrEqual(101);
  });

  it('dedupe is idempotent: checking the same stream twice marks the same items', () => {
    const stream = [['a', 0], ['a', 10], ['b', 20], ['b', 500], ['a', 2000]] as const;
    const run = () => {
      const d = new DedupeWindow(1000);
      return stream.map(([k, at]) => d.check(k, at));
    };
    expect(run()).toEqual([false, true, false, true, false]);
    expect(run()).toEqual(run());
  });

  it('rate limiter: sliding window per key', () => {
    const r = new RateLimiter(2, 1000);
    expect([r.allow('a', 0), r.allow('a', 1), r.allow('a', 2), r.allow('b', 2), r.allow('a', 1001)]).toEqual([true, true, false, true, true]);
  });
});

describe('rings that never resolve', () => {
  it('a ring expires after the timeout, so the tray cannot stick on ringing', () => {
    const t = new PresenceTracker(['a'], 1000);
    t.apply(ev('a', 'interaction.offered', { ref: 't1', at: 0 }));
    t.tick(999);
    expect(t.snapshot(false).state).toBe('ringing');
    t.tick(1000);
    expect(t.snapshot(false).state).toBe('available');
  });

  it('an active call does not expire', () => {
    const t = new PresenceTracker(['a'], 1000);
    t.apply(ev('a', 'interaction.connected', { ref: 'c', at: 0 }));
    t.tick(1_000_000);
    expect(t.snapshot(false).state).toBe('on-call');
  });

  it('an informational event about a ringing offer means the agent took it (Engage task:selected)', () => {
    const t = new PresenceTracker(['a']);
    t.apply(ev('a', 'interaction.offered', { ref: 't1' }));
    t.apply(ev('a', 'vendor.info', { ref: 't1' }));
    expect(t.snapshot(false).state).toBe('available');
  });
});
