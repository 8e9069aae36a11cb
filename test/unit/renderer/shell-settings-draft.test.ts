import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../src/shared/contract/settings';
import { draftFromProfile, newProfileDraft, profileInput, renamed, slugify, splitLines, swap, uniqueId } from '../../../src/renderer/shell/logic/profile-draft';
import { checkDraft, draftFromSettings } from '../../../src/renderer/shell/logic/settings-draft';
import { dndStatus, dndToggleTarget } from '../../../src/renderer/shell/logic/presence';

const settings = SettingsSchema.parse({
  profiles: [
    { id: 'demo', name: 'Demo', vendor: 'demo' },
    { id: 'sales', name: 'Sales', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html', allowedOrigins: ['https://apps.ringcentral.com'], mode: 'direct' },
  ],
  forwarding: { endpoint: 'https://siem.example.com/events' },
});

describe('settings draft', () => {
  it('round-trips settings unchanged', () => {
    const check = checkDraft(draftFromSettings(settings));
    expect(check).toEqual({ ok: true, settings });
  });

  it('edits lists as lines, an empty URL as none, "vendor default" as no mode, an empty endpoint as off', () => {
    const d = draftFromProfile(settings.profiles[1]!);
    expect(d.allowedOrigins).toBe('https://apps.ringcentral.com');
    const input = profileInput({ ...d, url: '  ', mode: 'default', allowedOrigins: ' https://a.example.com \n\n https://b.example.com', authHosts: 'login.example.com\r\n' });
    expect(input).not.toHaveProperty('url');
    expect(input).not.toHaveProperty('mode');
    expect(input.allowedOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(input.authHosts).toEqual(['login.example.com']);
    expect(splitLines('\n a \n')).toEqual(['a']);
    const draft = draftFromSettings(settings);
    const off = checkDraft({ ...draft, forwarding: { ...draft.forwarding, endpoint: ' ' } });
    expect(off.ok && off.settings.forwarding.endpoint).toBeNull();
  });

  it('reports schema errors and duplicate ids at their fields', () => {
    const draft = draftFromSettings(settings);
    const fresh = { ...newProfileDraft(draft.profiles), name: 'Sales', id: 'sales', url: 'ftp://x', allowedOrigins: 'not an origin' };
    const check = checkDraft({ ...draft, logs: { ...draft.logs, retentionDays: Number.NaN }, profiles: [...draft.profiles, fresh] });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['logs.retentionDays', 'profiles[2].allowedOrigins', 'profiles[2].id', 'profiles[2].url']);
    expect(check.errors['profiles[2].id']).toEqual(['Another profile already uses the id "sales"']);
  });

  it('derives a new profile’s id from its name until the id is typed by hand', () => {
    const draft = draftFromSettings(settings);
    const fresh = newProfileDraft(draft.profiles);
    expect(fresh.isNew).toBe(true);
    const named = renamed(fresh, 'Sales', [...draft.profiles, fresh]);
    expect(named.id).toBe('sales-2');
    const typed = renamed({ ...named, id: 'mine', idEdited: true }, 'Other', draft.profiles);
    expect(typed.id).toBe('mine');
    const saved = renamed(draft.profiles[1]!, 'Renamed', draft.profiles);
    expect(saved.id).toBe('sales');
    expect(slugify('  Sales EU (Müller) ')).toBe('sales-eu-muller');
    expect(slugify('***')).toBe('');
    expect(uniqueId('', new Set(['profile']))).toBe('profile-2');
    expect(uniqueId('a'.repeat(40), new Set(['a'.repeat(40)]))).toBe(`${'a'.repeat(38)}-2`);
  });

  it('swaps neighbours for move up/down', () => {
    expect(swap(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(swap(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('presence words', () => {
  it('toggles DND like Ctrl+Shift+D and describes it', () => {
    expect(dndToggleTarget({ mode: 'off' })).toBe('on');
    expect(dndToggleTarget({ mode: 'hour', until: 1 })).toBe('off');
    const now = new Date(2025, 5, 2, 10, 0).getTime();
    expect(dndStatus({ mode: 'off' }, false, now)).toBe('Off');
    expect(dndStatus({ mode: 'off' }, true, now)).toBe('On (weekly schedule)');
    expect(dndStatus({ mode: 'on' }, false, now)).toBe('On');
    expect(dndStatus({ mode: 'hour', until: new Date(2025, 5, 2, 11, 0).getTime() }, false, now)).toBe('On until 11:00');
    expect(dndStatus({ mode: 'tomorrow', until: new Date(2025, 5, 3, 8, 0).getTime() }, false, now)).toBe('On until tomorrow 08:00');
  });
});
