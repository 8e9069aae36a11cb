import type { PowerMonitor } from 'electron';
import { describe, expect, it } from 'vitest';
import { IDLE_POLL_MS, watchAutoAway, type PowerMonitorLike } from '../../../src/main/tray/auto-away-watch';
import type { AutoAwayCommand, AutoAwaySettings } from '../../../src/shared/tray/auto-away';

// Electron's powerMonitor fits the fake's interface (checked by tsc, never run).
export const electronFits = (pm: PowerMonitor): PowerMonitorLike => pm;

const ON: AutoAwaySettings = { enabled: true, idleMinutes: 5, onLock: true };

function setup(settings: AutoAwaySettings = ON, platform = 'win32') {
  const listeners = new Map<string, () => void>();
  let idleSeconds = 0;
  let idleState = 'active';
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  let nextHandle = 1;
  const sent: AutoAwayCommand[][] = [];
  const powerMonitor: PowerMonitorLike = {
    on: (event: string, listener: () => void) => listeners.set(event, listener),
    removeListener: (event: string) => listeners.delete(event),
    getSystemIdleTime: () => idleSeconds,
    getSystemIdleState: (threshold: number) => (idleState === 'locked' || idleState === 'unknown' ? idleState : idleSeconds >= threshold ? 'idle' : 'active'),
  };
  const watch = watchAutoAway({
    powerMonitor,
    timers: {
      setInterval: (fn, ms) => {
        intervals.set(nextHandle, { fn, ms });
        return nextHandle++;
      },
      clearInterval: (h) => void intervals.delete(h),
    },
    settings,
    platform,
    onCommands: (c) => void sent.push(c),
  });
  watch.presence([{ profile: 'ef', vendor: 'expertflow', state: 'available', agentState: 'available' }]);
  return {
    watch,
    sent,
    intervals,
    listeners,
    emit: (event: string) => listeners.get(event)?.(),
    setIdle: (s: number) => void (idleSeconds = s),
    /** What Chromium answers for getSystemIdleState: 'locked' while the desktop reports a lock. */
    setIdleState: (state: 'active' | 'locked' | 'unknown') => void (idleState = state),
    poll: () => [...intervals.values()].forEach((i) => i.fn()),
  };
}

describe('watchAutoAway', () => {
  it('lock and unlock from powerMonitor set away and restore', () => {
    const t = setup();
    t.emit('lock-screen');
    expect(t.sent).toEqual([[{ profile: 'ef', state: 'away' }]]);
    expect(t.watch.isAway).toBe(true);
    t.watch.presence([{ profile: 'ef', vendor: 'expertflow', state: 'away', agentState: 'away' }]);
    t.emit('unlock-screen');
    expect(t.sent[1]).toEqual([{ profile: 'ef', state: 'available' }]);
  });

  // On Linux with a desktop that never reports a lock ('unknown'), only the idle time counts too.
  it.each([
    ['win32', 'active'],
    ['linux', 'unknown'],
  ] as const)('polls the system idle time every 30 s while enabled (%s, lock state %s)', (platform, idleState) => {
    const t = setup(ON, platform);
    t.setIdleState(idleState);
    expect([...t.intervals.values()].map((i) => i.ms)).toEqual([IDLE_POLL_MS]);
    t.setIdle(299);
    t.poll();
    expect(t.sent).toEqual([]);
    t.setIdle(300);
    t.poll();
    expect(t.sent).toEqual([[{ profile: 'ef', state: 'away' }]]);
  });

  it('runs no timer while disabled, and starts and stops it with the setting', () => {
    const t = setup({ ...ON, enabled: false });
    expect(t.intervals.size).toBe(0);
    t.emit('lock-screen');
    expect(t.sent).toEqual([]);
    t.watch.setSettings(ON);
    expect(t.intervals.size).toBe(1);
    t.watch.setSettings({ ...ON, enabled: false });
    expect(t.intervals.size).toBe(0);
  });

  it('dispose removes the listeners and the timer', () => {
    const t = setup();
    t.watch.dispose();
    expect(t.listeners.size).toBe(0);
    expect(t.intervals.size).toBe(0);
  });

  describe('Linux: no lock events, so the lock is polled', () => {
    it('a lock the desktop reports sets away at the next poll, and the unlock restores', () => {
      const t = setup(ON, 'linux');
      t.setIdleState('locked');
      t.setIdle(40); // locked 40 s ago: far below the 5 idle minutes, so only the lock counts
      t.poll();
      expect(t.sent).toEqual([[{ profile: 'ef', state: 'away' }]]);
      t.watch.presence([{ profile: 'ef', vendor: 'expertflow', state: 'away', agentState: 'away' }]);
      t.poll(); // still locked: nothing new
      expect(t.sent).toHaveLength(1);
      t.setIdleState('active');
      t.setIdle(0);
      t.poll();
      expect(t.sent[1]).toEqual([{ profile: 'ef', state: 'available' }]);
    });

    it('"Go away when the screen locks" off: a reported lock changes nothing', () => {
      const t = setup({ ...ON, onLock: false }, 'linux');
      t.setIdleState('locked');
      t.poll();
      expect(t.sent).toEqual([]);
    });

    it('Windows and macOS are told by events: the poll does not read the lock', () => {
      const t = setup(ON, 'darwin');
      t.setIdleState('locked');
      t.poll();
      expect(t.sent).toEqual([]);
    });
  });
});
