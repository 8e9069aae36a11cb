/**
 * Feeds the pure AutoAway machine from Electron's powerMonitor: 'lock-screen'/'unlock-screen'
 * events and getSystemIdleTime() polled every 30 s while auto-away is on. Commands go to
 * `onCommands`, which main delivers through the profile's vendor adapter (setState.build).
 *
 * Linux has no lock events ('lock-screen' and 'unlock-screen' are _macOS_ _Windows_ in
 * electron/electron docs/api/power-monitor.md). There the same poll asks
 * getSystemIdleState(), which answers 'locked' "on supported systems only" (same page): Chromium
 * asks the desktop's screensaver service over D-Bus (GNOME, KDE Plasma, Cinnamon and others
 * implement one) and finds the X11 screensaver window. A desktop that reports neither never
 * says 'locked', so there only idle time counts: Settings says so next to the option.
 *
 * Why polling: powerMonitor has no "idle for N minutes" event; a 30 s poll is at most 30 s late,
 * which is fine for a threshold measured in minutes, and costs nothing measurable.
 */
import type { IntervalTimers } from '../runtime/node-timers';
import { AutoAway, type AutoAwayCommand, type AutoAwayProfile, type AutoAwaySettings } from '../../shared/tray/auto-away';

export const IDLE_POLL_MS = 30_000;

/** The parts of Electron's powerMonitor used here. */
export interface PowerMonitorLike {
  on(event: 'lock-screen', listener: () => void): unknown;
  on(event: 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'unlock-screen', listener: () => void): unknown;
  /** Seconds since the last user input. */
  getSystemIdleTime(): number;
  /** 'active' | 'idle' | 'locked' | 'unknown'; read here only for 'locked' (Linux). */
  getSystemIdleState(idleThreshold: number): string;
}

export interface AutoAwayWatchDeps<H> {
  powerMonitor: PowerMonitorLike;
  timers: IntervalTimers<H>;
  settings: AutoAwaySettings;
  onCommands: (commands: AutoAwayCommand[]) => void;
  /** process.platform: on 'linux' the lock is polled, since no lock events come. */
  platform: string;
  pollMs?: number;
}

export interface AutoAwayWatch {
  setSettings(settings: AutoAwaySettings): void;
  /** Call with every presence snapshot (profile ids, vendors, tray and agent states). */
  presence(profiles: readonly AutoAwayProfile[]): void;
  readonly isAway: boolean;
  dispose(): void;
}

export function watchAutoAway<H>(deps: AutoAwayWatchDeps<H>): AutoAwayWatch {
  const machine = new AutoAway(deps.settings);
  const pollMs = deps.pollMs ?? IDLE_POLL_MS;
  let timer: { handle: H } | null = null;

  const emit = (commands: AutoAwayCommand[]): void => {
    if (commands.length > 0) deps.onCommands(commands);
  };
  const pollsLock = deps.platform === 'linux';
  let polledLocked = false;
  const poll = (): void => {
    // The lock first: an unlock is input, so the idle time read after it is the fresh one.
    if (pollsLock) {
      const locked = deps.powerMonitor.getSystemIdleState(1) === 'locked';
      if (locked !== polledLocked) {
        polledLocked = locked;
        emit(locked ? machine.lock() : machine.unlock());
      }
    }
    emit(machine.idle(deps.powerMonitor.getSystemIdleTime()));
  };
  const onLock = (): void => emit(machine.lock());
  const onUnlock = (): void => emit(machine.unlock());

  // No timer at all while the setting is off: nothing to do, and nothing keeps waking the process.
  const syncTimer = (enabled: boolean): void => {
    if (enabled && !timer) timer = { handle: deps.timers.setInterval(poll, pollMs) };
    if (!enabled && timer) {
      deps.timers.clearInterval(timer.handle);
      timer = null;
    }
  };

  deps.powerMonitor.on('lock-screen', onLock);
  deps.powerMonitor.on('unlock-screen', onUnlock);
  syncTimer(deps.settings.enabled);

  return {
    setSettings(settings) {
      syncTimer(settings.enabled);
      emit(machine.setSettings(settings));
    },
    presence(profiles) {
      emit(machine.presence(profiles));
    },
    get isAway() {
      return machine.isAway;
    },
    dispose() {
      syncTimer(false);
      deps.powerMonitor.removeListener('lock-screen', onLock);
      deps.powerMonitor.removeListener('unlock-screen', onUnlock);
    },
  };
}
