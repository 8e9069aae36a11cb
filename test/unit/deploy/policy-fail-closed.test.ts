/**
 * A policy that cannot be used never unlocks anything: loadConfig as start-app calls it, with
 * real policy files on disk (named with --policy and SWITCHBOARD_POLICY, as an unpackaged run
 * may), and this run's command-line options against the locks. electron-store is replaced by a
 * map: it imports Electron, which tests never load (the settings file itself is read for real).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../../src/main/app/cli-args';
import { loadConfig, type Cli } from '../../../src/main/app/load-config';
import { validateSettingsSave } from '../../../src/main/settings/save-settings';

vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
    get = (key: string) => this.store[key];
    set = () => undefined;
  },
}));

const PROFILE = { id: 'sales', name: 'Sales', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/integration/' };
const MINE = { schemaVersion: 2, profiles: [PROFILE], logs: { redaction: 'off' }, forwarding: { endpoint: 'https://collector.example/events' } };

let dir: string;
let userData: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-fail-closed-'));
  userData = join(dir, 'user');
  mkdirSync(userData);
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(MINE));
  delete process.env.SWITCHBOARD_POLICY;
});
afterEach(() => {
  delete process.env.SWITCHBOARD_POLICY;
});

const cli = (...args: string[]): Cli => parseCommandLine(['switchboard', ...args], { defaultApp: false, cwd: dir, version: '0' }) as Cli;
const policyFile = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** What every held start shows: the strictest redaction, no forwarding, everything locked. */
async function expectHeld(args: string[], file: string, why: RegExp) {
  const config = await loadConfig(cli(...args), userData, false);
  expect(config.settings.logs.redaction).toBe('full');
  expect(config.settings.forwarding.endpoint).toBeNull();
  expect(Object.keys(config.applied.locks).sort()).toEqual(['autoAway', 'dndSchedule', 'forwarding', 'logs', 'notifications', 'profiles', 'ringtone', 'startup']);
  expect(config.settings.profiles.map((p) => p.id)).toEqual(['sales']);
  const problem = config.problems.find((p) => p.includes(file));
  expect(problem).toMatch(new RegExp(`^The IT policy file ${file} ${why.source}, so Switchboard holds your settings until IT fixes it: log redaction "full", forwarding off, every setting locked\\. Tell your IT department: `));
  // The agent cannot save their way out: every field keeps its held value.
  const saved = validateSettingsSave(config.settings, { ...config.settings, logs: { ...config.settings.logs, redaction: 'off' }, forwarding: { ...config.settings.forwarding, endpoint: 'https://evil.example/' } }, config.applied.locks);
  expect(saved).toMatchObject({ ok: true, settings: { logs: { redaction: 'full' }, forwarding: { endpoint: null } } });
  return config;
}

describe('a policy file that cannot be used holds the settings', () => {
  it('one typo (a misspelt key) holds them, and names the key', async () => {
    const file = policyFile('typo.json', JSON.stringify({ version: 1, minimumRedation: 'full' }));
    const config = await expectHeld(['--policy', file], file, /is invalid/);
    expect(config.problems.join('\n')).toContain(`${file}: (top level): Unrecognized key: "minimumRedation"`);
  });

  it('not JSON holds them', async () => {
    const file = policyFile('broken.json', '{"version": 1, "minimumRedaction": "full",}');
    await expectHeld(['--policy', file], file, /is invalid/);
  });

  it('an unknown version (2) holds them', async () => {
    const file = policyFile('v2.json', JSON.stringify({ version: 2, minimumRedaction: 'full', forwardingEndpoint: null }));
    const config = await expectHeld(['--policy', file], file, /is invalid/);
    expect(config.problems.join('\n')).toContain(`${file}: version: must be 1 (the policy format this Switchboard reads)`);
  });

  it('a file that cannot be read holds them (a directory where the file should be: EISDIR)', async () => {
    const file = join(dir, 'policy.json');
    mkdirSync(file);
    await expectHeld(['--policy', file], file, /cannot be read \(EISDIR\)/);
  });

  it('a root-only 0600 file, as a non-root agent reads it (a child run as nobody with setpriv): EACCES holds them', async () => {
    const file = policyFile('root-only.json', JSON.stringify({ version: 1, minimumRedaction: 'full' }));
    chmodSync(file, 0o600);
    chmodSync(dir, 0o755);
    const ROOT = join(import.meta.dirname, '../../..');
    const script = `
      const fsp = await import('node:fs/promises');
      const { loadPolicy } = await import(${JSON.stringify(join(ROOT, 'src/main/settings/policy.ts'))});
      const { applyReadPolicy } = await import(${JSON.stringify(join(ROOT, 'src/main/settings/policy-held.ts'))});
      const { SettingsSchema } = await import(${JSON.stringify(join(ROOT, 'src/shared/contract/settings.ts'))});
      const read = await loadPolicy(fsp, ${JSON.stringify(file)});
      const applied = applyReadPolicy(SettingsSchema.parse({}), read, ${JSON.stringify(file)});
      console.log(JSON.stringify({ uid: process.getuid(), problem: read.problem, redaction: applied.settings.logs.redaction, locks: Object.keys(applied.locks) }));`;
    const { stdout } = await promisify(execFile)('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script]);
    const seen = JSON.parse(stdout) as { uid: number; problem: string; redaction: string; locks: string[] };
    expect(seen.uid).toBe(65534);
    expect(seen.problem).toMatch(new RegExp(`^The IT policy file ${file} cannot be read \\(EACCES\\), so Switchboard holds your settings`));
    expect(seen.problem).toContain('agents must be able to read it (mode 0644, owned by root)');
    expect(seen.redaction).toBe('full');
    expect(seen.locks).toContain('logs');
  });

  it('an override naming a file that is not there holds them (SWITCHBOARD_POLICY=/nonexistent)', async () => {
    process.env.SWITCHBOARD_POLICY = join(dir, 'nonexistent.json');
    await expectHeld([], process.env.SWITCHBOARD_POLICY, /does not exist \(ENOENT\)/);
  });

  it('a valid policy file still applies as before', async () => {
    const file = policyFile('ok.json', JSON.stringify({ version: 1, minimumRedaction: 'numbers' }));
    chmodSync(file, 0o644);
    const config = await loadConfig(cli('--policy', file), userData, false);
    expect(config.settings.logs.redaction).toBe('numbers');
    expect(config.settings.forwarding.endpoint).toBe('https://collector.example/events');
    expect(config.applied.locks).toEqual({});
    expect(config.problems).toEqual([]);
  });
});

describe('command-line options respect the locks', () => {
  const LOCKING = { version: 1, settings: { logs: { dir: '/srv/switchboard-logs' }, startup: { minimized: false } }, profiles: [{ ...PROFILE, id: 'it-sales' }] };

  it('--log-dir, --demo and --minimized do not override what IT locked, and the agent is told', async () => {
    const file = policyFile('locking.json', JSON.stringify(LOCKING));
    const config = await loadConfig(cli('--policy', file, '--log-dir', '/tmp/mine', '--demo', '--minimized'), userData, false);
    expect(config.settings.logs.dir).toBe('/srv/switchboard-logs');
    expect(config.settings.profiles.map((p) => p.id)).toEqual(['it-sales', 'sales']);
    expect(config.run).toEqual({ demo: false, minimized: false });
    const reason = `Set by your IT department (policy file ${file})`;
    expect(config.problems).toEqual([
      `Ignored --log-dir /tmp/mine: the log folder is locked. ${reason}.`,
      `Ignored --demo: profile "it-sales" is locked. ${reason}.`,
      `Ignored --minimized: starting minimized is locked. ${reason}.`,
    ]);
  });

  it('a held policy ignores them too', async () => {
    const file = policyFile('typo.json', '{"version":1,"lockProfile":true}');
    const config = await loadConfig(cli('--policy', file, '--log-dir', '/tmp/mine', '--demo'), userData, false);
    expect(config.settings.logs.dir).toBeNull();
    expect(config.run.demo).toBe(false);
    expect(config.problems.filter((p) => p.startsWith('Ignored'))).toEqual([
      expect.stringMatching(/^Ignored --log-dir \/tmp\/mine: the log folder is locked\. Held by Switchboard: the IT policy file .* is invalid/),
      expect.stringMatching(/^Ignored --demo: the profile list is locked\. Held by Switchboard/),
    ]);
  });

  it('without locks they apply for this run', async () => {
    const file = policyFile('empty.json', '{"version":1}');
    const config = await loadConfig(cli('--policy', file, '--log-dir', '/tmp/mine', '--demo', '--minimized'), userData, false);
    expect(config.settings.logs.dir).toBe('/tmp/mine');
    expect(config.settings.profiles.map((p) => p.id)).toEqual(['demo']);
    expect(config.stored.profiles.map((p) => p.id)).toEqual(['sales']);
    expect(config.run).toEqual({ demo: true, minimized: true });
  });
});
