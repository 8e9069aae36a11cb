import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/main/settings/settings';
import { DEMO_PROFILE } from '../../../src/main/settings/profiles';

describe('reading stored settings', () => {
  it('nothing stored: defaults and the demo, first run', () => {
    const r = readSettings(undefined);
    expect(r.firstRun).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.settings.profiles).toEqual([DEMO_PROFILE]);
    expect(r.settings.logs).toEqual({ dir: null, retentionDays: 30, maxFileMb: 20, redaction: 'off' });
    expect(r.settings.forwarding.endpoint).toBeNull();
  });

  it('a broken section falls back alone and is reported with its path; valid sections are kept', () => {
    const r = readSettings({
      logs: { redaction: 'numbers', retentionDays: 7 },
      forwarding: { endpoint: 'http://collector.example/events' },
      autoAway: { enabled: true, idleMinutes: 0 },
    });
    expect(r.settings.logs).toMatchObject({ redaction: 'numbers', retentionDays: 7 });
    expect(r.settings.forwarding.endpoint).toBeNull();
    expect(r.settings.autoAway.enabled).toBe(false);
    expect(r.problems).toEqual([
      'settings.autoAway is invalid, using its defaults: idleMinutes: Too small: expected number to be >=1',
      'settings.forwarding is invalid, using its defaults: endpoint: must be an https:// URL (http:// only for localhost)',
    ]);
  });

  it('a stored log folder that is no longer valid (relative) falls back alone: the redaction is kept', () => {
    const r = readSettings({ logs: { dir: 'logs', redaction: 'full', retentionDays: 7 } });
    expect(r.settings.logs).toEqual({ dir: null, redaction: 'full', retentionDays: 7, maxFileMb: 20 });
    expect(r.problems).toEqual([
      'settings.logs.dir is invalid, using the default folder: dir: must be an absolute folder path, such as /var/log/switchboard or C:\\Logs\\Switchboard (empty: the default folder)',
    ]);
    // Another bad field in the section: the whole section falls back, as for every section.
    expect(readSettings({ logs: { dir: 'logs', redaction: 'all' } }).settings.logs.redaction).toBe('off');
  });

  it('not an object at all: defaults, with a problem', () => {
    expect(readSettings('garbage').problems[0]).toBe('settings: the stored settings are not an object; using defaults');
  });
});
