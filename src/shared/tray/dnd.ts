/**
 * Shell-level do-not-disturb as the tray sets it: on until switched off, for one hour, or until
 * tomorrow morning. Pure and immutable: main keeps the current DndState, stores `toJSON()` in
 * settings so DND survives a restart, and arms one timer for `nextChange(now)`.
 *
 * "Until tomorrow" means until 08:00 local time on the next calendar day, whatever the hour it is
 * set at (set at 00:30, it lasts until 08:00 the day after, 31.5 h later: the menu item says
 * "tomorrow", and the expiry time is shown beside it). The time is computed with local Date
 * methods (setDate/setHours), so daylight-saving changes and month or year ends come out right
 * and no time-zone arithmetic is done by hand.
 */
import { z } from 'zod';

/** What the tray menu can ask for. */
export const DND_MODES = ['on', 'hour', 'tomorrow', 'off'] as const;
export type DndMode = (typeof DND_MODES)[number];

export const DND_HOUR_MS = 60 * 60 * 1000;
/** Local hour at which "until tomorrow" ends. */
export const DND_TOMORROW_HOUR = 8;

/** The stored form (settings) and the snapshot the menu is built from. */
export const DndSnapshotSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('off') }),
  z.strictObject({ mode: z.literal('on') }),
  z.strictObject({ mode: z.literal('hour'), until: z.number().int().nonnegative() }),
  z.strictObject({ mode: z.literal('tomorrow'), until: z.number().int().nonnegative() }),
]);
export type DndSnapshot = z.infer<typeof DndSnapshotSchema>;

/** ms epoch of `hour`:00 local time on the calendar day after `now`. */
export function tomorrowAt(now: number, hour = DND_TOMORROW_HOUR): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

const OFF: DndSnapshot = { mode: 'off' };

export class DndState {
  private constructor(private readonly snap: DndSnapshot) {}

  static off(): DndState {
    return new DndState(OFF);
  }

  /** The state the tray command `mode` asks for, at `now`. */
  static set(mode: DndMode, now: number): DndState {
    switch (mode) {
      case 'on':
        return new DndState({ mode: 'on' });
      case 'hour':
        return new DndState({ mode: 'hour', until: now + DND_HOUR_MS });
      case 'tomorrow':
        return new DndState({ mode: 'tomorrow', until: tomorrowAt(now) });
      case 'off':
        return DndState.off();
    }
  }

  /**
   * Restores what settings held. Anything unreadable, or a timed DND that expired while the app
   * was closed, is off: a stale or corrupt value must never silence calls.
   */
  static fromSettings(value: unknown, now: number): DndState {
    const parsed = DndSnapshotSchema.safeParse(value);
    if (!parsed.success) return DndState.off();
    const state = new DndState(parsed.data);
    return state.isActive(now) ? state : DndState.off();
  }

  /** The mode as set (a timed mode stays named until replaced, even once expired; see modeAt). */
  get mode(): DndMode {
    return this.snap.mode;
  }

  /** When a timed DND ends (ms epoch); null for on/off. */
  get until(): number | null {
    return 'until' in this.snap ? this.snap.until : null;
  }

  isActive(now: number): boolean {
    if (this.snap.mode === 'off') return false;
    if (this.snap.mode === 'on') return true;
    return now < this.snap.until;
  }

  /** The effective mode: 'off' once a timed DND has run out. */
  modeAt(now: number): DndMode {
    return this.isActive(now) ? this.snap.mode : 'off';
  }

  /** When isActive() will next change on its own (main's timer), or null if it never will. */
  nextChange(now: number): number | null {
    const until = this.until;
    return until !== null && now < until ? until : null;
  }

  /** The effective state as plain data (expired → off): for the menu and for settings. */
  snapshot(now: number): DndSnapshot {
    return this.isActive(now) ? { ...this.snap } : { ...OFF };
  }

  /** As set, for settings; fromSettings() drops it if it has expired by the next start. */
  toJSON(): DndSnapshot {
    return { ...this.snap };
  }
}
