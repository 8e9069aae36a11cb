/**
 * Child process of permissions.test.ts, run as an unprivileged user (the tests run as root, for
 * whom no permission check fails): the real event log writes `count` numbered events and prints
 * what it saw as one JSON line. Run as `node --import tsx unprivileged-writer.ts <dir> <count>`.
 */
import { createEventLog } from '../../../src/main/logs/event-log';
import { numberedEvent } from './log-fixtures';

const [dir, count] = process.argv.slice(2);
if (!dir || !count) throw new Error('usage: unprivileged-writer.ts <dir> <count>');

const problems: string[] = [];
const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off', onProblem: (p) => problems.push(p) });
for (let n = 0; n < Number(count); n++) log.event(numberedEvent(n));
await log.close();
process.stdout.write(`${JSON.stringify({ file: log.file(), dropped: log.dropped, problems })}\n`);
