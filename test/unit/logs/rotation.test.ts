/**
 * Rotation by size across many boundaries: nothing lost, order kept, names as
 * documented (`events.<local day>.<N>.jsonl`, N from 1), each file rotated soon after its size cap.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { localDay, numberedEvent, readFamily, tempDir } from './log-fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => {
  vi.useRealTimers();
  cleanups.splice(0).forEach((remove) => remove());
});

const MAX = 4096;
const BATCH = 5;

describe('event log rotation', () => {
  it('writes across size boundaries lose nothing and keep order', async () => {
    const { dir, remove } = tempDir('rotation');
    cleanups.push(remove);
    const log = await createEventLog({ dir, maxFileMb: 20, maxFileBytes: MAX, retentionDays: 30, redaction: 'off' });
    const first = log.file();
    const total = 300;
    for (let n = 0; n < total; n += BATCH) {
      for (let k = n; k < n + BATCH; k++) log.event(numberedEvent(k));
      await log.flush();
    }
    await log.close();

    const { files, lines } = await readFamily(dir);
    expect(lines.map((line) => line.id)).toEqual(Array.from({ length: total }, (_, n) => `n${n}`));
    expect(files.length).toBeGreaterThan(10);
    expect(files[0]).toBe(first);
    expect(files.map((file) => basename(file))).toEqual(files.map((_, i) => `events.${localDay()}.${i + 1}.jsonl`));
    const lineBytes = Buffer.byteLength(JSON.stringify({ type: 'event', ...numberedEvent(total) })) + 1;
    for (const file of files.slice(0, -1)) {
      const size = statSync(file).size;
      expect(size).toBeGreaterThanOrEqual(MAX);
      expect(size).toBeLessThan(MAX + BATCH * lineBytes);
    }
  });

  it('continues the numbering of today\'s files after a restart instead of overwriting', async () => {
    const { dir, remove } = tempDir('rotation');
    cleanups.push(remove);
    const options = { dir, maxFileMb: 20, maxFileBytes: MAX, retentionDays: 30, redaction: 'off' as const };
    let log = await createEventLog(options);
    for (let n = 0; n < 40; n++) {
      log.event(numberedEvent(n));
      if (n % BATCH === BATCH - 1) await log.flush();
    }
    await log.close();
    log = await createEventLog(options);
    for (let n = 40; n < 60; n++) log.event(numberedEvent(n));
    await log.close();
    const { lines } = await readFamily(dir);
    expect(lines.map((line) => line.id)).toEqual(Array.from({ length: 60 }, (_, n) => `n${n}`));
  });

  it('starts a new file, numbered from 1, with the first line after local midnight', async () => {
    const { dir, remove } = tempDir('rotation');
    cleanups.push(remove);
    const now = new Date();
    const lateToday = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59, 59);
    const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: timers and I/O stay real
    vi.setSystemTime(lateToday);
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    log.event(numberedEvent(0));
    vi.setSystemTime(tomorrow);
    log.event(numberedEvent(1));
    await log.close();

    const { files, lines } = await readFamily(dir);
    expect(files.map((file) => basename(file))).toEqual([`events.${localDay(lateToday)}.1.jsonl`, `events.${localDay(tomorrow)}.1.jsonl`]);
    expect(lines.map((line) => line.id)).toEqual(['n0', 'n1']);
  });
});
