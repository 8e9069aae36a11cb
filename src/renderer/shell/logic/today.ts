/** Words for today's counters and the Missed list (24-hour times, as the rest of the window). */
import type { MissedCallView } from '../../../shared/ipc/shell-protocol';
import { formatNumber } from '../../../shared/core/phone-format';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "0 s", "45 s", "12 min", "1 h 05 min". */
export function talkTime(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${pad2(minutes % 60)} min`;
}

/** "14:05". */
export function hourMinute(at: number): string {
  const d = new Date(at);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Who called, as the list names them: the name, else the number, else "Unknown caller". */
/** The caller's name, else their number written for reading (core/phone-format.ts). */
export function missedWho(m: MissedCallView): string {
  return m.name ?? (m.number ? formatNumber(m.number) : 'Unknown caller');
}

export function attemptsText(attempts: number): string {
  return attempts === 1 ? 'called once' : `called ${attempts} times`;
}
