/**
 * The app's diagnostics log: its own file family beside the event log, and diag() keeps its
 * signature, writing to stdout always and to the file once one is attached.
 */
import { basename } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachDiagnosticsLog, diag } from '../../../src/main/diagnostics';
import { createDiagnosticsLog } from '../../../src/main/logs/diagnostics-log';
import { createEventLog } from '../../../src/main/logs/event-log';
import { localDay, numberedEvent, readFamily, tempDir } from './log-fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => {
  attachDiagnosticsLog(null);
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((remove) => remove());
});

describe('diagnostics log', () => {
  it('writes leveled, timestamped lines to diagnostics.*.jsonl, errors with their stack', async () => {
    const { dir, remove } = tempDir('diagnostics');
    cleanups.push(remove);
    const log = await createDiagnosticsLog({ dir });
    log.info('app', 'starting', { version: '0.1.0', electron: '45.4.1' });
    log.warn('settings', 'profile ignored');
    log.error('app', 'failed to start', new Error('boom'));
    await log.close();

    const { files, lines } = await readFamily(dir, 'diagnostics');
    expect(files.map((file) => basename(file))).toEqual([`diagnostics.${localDay()}.1.jsonl`]);
    expect(lines.map(({ level, category, msg }) => ({ level, category, msg }))).toEqual([
      { level: 'info', category: 'app', msg: 'starting' },
      { level: 'warn', category: 'settings', msg: 'profile ignored' },
      { level: 'error', category: 'app', msg: 'failed to start' },
    ]);
    expect(lines[0]?.data).toEqual({ version: '0.1.0', electron: '45.4.1' });
    expect(Number.isNaN(Date.parse(String(lines[0]?.time)))).toBe(false);
    expect(lines[0]?.pid).toBe(process.pid);
    expect(lines[1]).not.toHaveProperty('data');
    expect(lines[2]?.data).toMatchObject({ message: 'boom', stack: expect.stringContaining('Error: boom') });
  });

  it('diag() goes to stdout always and to the file once attached', async () => {
    const { dir, remove } = tempDir('diagnostics');
    cleanups.push(remove);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    diag('app', 'before attach');
    const log = await createDiagnosticsLog({ dir });
    attachDiagnosticsLog(log);
    diag('navigation', 'decision', { url: 'https://example.com/', allowed: false });
    attachDiagnosticsLog(null);
    diag('app', 'after detach');
    await log.close();

    expect(stdout).toHaveBeenCalledTimes(3);
    expect(JSON.parse(String(stdout.mock.calls[1]?.[0]))).toMatchObject({ category: 'navigation', message: 'decision' });
    const { lines } = await readFamily(dir, 'diagnostics');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', category: 'navigation', msg: 'decision', data: { url: 'https://example.com/', allowed: false } });
  });

  it('shares a directory with the event log without touching its files', async () => {
    const { dir, remove } = tempDir('diagnostics');
    cleanups.push(remove);
    const events = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    const diagnostics = await createDiagnosticsLog({ dir });
    events.event(numberedEvent(0));
    diagnostics.info('app', 'starting');
    await Promise.all([events.close(), diagnostics.close()]);
    expect((await readFamily(dir, 'events')).lines.map((line) => line.type)).toEqual(['event']);
    expect((await readFamily(dir, 'diagnostics')).lines.map((line) => line.msg)).toEqual(['starting']);
  });
});
