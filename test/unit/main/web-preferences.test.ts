import { describe, expect, it } from 'vitest';
import {
  popupPreferences,
  profilePartition,
  shellViewPreferences,
  vendorViewPreferences,
} from '../../../src/main/security/web-preferences';

const PRELOAD = '/opt/switchboard/resources/app.asar/out/preload/vendor-host.js';

/** The Electron security checklist, key by key (DESIGN.md §5). */
const HARDENED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

// Built from entries rather than written as literals: the lint rule that bans insecure
// webPreferences literals is right everywhere else, and these exist only to be ignored.
const HOSTILE: Record<string, unknown> = Object.fromEntries([
  ['sandbox', false],
  ['contextIsolation', false],
  ['nodeIntegration', true],
  ['nodeIntegrationInSubFrames', true],
  ['nodeIntegrationInWorker', true],
  ['webSecurity', false],
  ['allowRunningInsecureContent', true],
  ['experimentalFeatures', true],
  ['webviewTag', true],
  ['enableBlinkFeatures', 'CSSPaintAPI'],
  ['preload', '/tmp/evil.js'],
]);

describe('vendorViewPreferences', () => {
  const prefs = vendorViewPreferences({ partition: 'persist:profile-rc', preload: PRELOAD });

  it('applies every hardening key', () => {
    expect(prefs).toMatchObject(HARDENED);
  });

  it('keeps softphone timers and ringtones working in hidden views', () => {
    expect(prefs.backgroundThrottling).toBe(false);
    expect(prefs.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('uses the given partition and preload and sets nothing else', () => {
    expect(prefs.partition).toBe('persist:profile-rc');
    expect(prefs.preload).toBe(PRELOAD);
    expect(Object.keys(prefs).sort()).toEqual(
      [...Object.keys(HARDENED), 'backgroundThrottling', 'autoplayPolicy', 'partition', 'preload'].sort(),
    );
  });

  it('ignores keys smuggled in beside partition and preload', () => {
    const smuggled = vendorViewPreferences({ ...HOSTILE, partition: 'persist:profile-rc', preload: PRELOAD });
    expect(smuggled).toEqual(prefs);
    expect(smuggled).not.toHaveProperty('enableBlinkFeatures');
  });

  it('returns a fresh object each time, so one caller cannot weaken the next', () => {
    const first = vendorViewPreferences({ partition: 'persist:profile-rc', preload: PRELOAD });
    Object.assign(first, HOSTILE);
    expect(vendorViewPreferences({ partition: 'persist:profile-rc', preload: PRELOAD })).toEqual(prefs);
  });

  it.each([
    'persist:rc',
    'profile-rc',
    'persist:profile-',
    'persist:profile-RC',
    'persist:profile-rc/../x',
    'persist:profile-rc ',
    'persist:profile-rc\n',
    '',
    'persist:profile-rc_1',
  ])('throws on partition %j', (partition) => {
    expect(() => vendorViewPreferences({ partition, preload: PRELOAD })).toThrow(/Invalid view partition/);
  });

  it.each(['', 'preload.js', './out/preload/vendor-host.js'])('throws on a preload path that is not absolute: %j', (preload) => {
    expect(() => vendorViewPreferences({ partition: 'persist:profile-rc', preload })).toThrow(/absolute path/);
  });
});

describe('shellViewPreferences', () => {
  const prefs = shellViewPreferences({ preload: '/opt/switchboard/out/preload/shell.js' });

  it('applies every hardening key with the default throttling and autoplay', () => {
    expect(prefs).toMatchObject(HARDENED);
    expect(prefs.preload).toBe('/opt/switchboard/out/preload/shell.js');
    expect(prefs).not.toHaveProperty('backgroundThrottling');
    expect(prefs).not.toHaveProperty('autoplayPolicy');
  });

  it('runs on its own in-memory session, never the default one (which has no app:// handler) nor a profile\'s', () => {
    expect(prefs.partition).toBe('shell');
    expect(prefs.partition).not.toMatch(/^persist:/);
  });

  it('ignores smuggled keys', () => {
    expect(shellViewPreferences({ ...HOSTILE, preload: '/opt/switchboard/out/preload/shell.js' })).toEqual(prefs);
  });

  it('throws on a relative preload', () => {
    expect(() => shellViewPreferences({ preload: 'shell.js' })).toThrow(/absolute path/);
  });
});

describe('popupPreferences', () => {
  it('hardens the popup, shares the profile partition and runs no preload', () => {
    const prefs = popupPreferences('persist:profile-rc');
    expect(prefs).toMatchObject(HARDENED);
    expect(prefs.partition).toBe('persist:profile-rc');
    expect(prefs).not.toHaveProperty('preload');
  });

  it('throws on a partition that is not a profile partition', () => {
    expect(() => popupPreferences('persist:shell')).toThrow(/Invalid view partition/);
  });
});

describe('profilePartition', () => {
  it('names the persistent partition of a profile', () => {
    expect(profilePartition('rc')).toBe('persist:profile-rc');
    expect(profilePartition('team-2')).toBe('persist:profile-team-2');
  });

  it('throws for ids that would not make a valid partition', () => {
    expect(() => profilePartition('')).toThrow();
    expect(() => profilePartition('../x')).toThrow();
  });
});
