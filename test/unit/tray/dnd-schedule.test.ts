import { describe, expect, it } from 'vitest';
import { nextScheduleChange, scheduleActive } from '../../../src/shared/tray/dnd-schedule';

const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
// 2026-11-20 is a Friday, 11-21 a Saturday, 11-23 a Monday.
const weeknights = { enabled: true, days: [1, 2, 3, 4, 5], start: '18:00', end: '08:00' };

describe('DND schedule', () => {
  it('a weeknight window runs past midnight into the next morning', () => {
    expect(scheduleActive(weeknights, at(2026, 11, 20, 17, 59))).toBe(false);
    expect(scheduleActive(weeknights, at(2026, 11, 20, 18, 0))).toBe(true);
    expect(scheduleActive(weeknights, at(2026, 11, 21, 7, 59))).toBe(true); // Friday's window, on Saturday
    expect(scheduleActive(weeknights, at(2026, 11, 21, 8, 0))).toBe(false);
    expect(scheduleActive(weeknights, at(2026, 11, 21, 20, 0))).toBe(false); // Saturday is not scheduled
    expect(scheduleActive(weeknights, at(2026, 11, 23, 3, 0))).toBe(false); // Sunday's night is not scheduled
    expect(scheduleActive(weeknights, at(2026, 11, 23, 19, 0))).toBe(true);
  });

  it('a same-day window (lunch) and disabled or empty schedules', () => {
    const lunch = { enabled: true, days: [1, 2, 3, 4, 5], start: '12:00', end: '13:00' };
    expect(scheduleActive(lunch, at(2026, 11, 20, 12, 30))).toBe(true);
    expect(scheduleActive(lunch, at(2026, 11, 20, 13, 0))).toBe(false);
    expect(scheduleActive({ ...lunch, enabled: false }, at(2026, 11, 20, 12, 30))).toBe(false);
    expect(scheduleActive({ ...lunch, end: '12:00' }, at(2026, 11, 20, 12, 30))).toBe(false);
    expect(scheduleActive({ ...lunch, days: [] }, at(2026, 11, 20, 12, 30))).toBe(false);
  });

  it('tells main when to look again', () => {
    expect(nextScheduleChange(weeknights, at(2026, 11, 20, 9, 0))).toBe(at(2026, 11, 20, 18, 0));
    expect(nextScheduleChange(weeknights, at(2026, 11, 20, 23, 0))).toBe(at(2026, 11, 21, 8, 0));
    expect(nextScheduleChange(weeknights, at(2026, 11, 21, 9, 0))).toBe(at(2026, 11, 23, 18, 0)); // over the weekend
    expect(nextScheduleChange({ ...weeknights, enabled: false }, at(2026, 11, 20, 9, 0))).toBeNull();
    expect(nextScheduleChange({ ...weeknights, days: [] }, at(2026, 11, 20, 9, 0))).toBeNull();
  });
});
