import { describe, expect, it } from 'vitest';
import { restartNeededFor, validateSettingsSave } from '../../../src/main/settings/save-settings';
import { SettingsSchema } from '../../../src/shared/contract/settings';

const current = SettingsSchema.parse({
  profiles: [
    { id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/app.html' },
    { id: 'ed', name: 'Digital', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/tasks' },
  ],
  logs: { redaction: 'numbers' },
});

describe('saving settings from the UI', () => {
  it('invalid input is refused with every problem and its path', () => {
    const r = validateSettingsSave(current, { ...current, profiles: [{ ...current.profiles[0], url: 'http://evil.example', allowedOrigins: ['https://*.com'] }] }, {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['profiles.0.url', 'profiles.0.allowedOrigins.0']);
      expect(r.issues[0]!.message).toBe('must be an https:// URL (http:// only for localhost)');
    }
    const dup = validateSettingsSave(current, { ...current, profiles: [current.profiles[0], current.profiles[0]] }, {});
    expect(dup).toEqual({ ok: false, issues: [{ path: 'profiles.1.id', message: 'duplicate profile id "rc"' }] });
  });

  it('locked fields keep their current values whatever the page sends', () => {
    const input = { ...current, logs: { ...current.logs, redaction: 'off' }, notifications: { ringThroughDnd: true, suppressWhenFocused: true } };
    const r = validateSettingsSave(current, input, { 'logs.redaction': 'IT requires masked numbers', 'notifications.ringThroughDnd': 'set by IT' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.settings.logs.redaction).toBe('numbers');
      expect(r.settings.notifications).toEqual({ ringThroughDnd: false, suppressWhenFocused: true, ringTimeoutSeconds: 90 });
    }
  });

  it('a locked profile can be neither edited nor removed; unlocked ones can', () => {
    const input = { ...current, profiles: [{ ...current.profiles[1], name: 'Renamed' }] };
    const r = validateSettingsSave(current, input, { 'profiles.rc': 'predefined by IT' });
    expect(r.ok && r.settings.profiles.map((p) => [p.id, p.name])).toEqual([
      ['ed', 'Renamed'],
      ['rc', 'RC'],
    ]);
    const all = validateSettingsSave(current, { ...current, profiles: [] }, { profiles: 'managed by IT' });
    expect(all.ok && all.settings.profiles.map((p) => p.id)).toEqual(['rc', 'ed']);
  });

  it('knows what needs a restart', () => {
    expect(restartNeededFor(current, { ...current, notifications: { ringThroughDnd: true, suppressWhenFocused: false, ringTimeoutSeconds: 30 } })).toEqual([]);
    expect(restartNeededFor(current, { ...current, profiles: [] , forwarding: { ...current.forwarding, endpoint: 'https://c.example/e' } })).toEqual(['profiles', 'forwarding']);
  });
});
