import { describe, expect, it } from 'vitest';
import { DND_HOUR_MS, DndSnapshotSchema, DndState, tomorrowAt } from '../../../src/shared/tray/dnd';

// Dates are built in local time, so the expectations hold in every time zone the tests run in.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('DndState', () => {
  it('is off by default and never changes by itself', () => {
    const dnd = DndState.off();
    expect(dnd.isActive(at(2025, 3, 14, 9))).toBe(false);
    expect(dnd.until).toBeNull();
    expect(dnd.nextChange(at(2025, 3, 14, 9))).toBeNull();
    expect(dnd.toJSON()).toEqual({ mode: 'off' });
  });

  it('manual on stays on until switched off', () => {
    const now = at(2025, 3, 14, 9);
    const dnd = DndState.set('on', now);
    expect(dnd.isActive(now + 365 * 86_400_000)).toBe(true);
    expect(dnd.until).toBeNull();
    expect(dnd.nextChange(now)).toBeNull();
    expect(DndState.set('off', now).isActive(now)).toBe(false);
  });

  it('"for 1 hour" expires exactly an hour later', () => {
    const now = at(2025, 3, 14, 17, 30);
    const dnd = DndState.set('hour', now);
    expect(dnd.until).toBe(now + DND_HOUR_MS);
    expect(dnd.nextChange(now)).toBe(now + DND_HOUR_MS);
    expect(dnd.isActive(now + DND_HOUR_MS - 1)).toBe(true);
    expect(dnd.isActive(now + DND_HOUR_MS)).toBe(false);
    expect(dnd.modeAt(now + DND_HOUR_MS)).toBe('off');
    expect(dnd.mode).toBe('hour');
    expect(dnd.nextChange(now + DND_HOUR_MS)).toBeNull();
    expect(dnd.snapshot(now)).toEqual({ mode: 'hour', until: now + DND_HOUR_MS });
    expect(dnd.snapshot(now + DND_HOUR_MS)).toEqual({ mode: 'off' });
  });

  it('"until tomorrow" ends at 08:00 local time on the next calendar day', () => {
    const evening = at(2025, 3, 14, 17, 30);
    expect(DndState.set('tomorrow', evening).until).toBe(at(2025, 3, 15, 8));
    // Set just after midnight it still means the next calendar day (documented in dnd.ts).
    expect(DndState.set('tomorrow', at(2025, 3, 15, 0, 30)).until).toBe(at(2025, 3, 16, 8));
    // Set after 08:00 the same rule applies; no same-day shortcut.
    expect(DndState.set('tomorrow', at(2025, 3, 15, 9)).until).toBe(at(2025, 3, 16, 8));
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(tomorrowAt(at(2025, 12, 31, 22))).toBe(at(2026, 1, 1, 8));
    expect(tomorrowAt(at(2025, 1, 31, 12))).toBe(at(2025, 2, 1, 8));
    expect(tomorrowAt(at(2024, 2, 28, 12))).toBe(at(2024, 2, 29, 8));
    expect(tomorrowAt(at(2024, 2, 29, 12))).toBe(at(2024, 3, 1, 8));
  });

  it('lands on 08:00 local time even across a daylight-saving change', () => {
    // Whichever zone runs this, every day of the year must end at a local 08:00.
    for (let day = 1; day <= 366; day++) {
      const evening = new Date(2024, 0, day, 21, 15).getTime();
      const end = new Date(tomorrowAt(evening));
      expect([end.getHours(), end.getMinutes()]).toEqual([8, 0]);
      expect(end.getDate()).toBe(new Date(2024, 0, day + 1).getDate());
    }
  });

  it('expires at the boundary and reports the change time for the timer', () => {
    const now = at(2025, 3, 14, 23, 59);
    const dnd = DndState.set('tomorrow', now);
    const end = at(2025, 3, 15, 8);
    expect(dnd.isActive(at(2025, 3, 15, 0, 1))).toBe(true);
    expect(dnd.nextChange(at(2025, 3, 15, 7, 59))).toBe(end);
    expect(dnd.isActive(end - 1)).toBe(true);
    expect(dnd.isActive(end)).toBe(false);
  });

  it('survives a restart through settings until it expires', () => {
    const now = at(2025, 3, 14, 17, 30);
    const stored = JSON.parse(JSON.stringify(DndState.set('hour', now).toJSON())) as unknown;
    expect(DndSnapshotSchema.parse(stored)).toEqual({ mode: 'hour', until: now + DND_HOUR_MS });
    const restored = DndState.fromSettings(stored, now + 10 * 60_000);
    expect(restored.isActive(now + 10 * 60_000)).toBe(true);
    expect(restored.until).toBe(now + DND_HOUR_MS);
    expect(DndState.fromSettings(stored, now + 2 * DND_HOUR_MS).toJSON()).toEqual({ mode: 'off' });
    expect(DndState.fromSettings({ mode: 'on' }, now).isActive(now)).toBe(true);
  });

  it('reads anything unexpected in settings as off', () => {
    const now = at(2025, 3, 14);
    for (const junk of [undefined, null, 'on', { mode: 'hour' }, { mode: 'on', until: 5 }, { mode: 'tomorrow', until: -1 }, { mode: 'forever' }]) {
      expect(DndState.fromSettings(junk, now).isActive(now)).toBe(false);
    }
  });
});
