/**
 * The log directory may hold names the app did not create: a symlink or a hard link named like a
 * log file, pointing at a file outside. Start-up repair, appending, rotation and retention touch
 * only the app's own files (regular, one link, named by the family pattern), so the outside file
 * keeps every byte and its timestamps, and the link stays as it was.
 */
import { linkSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiagnosticsLog } from '../../../src/main/logs/diagnostics-log';
import { createEventLog } from '../../../src/main/logs/event-log';
import { localDay, numberedEvent, readFamily, tempDir } from './log-fixtures';

const DAY = 86_400_000;
const OUTSIDE_TEXT = 'precious\nlast line without newline';
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

function setup(): { dir: string; outside: string } {
  const { dir: root, remove } = tempDir('symlinks');
  cleanups.push(remove);
  const dir = join(root, 'logs');
  mkdirSync(dir);
  const outside = join(root, 'outside.txt');
  writeFileSync(outside, OUTSIDE_TEXT);
  const old = new Date(Date.now() - 400 * DAY);
  utimesSync(outside, old, old); // past retention, were it judged through the link
  return { dir, outside };
}

describe('links in the log directory', () => {
  it('a symlink named like the newest event log is not followed: not repaired, not written, not pruned', async () => {
    const { dir, outside } = setup();
    const today = join(dir, `events.${localDay()}.1.jsonl`);
    const stale = join(dir, 'events.2020-01-01.1.jsonl');
    symlinkSync(outside, today);
    symlinkSync(outside, stale);

    const log = await createEventLog({ dir, maxFileMb: 20, maxFileBytes: 2048, retentionDays: 30, redaction: 'off' });
    for (let n = 0; n < 20; n++) log.event(numberedEvent(n)); // rotations too
    await log.close();

    expect(readFileSync(outside, 'utf8')).toBe(OUTSIDE_TEXT);
    expect(statSync(outside).mtimeMs).toBeLessThan(Date.now() - 399 * DAY);
    expect(log.repairs).toEqual([]);
    for (const link of [today, stale]) {
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(outside);
    }
    expect(basename(log.file())).not.toBe(basename(today));
    expect((await readFamily(dir)).lines.map((line) => line.id)).toEqual(Array.from({ length: 20 }, (_, n) => `n${n}`));
  });

  it('a dangling symlink named like the next file is not created through', async () => {
    const { dir } = setup();
    const target = join(dir, '..', 'created-through-link.txt');
    symlinkSync(target, join(dir, `events.${localDay()}.1.jsonl`));
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    log.event(numberedEvent(0));
    await log.close();
    expect(() => statSync(target)).toThrow(/ENOENT/);
    expect(log.dropped).toBe(0);
  });

  it('a hard link named like a diagnostics log is not repaired or appended to', async () => {
    const { dir, outside } = setup();
    linkSync(outside, join(dir, `diagnostics.${localDay()}.1.jsonl`));
    const log = await createDiagnosticsLog({ dir });
    log.info('app', 'starting');
    await log.close();
    expect(readFileSync(outside, 'utf8')).toBe(OUTSIDE_TEXT);
    expect(basename(log.file())).toBe(`diagnostics.${localDay()}.2.jsonl`);
  });
});
