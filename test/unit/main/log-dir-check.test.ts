/**
 * logs.dir is validated before it is saved or opened: its form by the settings schema (the shell
 * UI shows that at the field as the agent saves), whether it can hold logs by main at save
 * (logDirProblem, answered as an issue at logs.dir) and again before the logs open.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsSchema } from '../../../src/shared/contract/settings';
import { createSettingsController } from '../../../src/main/app/settings-controller';
import { openServices } from '../../../src/main/app/services';
import type { LoadedConfig } from '../../../src/main/app/load-config';
import { logDirProblem } from '../../../src/main/settings/log-dir-check';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'log-dir-'));
  writeFileSync(join(dir, 'a-file'), 'x');
});

describe('the schema: an absolute path', () => {
  const dirOf = (d: unknown) => SettingsSchema.safeParse({ logs: { dir: d } });
  it('refuses relative paths and control characters, with the reason at logs.dir', () => {
    for (const bad of ['logs', './logs', '~/logs', 'C:logs', 'D:']) {
      expect(dirOf(bad).error?.issues[0], bad).toMatchObject({ path: ['logs', 'dir'], message: expect.stringMatching(/^must be an absolute folder path/) });
    }
    expect(dirOf('/var/log/a\nb').error?.issues[0]?.message).toBe('must not contain control characters');
  });
  it('accepts absolute POSIX, Windows and UNC paths, and null (the default folder)', () => {
    for (const ok of ['/var/log/switchboard', 'C:\\Logs\\Switchboard', 'd:/logs', '\\\\server\\share\\logs', null]) expect(dirOf(ok).success, String(ok)).toBe(true);
  });
});

describe('logDirProblem: a folder Switchboard can write to, or can create', () => {
  it('an existing folder, or one whose nearest existing parent is a folder: usable', () => {
    expect(logDirProblem(dir)).toBeNull();
    expect(logDirProblem(join(dir, 'new', 'deeper'))).toBeNull();
  });
  it('a file, or a path through a file: not a folder', () => {
    expect(logDirProblem(join(dir, 'a-file'))).toBe(`${join(dir, 'a-file')} is a file, not a folder`);
    expect(logDirProblem(join(dir, 'a-file', 'logs'))).toBe(`${join(dir, 'a-file', 'logs')} cannot be created: ${join(dir, 'a-file')} is a file, not a folder`);
  });
  it('relative on this computer', () => {
    expect(logDirProblem('logs')).toBe('"logs" is not an absolute path on this computer');
  });
  it('a folder it cannot write to (EACCES, injected: the tests run as root, who may write anywhere)', () => {
    const io = { statSync: (p: string) => ({ isDirectory: () => p === dir }) as never, accessSync: () => { throw Object.assign(new Error('denied'), { code: 'EACCES' }); } };
    expect(logDirProblem(dir, io as never)).toBe(`Switchboard cannot write to ${dir} (EACCES)`);
  });
});

describe('at save and at open', () => {
  const controller = (settings = SettingsSchema.parse({})) => {
    const config = {
      settings,
      applied: { settings, locks: {}, notes: [], defaultSoftphone: null, updates: null, replacedDemo: false },
      reapply: (user: typeof settings) => ({ settings: user, locks: {}, notes: [], defaultSoftphone: null, updates: null, replacedDemo: false }),
      stored: { profiles: settings.profiles },
      store: { store: {}, get: () => undefined, set: vi.fn() },
    } as unknown as LoadedConfig;
    return { config, save: createSettingsController({ config, demoOnly: false, applied: () => undefined, problem: () => undefined }).save };
  };

  it('a log folder that is a file is refused at logs.dir, and nothing is stored', () => {
    const { config, save } = controller();
    const result = save({ ...config.settings, logs: { ...config.settings.logs, dir: join(dir, 'a-file') } });
    expect(result).toEqual({ ok: false, issues: [{ path: 'logs.dir', message: `${join(dir, 'a-file')} is a file, not a folder` }] });
    expect(config.store.set).not.toHaveBeenCalled();
    expect(config.settings.logs.dir).toBeNull();
  });

  it('a folder that can be created is saved', () => {
    const { config, save } = controller();
    expect(save({ ...config.settings, logs: { ...config.settings.logs, dir: join(dir, 'logs') } })).toEqual({ ok: true });
    expect(config.settings.logs.dir).toBe(join(dir, 'logs'));
  });

  describe('openServices', () => {
    let close: (() => Promise<void>) | undefined;
    afterEach(async () => close?.());
    it('a stored folder that cannot hold logs: said, and the default folder is used', async () => {
      const userData = join(dir, 'user');
      mkdirSync(userData);
      const problems: string[] = [];
      const settings = SettingsSchema.parse({ logs: { dir: join(dir, 'a-file') } });
      const services = await openServices(settings, userData, (m) => problems.push(m));
      close = services.close;
      expect(services.logDir).toBe(join(userData, 'logs'));
      expect(problems).toContain(`The log folder in settings cannot be used (${join(dir, 'a-file')} is a file, not a folder); logs are written to ${join(userData, 'logs')} instead.`);
    });
  });
});
