/**
 * powerMonitor: screen lock events and the system idle state, which the app tier sets as the
 * agent's machine would report them (control.ts 'screen', 'idle').
 * - 'lock-screen'/'unlock-screen' exist on macOS and Windows only (electron/electron
 *   docs/api/power-monitor.md marks both _macOS_ _Windows_); on Linux a lock emits nothing.
 * - getSystemIdleState(threshold) answers 'locked' while the screen is locked "on supported systems
 *   only" (same page; electron_api_power_monitor.cc GetSystemIdleState → ui::CalculateIdleState).
 *   On Linux that is a desktop whose screensaver service reports the lock over D-Bus; the model's
 *   Linux desktop reports it unless the test says it does not (`reported: false`), and then the
 *   answer is the idle one, as on a desktop with no such service.
 */
import { ModelEmitter, emitSafely } from './events';
import { isLinux } from './platform';
import { strict } from './strict';

type IdleState = 'active' | 'idle' | 'locked' | 'unknown';

class PowerMonitor extends ModelEmitter {
  _idleSeconds = 0;
  private locked = false;
  private lockReported = true;

  getSystemIdleTime(): number {
    return this._idleSeconds;
  }

  getSystemIdleState(threshold: number): IdleState {
    if (this.locked && this.lockReported) return 'locked';
    return this._idleSeconds >= threshold ? 'idle' : 'active';
  }

  /** The agent's screen locks or unlocks. `reported`: Linux only, whether the desktop tells. */
  _screen(locked: boolean, reported = true): void {
    this.locked = locked;
    this.lockReported = reported;
    if (!isLinux()) emitSafely(this, locked ? 'lock-screen' : 'unlock-screen');
  }
}

export const powerMonitor = strict(new PowerMonitor(), 'powerMonitor');
