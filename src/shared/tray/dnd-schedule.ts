/**
 * The weekly do-not-disturb schedule: on the chosen weekdays from `start` to `end`, local time.
 * A window whose end is not after its start runs past midnight (18:00–08:00 on Friday lasts
 * until Saturday 08:00) and belongs to the day it starts on.
 */
import type { DndSchedule } from '../contract/settings';

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function windowOn(dayStart: Date, schedule: DndSchedule): { from: number; to: number } | null {
  if (!schedule.days.includes(dayStart.getDay())) return null;
  const start = minutes(schedule.start);
  const end = minutes(schedule.end);
  const from = new Date(dayStart);
  from.setHours(Math.floor(start / 60), start % 60, 0, 0);
  const to = new Date(dayStart);
  if (end <= start) to.setDate(to.getDate() + 1);
  to.setHours(Math.floor(end / 60), end % 60, 0, 0);
  return { from: from.getTime(), to: to.getTime() };
}

/** Windows starting from yesterday up to `daysAhead` days on (yesterday's may still be running). */
function windowsAround(now: number, schedule: DndSchedule, daysAhead = 1): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let offset = -1; offset <= daysAhead; offset++) {
    const day = new Date(now);
    day.setHours(0, 0, 0, 0);
    day.setDate(day.getDate() + offset);
    const w = windowOn(day, schedule);
    if (w) out.push(w);
  }
  return out;
}

export function scheduleActive(schedule: DndSchedule, now: number): boolean {
  if (!schedule.enabled || schedule.start === schedule.end) return false;
  return windowsAround(now, schedule).some((w) => now >= w.from && now < w.to);
}

/** The next instant the schedule switches on or off (a week ahead covers every weekday), or null. */
export function nextScheduleChange(schedule: DndSchedule, now: number): number | null {
  if (!schedule.enabled || schedule.start === schedule.end) return null;
  const edges = windowsAround(now, schedule, 8)
    .flatMap((w) => [w.from, w.to])
    .filter((t) => t > now)
    .sort((a, b) => a - b);
  return edges[0] ?? null;
}
