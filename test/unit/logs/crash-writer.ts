/**
 * Child process of crash.test.ts: the real event log writing numbered events as fast as it can
 * until killed. After each flush() it prints `flushed <n>`: events 0..n-1 are then promised durable.
 * Run as `node --import tsx crash-writer.ts <dir>`.
 */
import { createEventLog } from '../../../src/main/logs/event-log';
import { numberedEvent } from './log-fixtures';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: crash-writer.ts <dir>');

const log = await createEventLog({ dir, maxFileMb: 1024, retentionDays: 30, redaction: 'off' });
process.stdout.write(`ready ${log.file()}\n`);
let n = 0;
for (;;) {
  // Batches, then a turn of the event loop, as events arrive in main (one IPC message per task).
  for (const end = n + 100; n < end; n++) log.event(numberedEvent(n));
  if (n % 5_000 === 0) {
    await log.flush();
    process.stdout.write(`flushed ${n}\n`);
  } else await new Promise((resolve) => setImmediate(resolve));
}
