/**
 * The newest log file cannot be opened or written (EACCES: left behind by another user, e.g. an
 * administrator who ran the app once; EPERM: made immutable): the log rolls to a new file of the
 * same day and goes on, instead of counting every line of the rest of the day as dropped. Real
 * kernel errors: for EACCES the writer runs as `nobody` (child_process `uid`) and the file is
 * root's; for EPERM the file gets the immutable attribute (chattr +i), which refuses even root.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { localDay, numberedEvent, readFamily, tempDir } from './log-fixtures';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./unprivileged-writer.ts', import.meta.url));
const NOBODY = 65534;
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((undo) => undo())); // last first: chattr -i before removing

describe('event log whose newest file is not writable', () => {
  it('rolls to a new file and writes every line (EACCES on the newest file)', async () => {
    const { dir, remove } = tempDir('eacces');
    cleanups.push(remove);
    chownSync(dir, NOBODY, NOBODY);
    const foreign = join(dir, `events.${localDay()}.1.jsonl`);
    writeFileSync(foreign, '{"type":"event","id":"root"}\n');
    chmodSync(foreign, 0o644); // root's: nobody may read it, not append to it

    const { stdout } = await run(process.execPath, ['--import', 'tsx', WRITER, dir, '10'], {
      cwd: ROOT,
      uid: NOBODY,
      gid: NOBODY,
      env: { ...process.env, HOME: dir, TSX_DISABLE_CACHE: '1' },
    });
    const result = JSON.parse(stdout) as { file: string; dropped: number; problems: string[] };
    expect(result.dropped).toBe(0);
    expect(basename(result.file)).toBe(`events.${localDay()}.2.jsonl`);
    expect(readFileSync(foreign, 'utf8')).toBe('{"type":"event","id":"root"}\n');
    const { lines } = await readFamily(dir);
    expect(lines.map((line) => line.id)).toEqual(['root', ...Array.from({ length: 10 }, (_, n) => `n${n}`)]);
  });

  it.each(['at start', 'while writing'] as const)('rolls to a new file when the newest becomes immutable (EPERM) %s', async (when) => {
    const { dir, remove } = tempDir('eperm');
    cleanups.push(remove);
    const newest = join(dir, `events.${localDay()}.1.jsonl`);
    const immutable = (on: boolean) => execFileSync('chattr', [on ? '+i' : '-i', newest]);
    writeFileSync(newest, '{"type":"event","id":"before"}\n');
    if (when === 'at start') immutable(true);
    cleanups.push(() => immutable(false));
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    log.event(numberedEvent(0));
    if (when === 'while writing') immutable(true);
    for (let n = 1; n < 10; n++) log.event(numberedEvent(n));
    await log.close();

    expect(log.dropped).toBe(0);
    expect(basename(log.file())).toBe(`events.${localDay()}.2.jsonl`);
    const ids = (await readFamily(dir)).lines.map((line) => line.id);
    expect(ids).toEqual(['before', ...Array.from({ length: 10 }, (_, n) => `n${n}`)]);
  });
});
