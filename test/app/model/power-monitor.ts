/**
 * powerMonitor: screen lock events (macOS and Windows only; Linux has no 'lock-screen', as
 * docs/api/power-monitor.md marks them) and the system idle time, which the app tier sets as the
 * agent's machine would report it.
 */
import { ModelEmitter, emitSafely } from './events';
import { isLinux } from './platform';
import { strict } from './strict';

class PowerMonitor extends ModelEmitter {
  _idleSeconds = 0;

  getSystemIdleTime(): number {
    return this._idleSeconds;
  }

  getSystemIdleState(threshold: number): 'active' | 'idle' {
    return this._idleSeconds >= threshold ? 'idle' : 'active';
  }

  /** The agent's screen locks or unlocks (not on Linux). */
  _screen(locked: boolean): void {
    if (isLinux()) throw new Error('electron model: Linux reports no lock-screen/unlock-screen events');
    emitSafely(this, locked ? 'lock-screen' : 'unlock-screen');
  }
}

export const powerMonitor = strict(new PowerMonitor(), 'powerMonitor');
