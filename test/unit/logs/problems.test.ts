/**
 * A log directory that cannot be used never stops the app: nothing throws, the problem is reported
 * once, unwritten lines are counted, and opening is retried. (Tests run as root here, so "not
 * writable" is made with a path under a regular file (ENOTDIR) and a full disk with /dev/full.)
 */
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { localDay, numberedEvent, readFamily, tempDir, waitFor } from './log-fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

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
    expect((await readFamily(dir)).lines.map((line) => line.id)).toEqual(['n11']);
    expect(log.dropped).toBe(11);
    // After close: still no throw, counted.
    log.event(numberedEvent(12));
    await log.flush();
    await log.close();
  });

  it('disk full (ENOSPC, via Linux /dev/full): reports once, keeps memory capped, counts drops', async () => {
    const { dir, remove } = tempDir('problems');
    cleanups.push(remove);
    mkdirSync(dir, { recursive: true });
    // The file pino-roll opens today is a symlink to /dev/full: every write fails with ENOSPC.
    symlinkSync('/dev/full', join(dir, `events.${localDay()}.1.jsonl`));
    const onProblem = vi.fn();
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off', onProblem, maxBufferBytes: 4096, retryMs: 20 });
    expect(log.file()).toBe(join(dir, `events.${localDay()}.1.jsonl`));

    for (let n = 0; n < 100; n++) {
      log.event(numberedEvent(n));
      if (n % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await log.flush(); // resolves, does not reject or hang
    await waitFor(() => log.problem !== null);
    expect(log.problem).toMatch(/ENOSPC/);
    expect(onProblem).toHaveBeenCalledTimes(1);
    // ~470-byte lines against a 4 KB cap: at most ~9 wait for the disk, the rest are counted.
    expect(log.dropped).toBeGreaterThan(85);
    await new Promise((resolve) => setTimeout(resolve, 60)); // retries fail again: not re-reported
    expect(onProblem).toHaveBeenCalledTimes(1);
    await log.close();
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
