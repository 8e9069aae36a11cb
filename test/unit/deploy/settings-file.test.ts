/**
 * The settings file before electron-store opens it: a damaged file is backed up beside itself and
 * replaced, so the app starts with defaults and says so; older formats are migrated.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateSettings, SETTINGS_SCHEMA_VERSION, settingsVersion } from '../../../src/main/settings/migrations';
import { corruptBackupPath, loadSettingsFile, type SettingsFileFs } from '../../../src/main/settings/settings-file';
import { readSettings } from '../../../src/main/settings/settings';

const PATH = '/home/agent/.config/Switchboard/settings.json';
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
const BACKUP = '/home/agent/.config/Switchboard/settings.corrupt-2025-01-02T03-04-05-678Z.json';

function memoryFs(files: Record<string, string>, failing: Partial<Record<keyof SettingsFileFs, string>> = {}) {
  const error = (code: string) => Object.assign(new Error(code), { code });
  const fs: SettingsFileFs & { files: Record<string, string> } = {
    files,
    async readFile(path) {
      if (failing.readFile) throw error(failing.readFile);
      if (!(path in files)) throw error('ENOENT');
      return files[path]!;
    },
    async writeFile(path, data) {
      if (failing.writeFile) throw error(failing.writeFile);
      files[path] = data;
    },
    async rename(from, to) {
      if (failing.rename) throw error(failing.rename);
      files[to] = files[from]!;
      delete files[from];
    },
    async copyFile(from, to) {
      if (failing.copyFile) throw error(failing.copyFile);
      files[to] = files[from]!;
    },
  };
  return fs;
}

describe('a damaged settings file', () => {
  it.each([
    ['cut off mid-write', '{"logs": {"redaction": "num'],
    ['empty', ''],
    ['binary garbage', '\u0000\u0001\u0002'],
    ['JSON that is not an object', '[1, 2, 3]'],
  ])('%s: backed up beside itself, defaults, and the agent is told', async (_, text) => {
    const fs = memoryFs({ [PATH]: text });
    const r = await loadSettingsFile(PATH, fs, NOW);
    expect(r).toEqual({
      raw: undefined,
      backup: BACKUP,
      notes: [],
      problems: [`Your settings file was damaged and has been backed up to ${BACKUP}; Switchboard started with default settings.`],
    });
    expect(fs.files[BACKUP]).toBe(text);
    expect(JSON.parse(fs.files[PATH]!)).toEqual({ schemaVersion: SETTINGS_SCHEMA_VERSION });
    // What main then reads: defaults and the demo.
    expect(readSettings(r.raw).settings).toEqual(readSettings(undefined).settings);
  });

  it('a refused rename (a scanner holds the file on Windows) falls back to copy + rewrite', async () => {
    const fs = memoryFs({ [PATH]: '{oops' }, { rename: 'EPERM' });
    const r = await loadSettingsFile(PATH, fs, NOW);
    expect(r.backup).toBe(BACKUP);
    expect(fs.files[BACKUP]).toBe('{oops');
    expect(fs.files[PATH]).toContain('schemaVersion');
  });

  it('when it cannot be backed up either, the agent is told that too', async () => {
    const fs = memoryFs({ [PATH]: '{oops' }, { rename: 'EROFS', copyFile: 'EROFS' });
    expect((await loadSettingsFile(PATH, fs, NOW)).problems).toEqual([
      `Your settings file ${PATH} was damaged and could not be backed up (EROFS); Switchboard started with default settings.`,
    ]);
  });

  it('no file is a first run, not a problem; an unreadable one is a problem', async () => {
    expect(await loadSettingsFile(PATH, memoryFs({}), NOW)).toEqual({ raw: undefined, problems: [], notes: [] });
    const denied = await loadSettingsFile(PATH, memoryFs({ [PATH]: '{}' }, { readFile: 'EACCES' }), NOW);
    expect(denied.problems).toEqual([`Your settings file ${PATH} could not be read (EACCES); Switchboard started with default settings.`]);
  });

  it('backup names are safe on every file system (no ":")', () => {
    expect(corruptBackupPath('C:/Users/a/settings.json', NOW)).toBe('C:/Users/a/settings.corrupt-2025-01-02T03-04-05-678Z.json');
  });

  it('works on the real file system, and leaves a file electron-store can open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"logs": ');
    const r = await loadSettingsFile(path, nodeFs, NOW);
    expect(readdirSync(dir).sort()).toEqual(['settings.corrupt-2025-01-02T03-04-05-678Z.json', 'settings.json']);
    expect(r.backup).toBe(join(dir, 'settings.corrupt-2025-01-02T03-04-05-678Z.json'));
    // conf is electron-store's engine (electron-store itself needs Electron): before the loader it
    // throws on this file; after it, it opens.
    const Conf = (await import(createRequire(import.meta.url).resolve('conf'))).default as new (o: object) => { store: object };
    expect(new Conf({ cwd: dir, configName: 'settings', projectName: 'switchboard-test' }).store).toEqual({ schemaVersion: 2 });
    writeFileSync(path, '{"logs": ');
    expect(() => new Conf({ cwd: dir, configName: 'settings', projectName: 'switchboard-test' })).toThrow(/not valid JSON/);
  });
});

describe('migrations', () => {
  const v1 = {
    dnd: { ringThrough: true },
    autoStart: true,
    logs: { redaction: 'numbers' },
    profiles: [
      { id: 'sales', name: 'Sales', vendor: 'ringcentral-embeddable', notify: false },
      { id: 'desk', name: 'Desk', vendor: 'engage-digital' },
      { id: 'demo', name: 'Demo', vendor: 'demo', notify: true },
    ],
  };

  it('a file without schemaVersion is version 1', () => {
    expect(settingsVersion(v1)).toBe(1);
    expect(settingsVersion({ schemaVersion: 2 })).toBe(2);
    expect(settingsVersion({ schemaVersion: 'two' })).toBe(1);
  });

  it('1 → 2: dnd.ringThrough, autoStart and profile notify move to their new places', () => {
    const { settings, notes } = migrateSettings(v1, 1);
    expect(settings).toEqual({
      schemaVersion: 2,
      notifications: { ringThroughDnd: true },
      startup: { atLogin: true },
      logs: { redaction: 'numbers' },
      profiles: [
        { id: 'sales', name: 'Sales', vendor: 'ringcentral-embeddable', notifications: { offered: false, missed: false, messages: false } },
        { id: 'desk', name: 'Desk', vendor: 'engage-digital', notifications: { offered: true, missed: true, messages: true } },
        { id: 'demo', name: 'Demo', vendor: 'demo', notifications: { offered: true, missed: true, messages: true } },
      ],
    });
    expect(notes).toEqual(['dnd.ringThrough moved to notifications.ringThroughDnd', 'autoStart moved to startup.atLogin']);
    expect(v1.dnd).toEqual({ ringThrough: true }); // the input is not changed
  });

  it('the migrated file reads cleanly; unmigrated, its profiles would be refused', () => {
    const read = readSettings(migrateSettings(v1, 1).settings);
    expect(read.problems).toEqual([]);
    expect(read.settings.notifications.ringThroughDnd).toBe(true);
    expect(read.settings.startup).toEqual({ atLogin: true, minimized: false });
    expect(read.settings.profiles.map((p) => p.id)).toEqual(['sales', 'desk', 'demo']);
    expect(readSettings(v1).problems[0]).toMatch(/^settings "profiles" is invalid, running the demo instead: \[0\]: Unrecognized key: "notify"/);
  });

  it('a value already in the new place is not overwritten', () => {
    expect(migrateSettings({ dnd: { ringThrough: true }, notifications: { ringThroughDnd: false } }, 1).settings.notifications).toEqual({ ringThroughDnd: false });
  });

  it('a 0.1 file (version-2 shape, no number) only gains its version number', () => {
    const current = { notifications: { ringThroughDnd: true, suppressWhenFocused: false }, startup: { atLogin: false, minimized: true }, dndSchedule: { enabled: true }, profiles: [{ id: 'd', name: 'D', vendor: 'demo', notifications: { offered: true, missed: false, messages: true } }] };
    expect(migrateSettings(current, 1)).toEqual({ settings: { ...current, schemaVersion: 2 }, notes: [] });
  });

  it('a file from a newer Switchboard is read as it is', () => {
    expect(migrateSettings({ schemaVersion: 3, x: 1 }, 3)).toEqual({ settings: { schemaVersion: 3, x: 1 }, notes: ['written by a newer Switchboard (settings format 3); read as format 2'], newer: true });
  });

  it('loadSettingsFile migrates and writes back, keeping the original beside it', async () => {
    const fs = memoryFs({ [PATH]: JSON.stringify(v1) });
    const r = await loadSettingsFile(PATH, fs, NOW);
    expect(r.migratedFrom).toBe(1);
    expect(r.problems).toEqual([]);
    expect(JSON.parse(fs.files[PATH]!)).toEqual(r.raw);
    expect(fs.files['/home/agent/.config/Switchboard/settings.before-v2.json']).toBe(JSON.stringify(v1));
    // Second start: nothing more to do.
    const again = await loadSettingsFile(PATH, fs, NOW);
    expect(again).toEqual({ raw: r.raw, problems: [], notes: [] });
  });

  it('a migration that cannot be written back still runs this time', async () => {
    const fs = memoryFs({ [PATH]: JSON.stringify(v1) }, { copyFile: 'ENOSPC' });
    const r = await loadSettingsFile(PATH, fs, NOW);
    expect(r.raw).toMatchObject({ schemaVersion: 2, notifications: { ringThroughDnd: true } });
    expect(r.problems).toEqual(['Your settings could not be updated to the new format (ENOSPC); they will be updated at the next start.']);
  });
});
