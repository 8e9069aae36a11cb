/**
 * Today's counters and Missed list survive a restart of the app: at start, main reads back the
 * event lines of today's event-log files (events.<today>.<N>.jsonl, log-files.ts) and replays
 * them into ShellState's day tally (not into the live feed). The log is the one durable record of
 * the day's events already, so nothing else is written for this. What the log's redaction hid
 * stays hidden: a number masked there cannot be called back after a restart (the list says so).
 * Whether the agent had seen them is not logged: restored missed calls count as unseen, so a
 * restart never hides one. Lines that do not parse or validate are skipped (a torn last line is
 * repaired by the log itself, rolling-sink.ts).
 */
import { readFile } from 'node:fs/promises';
import { ShellEventSchema, type ShellEvent } from '../../shared/contract/shell-event';
import { localDay } from '../logs/day-files';
import { EVENT_LOG_FAMILY } from '../logs/event-log';
import { listLogFiles } from '../logs/log-files';

/** Today's file set is bounded by the log's own size rotation; this caps what one start reads. */
const MAX_BYTES = 64 * 1024 * 1024;

export async function readTodaysEvents(dir: string, now: Date, log: (message: string, data?: unknown) => void): Promise<ShellEvent[]> {
  const today = localDay(now);
  const files = (await listLogFiles(dir, EVENT_LOG_FAMILY)).filter((f) => f.day === today);
  const events: ShellEvent[] = [];
  let bytes = 0;
  let skipped = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } catch (err) {
      log('today: an event log file could not be read back', { file: file.name, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    bytes += text.length;
    if (bytes > MAX_BYTES) {
      log('today: the event log of today is too large to read back in full', { file: file.name });
      break;
    }
    for (const line of text.split('\n')) {
      if (!line.includes('"type":"event"')) continue;
      try {
        const { type: _type, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const parsed = ShellEventSchema.safeParse(rest);
        if (parsed.success) events.push(parsed.data);
        else skipped++;
      } catch {
        skipped++;
      }
    }
  }
  if (files.length > 0) log('today: counters rebuilt from the event log', { files: files.length, events: events.length, skipped });
  return events;
}
