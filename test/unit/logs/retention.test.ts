/**
 * Retention by days: files of the family
 * last modified more than retentionDays ago are deleted at start and at each rotation; younger
 * files, other families and anything not named like a log file are never touched.
 */
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { sweepRetention } from '../../../src/main/logs/log-files';
import { numberedEvent, tempDir, waitFor } from './log-fixtures';

const DAY = 86_400_000;
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

function file(dir: string, name: string, ageDays: number): string {
  const path = join(dir, name);
  writeFileSync(path, '{"type":"event"}\n');
  const when = new Date(Date.now() - ageDays * DAY);
  utimesSync(path, when, when);
  return path;
}

describe('retention', () => {
  it('deletes at start only the family files older than retentionDays', async () => {
    const { dir, remove } = tempDir('retention');
    cleanups.push(remove);
    const old = file(dir, 'events.2020-01-01.1.jsonl', 31);
    const older = file(dir, 'events.2019-12-31.4.jsonl', 400);
    const young = file(dir, 'events.2020-01-30.1.jsonl', 29); // named long ago, written recently: kept
    const otherFamily = file(dir, 'diagnostics.2020-01-01.1.jsonl', 31);
    const notALog = file(dir, 'events.2020-01-01.1.jsonl.bak', 31);
    const unrelated = file(dir, 'notes.txt', 400);

    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    await log.close();

    expect([old, older].filter(existsSync)).toEqual([]);
    expect([young, otherFamily, notALog, unrelated].filter(existsSync)).toHaveLength(4);
  });

  it('sweeps again at each rotation', async () => {
    const { dir, remove } = tempDir('retention');
    cleanups.push(remove);
    const log = await createEventLog({ dir, maxFileMb: 20, maxFileBytes: 2048, retentionDays: 7, redaction: 'off' });
    const stale = file(dir, 'events.2021-03-01.2.jsonl', 8); // e.g. the clock moved on while running
    const fresh = file(dir, 'events.2021-03-09.1.jsonl', 6);
    const first = log.file();
    for (let n = 0; n < 20; n++) {
      log.event(numberedEvent(n));
      await log.flush();
    }
    expect(log.file()).not.toBe(first);
    await waitFor(() => !existsSync(stale));
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(first)).toBe(true);
    await log.close();
  });

  it('never deletes the file being written, whatever its age', async () => {
    const { dir, remove } = tempDir('retention');
    cleanups.push(remove);
    const current = file(dir, 'events.2020-01-01.1.jsonl', 90);
    const deleted = await sweepRetention(dir, 'events', 30, { keep: current });
    expect(deleted).toEqual([]);
    expect(await sweepRetention(dir, 'events', 30, { now: Date.now() - 61 * DAY })).toEqual([]);
    expect(await sweepRetention(dir, 'events', 30)).toEqual([current]);
  });
});
