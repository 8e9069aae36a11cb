/**
 * policy > the agent's settings > defaults, field by field, and the locks that keep it so when
 * the agent saves (validateSettingsSave honours the same lock paths).
 */
import { describe, expect, it } from 'vitest';
import { PolicySchema, type PolicyInput } from '../../../src/shared/contract/policy';
import { SettingsSchema, type Settings, type SettingsInput } from '../../../src/shared/contract/settings';
import { applyPolicy, readPolicy } from '../../../src/main/settings/policy';
import { applyReadPolicy } from '../../../src/main/settings/policy-held';
import { DEMO_PROFILE } from '../../../src/main/settings/profiles';
import { validateSettingsSave } from '../../../src/main/settings/save-settings';

const FILE = '/etc/switchboard/policy.json';
const REASON = 'Set by your IT department (policy file /etc/switchboard/policy.json)';
const user = (input: SettingsInput = {}) => SettingsSchema.parse(input);
const policy = (input: Omit<PolicyInput, 'version'>) => PolicySchema.parse({ version: 1, ...input });
const apply = (u: Settings, p: Omit<PolicyInput, 'version'>) => applyPolicy(u, policy(p), FILE);
const rc = (id: string, extra: object = {}) => ({ id, name: `Profile ${id}`, vendor: 'ringcentral-embeddable' as const, ...extra });

describe('no policy, or an invalid one', () => {
  it('the agent\'s settings run unchanged and nothing is locked', () => {
    const mine = user({ logs: { redaction: 'off', retentionDays: 7 }, profiles: [rc('a')] });
    expect(applyPolicy(mine, null, FILE)).toEqual({ settings: mine, locks: {}, notes: [], defaultSoftphone: null, updates: null, replacedDemo: false });
  });

  it('an invalid policy is not applied in part, and unlocks nothing: the settings are held', () => {
    const read = readPolicy(JSON.stringify({ version: 1, ringThroughDnd: true, logRetentionDays: -1 }), FILE);
    expect('problem' in read).toBe(true);
    const mine = user({ notifications: { ringThroughDnd: false }, logs: { redaction: 'numbers', retentionDays: 7 }, forwarding: { endpoint: 'https://c.example/' }, profiles: [rc('a')] });
    const applied = applyReadPolicy(mine, read, FILE);
    expect(applied.settings).toEqual({ ...mine, logs: { ...mine.logs, redaction: 'full' }, forwarding: { ...mine.forwarding, endpoint: null } });
    const HELD = `Held by Switchboard: the IT policy file ${FILE} is invalid, so nothing it might lock can be changed until IT fixes it`;
    expect(applied.locks).toEqual({ profiles: HELD, notifications: HELD, autoAway: HELD, logs: HELD, forwarding: HELD, dndSchedule: HELD, startup: HELD, ringtone: HELD });
    expect(applied.notes).toEqual([
      `log redaction held at "full" (was "numbers"): the IT policy file ${FILE} is invalid`,
      `forwarding held off (was https://c.example/): the IT policy file ${FILE} is invalid`,
    ]);
    expect(applied).toMatchObject({ defaultSoftphone: null, updates: null, replacedDemo: false });
  });
});

describe('field by field', () => {
  it('ringThroughDnd: the policy value, either way, locked', () => {
    for (const [mine, forced] of [[false, true], [true, false]] as const) {
      const r = apply(user({ notifications: { ringThroughDnd: mine, suppressWhenFocused: true } }), { ringThroughDnd: forced });
      expect(r.settings.notifications).toEqual({ ringThroughDnd: forced, suppressWhenFocused: true, ringTimeoutSeconds: 90 });
      expect(r.locks).toEqual({ 'notifications.ringThroughDnd': REASON });
    }
  });

  it('minimumRedaction raises the agent\'s level, never lowers it', () => {
    const cases = [
      ['off', 'numbers', 'numbers'],
      ['off', 'full', 'full'],
      ['numbers', 'numbers', 'numbers'],
      ['full', 'numbers', 'full'],
      ['numbers', 'off', 'numbers'],
    ] as const;
    for (const [mine, minimum, expected] of cases) {
      const r = apply(user({ logs: { redaction: mine } }), { minimumRedaction: minimum });
      expect(r.settings.logs.redaction, `${mine} with minimum ${minimum}`).toBe(expected);
    }
    expect(apply(user(), { minimumRedaction: 'numbers' }).notes).toEqual(['log redaction raised from "off" to "numbers" (the IT minimum)']);
  });

  it('minimumRedaction locks the field only at "full", where nothing stricter is left', () => {
    expect(apply(user(), { minimumRedaction: 'numbers' }).locks).toEqual({});
    expect(apply(user(), { minimumRedaction: 'full' }).locks).toEqual({ 'logs.redaction': REASON });
  });

  it('logRetentionDays: the policy value, longer or shorter, locked', () => {
    expect(apply(user({ logs: { retentionDays: 7 } }), { logRetentionDays: 90 }).settings.logs.retentionDays).toBe(90);
    const r = apply(user({ logs: { retentionDays: 365, maxFileMb: 50 } }), { logRetentionDays: 30 });
    expect(r.settings.logs).toEqual({ dir: null, retentionDays: 30, maxFileMb: 50, redaction: 'off' });
    expect(r.locks).toEqual({ 'logs.retentionDays': REASON });
  });

  it('forwardingEndpoint: forced and locked; null forces forwarding off', () => {
    const mine = user({ forwarding: { endpoint: 'https://mine.example/events', batchSize: 10 } });
    const r = apply(mine, { forwardingEndpoint: 'https://it.example/events' });
    expect(r.settings.forwarding).toMatchObject({ endpoint: 'https://it.example/events', batchSize: 10 });
    expect(r.locks).toEqual({ 'forwarding.endpoint': REASON });
    expect(apply(mine, { forwardingEndpoint: null }).settings.forwarding.endpoint).toBeNull();
  });

  it('settings: each field IT wrote is forced and locked; the others stay the agent\'s', () => {
    const mine = user({ autoAway: { enabled: false, idleMinutes: 20, onLock: false } });
    const r = apply(mine, { settings: { autoAway: { idleMinutes: 5 }, startup: { atLogin: true } } });
    expect(r.settings.autoAway).toEqual({ enabled: false, idleMinutes: 5, onLock: false });
    expect(r.settings.startup).toEqual({ atLogin: true, minimized: false });
    expect(r.locks).toEqual({ 'autoAway.idleMinutes': REASON, 'startup.atLogin': REASON });
  });

  it('locked without a value: held at the default, whatever the agent chose', () => {
    const mine = user({ autoAway: { idleMinutes: 20 }, dndSchedule: { enabled: true, days: [0, 6], start: '12:00', end: '13:00' } });
    const r = apply(mine, { locked: ['autoAway.idleMinutes', 'dndSchedule'] });
    expect(r.settings.autoAway.idleMinutes).toBe(10);
    expect(r.settings.dndSchedule).toEqual(user().dndSchedule);
    expect(r.locks).toEqual({ 'autoAway.idleMinutes': REASON, dndSchedule: REASON });
  });

  it('locked with a value in settings: the policy value', () => {
    const r = apply(user({ autoAway: { idleMinutes: 20, enabled: true } }), { locked: ['autoAway'], settings: { autoAway: { idleMinutes: 3 } } });
    expect(r.settings.autoAway).toEqual({ enabled: false, idleMinutes: 3, onLock: true });
    expect(r.locks).toEqual({ autoAway: REASON, 'autoAway.idleMinutes': REASON });
  });

  it('what the policy does not mention stays the agent\'s, and defaults fill the rest', () => {
    const mine = user({ logs: { maxFileMb: 99 }, guideDismissed: true });
    const r = apply(mine, { ringThroughDnd: true });
    expect({ ...r.settings, notifications: mine.notifications }).toEqual(mine);
    expect(r.settings.autoAway).toEqual(SettingsSchema.parse({}).autoAway);
  });

  it('does not change the settings it was given', () => {
    const mine = user({ profiles: [rc('a')] });
    const copy = structuredClone(mine);
    apply(mine, { ringThroughDnd: true, profiles: [rc('a')], lockProfiles: true, locked: ['logs'] });
    expect(mine).toEqual(copy);
  });

  it('updates: the policy\'s choice, or null to leave it to the app', () => {
    expect(apply(user(), { updates: { enabled: false, channel: 'beta' } }).updates).toEqual({ enabled: false, channel: 'beta' });
    expect(apply(user(), { updates: { enabled: true } }).updates).toEqual({ enabled: true, channel: 'stable' });
    expect(apply(user(), {}).updates).toBeNull();
  });
});

describe('profiles', () => {
  it('predefined first, then the agent\'s own; a locked one keeps the policy values', () => {
    const mine = user({ profiles: [rc('own'), rc('sales', { name: 'My sales' })] });
    const r = apply(mine, { profiles: [rc('sales', { default: true })] });
    expect(r.settings.profiles.map((p) => [p.id, p.name])).toEqual([
      ['sales', 'Profile sales'],
      ['own', 'Profile own'],
    ]);
    expect(r.settings.profiles[0]).not.toHaveProperty('locked');
    expect(r.settings.profiles[0]).not.toHaveProperty('default');
    expect(r.locks).toEqual({ 'profiles.sales': REASON });
    expect(r.notes).toEqual(['profile "sales" is defined by IT; the agent\'s changes to it are not used']);
    expect(r.defaultSoftphone).toBe('sales');
  });

  it('an editable one is a starting point: the agent\'s edits of that id win', () => {
    const r = apply(user({ profiles: [rc('desk', { name: 'Renamed by me' })] }), { profiles: [rc('desk', { locked: false }), rc('other', { locked: false })] });
    expect(r.settings.profiles.map((p) => p.name)).toEqual(['Renamed by me', 'Profile other']);
    expect(r.locks).toEqual({});
  });

  it('lockProfiles: only IT\'s profiles run, and the list is locked', () => {
    const r = apply(user({ profiles: [rc('own')] }), { profiles: [rc('sales')], lockProfiles: true });
    expect(r.settings.profiles.map((p) => p.id)).toEqual(['sales']);
    expect(r.locks).toEqual({ 'profiles.sales': REASON, profiles: REASON });
    expect(r.notes).toEqual(['the agent\'s own profiles (own) are not run: IT manages the profile list']);
  });

  it('IT\'s profiles take the place of the first-run demo', () => {
    const firstRun = user({ profiles: [DEMO_PROFILE] });
    const r = apply(firstRun, { profiles: [rc('sales')] });
    expect(r.settings.profiles.map((p) => p.id)).toEqual(['sales']);
    expect(r.replacedDemo).toBe(true);
    // A demo the agent runs beside other profiles of their own stays.
    const kept = apply(user({ profiles: [DEMO_PROFILE, rc('own')] }), { profiles: [rc('sales')] });
    expect(kept.settings.profiles.map((p) => p.id)).toEqual(['sales', 'demo', 'own']);
    // A policy without profiles leaves the demo alone.
    expect(apply(firstRun, { ringThroughDnd: true }).settings.profiles).toEqual([DEMO_PROFILE]);
  });

  it('at most 20 profiles run: the agent\'s last ones are left out, and said so', () => {
    const mine = user({ profiles: Array.from({ length: 20 }, (_, i) => rc(`own-${i}`)) });
    const r = apply(mine, { profiles: [rc('it-1'), rc('it-2')] });
    expect(r.settings.profiles).toHaveLength(20);
    expect(r.settings.profiles.slice(0, 2).map((p) => p.id)).toEqual(['it-1', 'it-2']);
    expect(r.notes).toEqual(['only 20 profiles can run: the agent\'s "own-18", "own-19" are left out']);
    expect(SettingsSchema.safeParse(r.settings).success).toBe(true);
  });
});

describe('locks hold when the agent saves', () => {
  it('forced fields and locked profiles keep the policy values; the rest is saved', () => {
    const applied = apply(user({ profiles: [rc('own')] }), { ringThroughDnd: true, logRetentionDays: 90, profiles: [rc('sales')] });
    const edited = structuredClone(applied.settings);
    edited.notifications.ringThroughDnd = false;
    edited.logs.retentionDays = 1;
    edited.logs.maxFileMb = 5;
    edited.profiles = edited.profiles.filter((p) => p.id !== 'sales').map((p) => ({ ...p, name: 'Mine, renamed' }));
    const saved = validateSettingsSave(applied.settings, edited, applied.locks);
    if (!saved.ok) throw new Error('save refused');
    expect(saved.settings.notifications.ringThroughDnd).toBe(true);
    expect(saved.settings.logs).toMatchObject({ retentionDays: 90, maxFileMb: 5 });
    expect(saved.settings.profiles.map((p) => [p.id, p.name])).toEqual([
      ['own', 'Mine, renamed'],
      ['sales', 'Profile sales'],
    ]);
  });
});
