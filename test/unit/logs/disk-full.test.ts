/**
 * A real full disk: a 64 KB tmpfs mounted for the test (log-fixtures.ts smallDisk), the log
 * rotating every 4 KB while the disk fills. Every line on disk is whole (never split across two
 * files), every line handed over is either on disk or counted as dropped, including the ones still
 * waiting when the app quits, and that count is written into the log once there is room again.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { numberedEvent, readFamily, smallDisk } from './log-fixtures';

/** Undone last first: a log is closed before its disk is unmounted. */
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

function smallDiskForTest(size: string): string {
  const disk = smallDisk(size);
  cleanups.push(disk.unmount);
  return disk.dir;
}

/** Every line of every file parses (a split line would not), and every file ends on a line boundary. */
async function linesOnDisk(dir: string): Promise<string[]> {
  const { files, lines } = await readFamily(dir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text !== '') expect(text.endsWith('\n'), `${file} ends mid-line`).toBe(true);
  }
  return lines.filter((line) => line.type === 'event').map((line) => String(line.id));
}

describe('event log on a disk that fills up while rotating', () => {
  it('never splits a line across files and accounts for every line', async () => {
    const dir = smallDiskForTest('64k');
    const total = 400;
    const log = await createEventLog({ dir, maxFileMb: 20, maxFileBytes: 4096, retentionDays: 30, redaction: 'off', retryMs: 3_600_000 });
    cleanups.push(() => log.close());
    for (let n = 0; n < total; n += 5) {
      for (let k = n; k < n + 5; k++) log.event(numberedEvent(k));
      await log.flush();
    }
    expect(log.problem).toMatch(/ENOSPC/);
    await log.close();

    const ids = await linesOnDisk(dir);
    expect(ids.length).toBeGreaterThan(50);
    // In order, no gap: once the disk is full nothing more fits, so what is on disk is a prefix.
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, n) => `n${n}`));
    expect(log.dropped).toBe(total - ids.length);
  });

  it('counts the lines still waiting at quit, and writes the count into the log once there is room', async () => {
    const dir = smallDiskForTest('64k');
    const filler = join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(40 * 1024));
    const options = { dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' as const, retryMs: 3_600_000 };
    const log = await createEventLog(options);
    cleanups.push(() => log.close());
    let n = 0;
    while (log.problem === null && n < 1000) log.event(numberedEvent(n++));
    for (const end = n + 20; n < end; n++) log.event(numberedEvent(n)); // wait for the disk, then quit
    await log.close();
    const written = (await linesOnDisk(dir)).length;
    expect(written).toBeGreaterThan(0);
    expect(log.dropped).toBe(n - written);

    unlinkSync(filler);
    const next = await createEventLog(options);
    cleanups.push(() => next.close());
    next.event(numberedEvent(n));
    await next.close();
    const { lines } = await readFamily(dir);
    expect(lines.slice(written).map(({ type, count }) => ({ type, count }))).toEqual([
      { type: 'dropped', count: n - written },
      { type: 'event', count: undefined },
    ]);
    expect(next.dropped).toBe(0);
  });
});
