/**
 * The IT policy file: where it is looked for, how it is read (never throwing) and what the schema
 * accepts. Precedence is in policy-precedence.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LOCKABLE_PATHS, PolicySchema } from '../../../src/shared/contract/policy';
import { loadPolicy, machinePolicyPath, readPolicy } from '../../../src/main/settings/policy';

const FILE = '/etc/switchboard/policy.json';
const json = (v: unknown) => JSON.stringify(v);
const problemsOf = (v: unknown) => {
  const r = readPolicy(json(v), FILE);
  return 'problems' in r ? r.problems : [];
};

describe('machinePolicyPath', () => {
  it('is machine-wide per platform', () => {
    expect(machinePolicyPath('linux', {})).toBe('/etc/switchboard/policy.json');
    expect(machinePolicyPath('darwin', {})).toBe('/Library/Application Support/Switchboard/policy.json');
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Switchboard\\policy.json');
    expect(machinePolicyPath('win32', { PROGRAMDATA: 'E:\\PD' })).toBe('E:\\PD\\Switchboard\\policy.json');
    expect(machinePolicyPath('win32', {})).toBe('C:\\ProgramData\\Switchboard\\policy.json');
  });

  it('SWITCHBOARD_POLICY does not move it (overrides are policy-source.ts)', () => {
    expect(machinePolicyPath('linux', { SWITCHBOARD_POLICY: '/tmp/p.json' })).toBe('/etc/switchboard/policy.json');
  });
});

describe('readPolicy', () => {
  it('no file is no policy, not an error', () => {
    expect(readPolicy(null, FILE)).toEqual({ policy: null });
  });

  it('a minimal policy gets its defaults', () => {
    expect(readPolicy('\uFEFF{"version":1}', FILE)).toEqual({ policy: { version: 1, profiles: [], lockProfiles: false, settings: {}, locked: [], allowPolicyOverride: false } });
  });

  it('not JSON: the file, the place and the problem', () => {
    const r = readPolicy('{"version": 1,\n  "profiles": [}', FILE);
    expect(r).toMatchObject({ problems: [expect.stringMatching(/^\/etc\/switchboard\/policy\.json: \(top level\): not valid JSON: .*line 2 column \d+/)] });
    expect(r).toMatchObject({ held: 'is invalid' });
    expect((r as { problem: string }).problem).toMatch(
      /^The IT policy file \/etc\/switchboard\/policy\.json is invalid, so Switchboard holds your settings until IT fixes it: log redaction "full", forwarding off, every setting locked\. Tell your IT department: \/etc\/switchboard\/policy\.json: /,
    );
  });

  it('names every problem with its JSON path', () => {
    expect(
      problemsOf({
        version: 2,
        profiles: [{ id: 'Sales', name: 'Sales', vendor: 'ringcentral-embeddable', url: 'http://rc.example' }],
        settings: { logs: { redaction: 'some' }, colour: 'red' },
        minimumRedaction: 'everything',
        updates: { enabled: 'yes' },
      }),
    ).toEqual([
      `${FILE}: version: must be 1 (the policy format this Switchboard reads)`,
      `${FILE}: profiles[0].id: must be 1–40 characters of a–z, 0–9 and "-", starting with a letter or digit`,
      `${FILE}: profiles[0].url: must be an https:// URL (http:// only for localhost)`,
      `${FILE}: settings.logs.redaction: Invalid option: expected one of "off"|"numbers"|"full"`,
      `${FILE}: settings: Unrecognized key: "colour"`,
      `${FILE}: minimumRedaction: Invalid option: expected one of "off"|"numbers"|"full"`,
      `${FILE}: updates.enabled: Invalid input: expected boolean, received string`,
      `${FILE}: settings.logs.redaction: also set by "minimumRedaction": set it in one place`,
    ]);
  });

  it('the agent-facing problem shows five lines and counts the rest', () => {
    const r = readPolicy(json({ version: 1, a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }), FILE);
    expect('problem' in r && r.problem).toMatch(/Unrecognized keys: "a", "b", "c", "d", "e", "f", "g"$/);
    const many = readPolicy(json({ version: 1, locked: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), FILE);
    expect('problem' in many && many.problem).toMatch(/; and 2 more$/);
  });
});

describe('policy rules across fields', () => {
  const rc = (id: string, extra: object = {}) => ({ id, name: id, vendor: 'ringcentral-embeddable', ...extra });

  it('profile ids are unique, and one default softphone that can dial', () => {
    expect(problemsOf({ version: 1, profiles: [rc('a', { default: true }), rc('a'), { id: 'u', name: 'U', vendor: 'ucontact', default: true }] })).toEqual([
      `${FILE}: profiles[1].id: duplicate profile id "a"`,
      `${FILE}: profiles[2].default: only one profile can be the default softphone; profiles[0] already is`,
      `${FILE}: profiles[2].default: a ucontact profile cannot place calls from links; the default softphone must be one of ringcentral-embeddable, huawei-aicc, demo`,
    ]);
  });

  it('lockProfiles needs profiles, all locked', () => {
    expect(problemsOf({ version: 1, lockProfiles: true })).toEqual([`${FILE}: lockProfiles: needs at least one profile in "profiles", or the agent would have none`]);
    expect(problemsOf({ version: 1, lockProfiles: true, profiles: [rc('a', { locked: false })] })).toEqual([
      `${FILE}: profiles[0].locked: cannot be false while "lockProfiles" is true: the agent cannot edit any profile then`,
    ]);
  });

  it('a field is set in one place only', () => {
    expect(problemsOf({ version: 1, ringThroughDnd: true, settings: { notifications: { ringThroughDnd: false } }, forwardingEndpoint: null, settings2: 1 })).toEqual([
      `${FILE}: (top level): Unrecognized key: "settings2"`,
      `${FILE}: settings.notifications.ringThroughDnd: also set by "ringThroughDnd": set it in one place`,
    ]);
  });

  it('locked takes sections and their fields only', () => {
    expect(LOCKABLE_PATHS).toContain('logs');
    expect(LOCKABLE_PATHS).toContain('autoAway.idleMinutes');
    expect(LOCKABLE_PATHS).not.toContain('profiles');
    expect(problemsOf({ version: 1, locked: ['logs', 'autoAway.idleMinutes', 'profiles', 'logs.colour'] })).toEqual([
      `${FILE}: locked[2]: "profiles" is not a setting that can be locked; lock profiles with "lockProfiles" and each profile's "locked"`,
      expect.stringMatching(/^\/etc\/switchboard\/policy\.json: locked\[3\]: "logs\.colour" is not a setting that can be locked; lockable: notifications, /),
    ]);
  });

  it('cross-field rules are reported together with field errors', () => {
    expect(problemsOf({ version: 1, logRetentionDays: 0, profiles: [rc('a'), rc('a')] })).toEqual([
      `${FILE}: logRetentionDays: Too small: expected number to be >=1`,
      `${FILE}: profiles[1].id: duplicate profile id "a"`,
    ]);
  });

  it('a policy profile keeps the profile rules (ExpertFlow runs direct)', () => {
    expect(problemsOf({ version: 1, profiles: [{ id: 'ef', name: 'EF', vendor: 'expertflow', mode: 'framed' }] })).toEqual([
      `${FILE}: profiles[0].mode: ExpertFlow needs "direct": its events are tapped from the Agent Desk page itself`,
    ]);
  });

  it('settings values are not filled with defaults: only what IT wrote is forced', () => {
    const parsed = PolicySchema.parse({ version: 1, settings: { autoAway: { idleMinutes: 5 } } });
    expect(parsed.settings).toEqual({ autoAway: { idleMinutes: 5 } });
    expect(parsed.profiles).toEqual([]);
  });
});

describe('loadPolicy', () => {
  const fsWith = (result: string | NodeJS.ErrnoException) => ({
    readFile: async () => {
      if (typeof result === 'string') return result;
      throw result;
    },
  });
  const error = (code: string) => Object.assign(new Error(code), { code });

  it('missing machine file: no policy (an unmanaged machine)', async () => {
    expect(await loadPolicy(fsWith(error('ENOENT')), FILE)).toEqual({ policy: null });
    expect(await loadPolicy(fsWith(error('ENOTDIR')), FILE)).toEqual({ policy: null });
  });

  it('missing file that was asked for by name: held, never "no policy"', async () => {
    const r = await loadPolicy(fsWith(error('ENOENT')), '/srv/pilot.json', { required: true });
    expect(r).toMatchObject({ held: 'does not exist (ENOENT)', problems: ['/srv/pilot.json: (top level): does not exist (ENOENT)'] });
  });

  it('unreadable file (EACCES, injected): held, naming it and the mode agents need; never a throw', async () => {
    const r = await loadPolicy(fsWith(error('EACCES')), FILE);
    const line = `${FILE}: (top level): cannot be read (EACCES); agents must be able to read it (mode 0644, owned by root)`;
    expect(r).toEqual({
      held: 'cannot be read (EACCES)',
      problem: `The IT policy file ${FILE} cannot be read (EACCES), so Switchboard holds your settings until IT fixes it: log redaction "full", forwarding off, every setting locked. Tell your IT department: ${line}`,
      problems: [line],
    });
  });

  it('a file is read and validated', async () => {
    expect(await loadPolicy(fsWith('{"version":1,"ringThroughDnd":true}'), FILE)).toMatchObject({ policy: { ringThroughDnd: true } });
  });
});
