/**
 * Where a ring goes when the OS does not show its toast (notifier.ts): the shell window rings
 * instead. Until the in-window ring surface exists, that is what the shell can do today — the
 * snapshot's `unshownRings` puts a banner naming the caller and the profile across the content
 * area, the window comes forward without taking the agent's focus, and the ringing profile is
 * selected; all until the ring ends (answered, declined, ended, missed or expired).
 */
import type { RingFallback, UnshownRingInput } from './notifier';

/** What the shell window does for an unshown ring (ShellWindow implements it). */
export interface RingingWindow {
  /** Select the ringing profile and bring the window forward without focusing it. */
  ringUnshown(profile: string): void;
  /** The banner's rings changed: lay out around it, and stop asking for attention when none is left. */
  unshownRingsChanged(): void;
}

export interface RingFallbackDeps {
  state: {
    setUnshownRing(ring: UnshownRingInput): boolean;
    clearUnshownRing(key: string): boolean;
    hasUnshownRing(key: string): boolean;
    unshownRingKeys(): string[];
  };
  /** null before the window exists (a ring while the app starts rings once it is up: ShellWindow reads the state). */
  window(): RingingWindow | null;
  /** The shell UI gets a fresh snapshot. */
  changed(): void;
  log(message: string, data?: unknown): void;
}

export function createRingFallback(deps: RingFallbackDeps): RingFallback {
  return {
    show(ring) {
      const isNew = deps.state.setUnshownRing(ring);
      const win = deps.window();
      win?.unshownRingsChanged();
      // A ring named again (fresher text) must not pull the agent back to it a second time.
      if (isNew) {
        deps.log('ringing in the window: the system notification was not shown', { profile: ring.profile, why: ring.why });
        win?.ringUnshown(ring.profile);
      }
      deps.changed();
    },
    end(key) {
      if (!deps.state.clearUnshownRing(key)) return;
      deps.window()?.unshownRingsChanged();
      deps.changed();
    },
    isRinging: (key) => deps.state.hasUnshownRing(key),
    endAll() {
      for (const key of deps.state.unshownRingKeys()) this.end(key);
    },
  };
}
