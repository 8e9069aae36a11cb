/**
 * A log directory that cannot be used never stops the app: nothing throws, the problem is reported
 * once, unwritten lines are counted (and the count written into the log once it can write again),
 * and opening is retried. (Tests run as root here, so "not writable" is made with a path under a
 * regular file (ENOTDIR); a full disk is a real small tmpfs, log-fixtures.ts smallDisk.)
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { localDay, numberedEvent, readFamily, smallDisk, tempDir, waitFor } from './log-fixtures';

/** Undone last first: a log is closed before its disk is unmounted. */
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

describe('event log in an unusable directory', () => {
  it('reports once, counts what it could not write, and opens once the directory is usable', async () => {
    const { dir: root, remove } = tempDir('problems');
    cleanups.push(remove);
    const blocker = join(root, 'not-a-directory');
    writeFileSync(blocker, '');
    const dir = join(blocker, 'logs');
    const onProblem = vi.fn();

    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off', onProblem, retryMs: 20 });
    expect(log.problem).toMatch(/ENOTDIR/);
    expect(log.file()).toBe('');
    for (let n = 0; n < 10; n++) log.event(numberedEvent(n));
    log.rejection({ at: 1, profile: 'rc', reason: 'x', count: 1 });
    await log.flush();
    expect(log.dropped).toBe(11);
    await new Promise((resolve) => setTimeout(resolve, 100)); // several failed retries
    expect(onProblem).toHaveBeenCalledTimes(1);
    expect(onProblem).toHaveBeenCalledWith(log.problem);

    unlinkSync(blocker);
    await waitFor(() => log.problem === null);
    log.event(numberedEvent(11));
    await log.close();
    expect((await readFamily(dir)).lines.map(({ type, id, count }) => ({ type, id, count }))).toEqual([
      { type: 'dropped', id: undefined, count: 11 },
      { type: 'event', id: 'n11', count: undefined },
    ]);
    expect(log.dropped).toBe(11);
    // After close: still no throw, counted.
    log.event(numberedEvent(12));
    await log.flush();
    await log.close();
  });

  it('disk full (ENOSPC, a real full tmpfs): reports once, keeps memory capped, counts drops', async () => {
    const disk = smallDisk('64k');
    cleanups.push(disk.unmount);
    const dir = disk.dir;
    writeFileSync(join(dir, 'filler'), Buffer.alloc(56 * 1024)); // a page for the dropped-lines counter, one for the log
    const onProblem = vi.fn();
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off', onProblem, maxBufferBytes: 4096, retryMs: 20 });
    cleanups.push(() => log.close());
    expect(log.file()).toBe(join(dir, `events.${localDay()}.1.jsonl`));

    for (let n = 0; n < 100; n++) {
      log.event(numberedEvent(n));
      if (n % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await log.flush(); // resolves, does not reject or hang
    await waitFor(() => log.problem !== null);
    expect(log.problem).toMatch(/ENOSPC/);
    expect(onProblem.mock.calls).toEqual([[log.problem]]);
    // ~470-byte lines: at most ~9 fit the page and ~8 wait within the 4 KB cap; the rest are counted.
    expect(log.dropped).toBeGreaterThan(75);
    await new Promise((resolve) => setTimeout(resolve, 60)); // retries fail again: not re-reported
    expect(onProblem).toHaveBeenCalledTimes(1);
    await log.close();
    const written = (await readFamily(dir)).lines.filter((line) => line.type === 'event').length;
    expect(written).toBeGreaterThan(0);
    expect(log.dropped).toBe(100 - written); // what still waited at close is counted too
  });

  it('a throwing onProblem observer does not break the log', async () => {
    const { dir: root, remove } = tempDir('problems');
    cleanups.push(remove);
    writeFileSync(join(root, 'file'), '');
    const log = await createEventLog({
      dir: join(root, 'file', 'logs'), maxFileMb: 20, retentionDays: 30, redaction: 'off',
      onProblem: () => {
        throw new Error('observer bug');
      },
    });
    expect(() => log.event(numberedEvent(0))).not.toThrow();
    expect(log.dropped).toBe(1);
    await log.close();
  });
});
