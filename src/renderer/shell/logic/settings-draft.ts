/**
 * The settings page's working copy and its validation: the same SettingsSchema main validates
 * with, plus the one rule the schema cannot see (profile ids are unique), mapped to fields.
 */
import { SettingsSchema, type Settings } from '../../../shared/contract/settings';
import { collectErrors, type FieldErrors, type PathIssue } from './field-errors';
import { draftFromProfile, profileInput, type ProfileDraft } from './profile-draft';

export interface SettingsDraft extends Omit<Settings, 'profiles' | 'forwarding' | 'logs'> {
  profiles: ProfileDraft[];
  /** dir as typed; '' means the default folder (null). */
  logs: Omit<Settings['logs'], 'dir'> & { dir: string };
  /** endpoint as typed; '' means forwarding is off (null). */
  forwarding: Omit<Settings['forwarding'], 'endpoint'> & { endpoint: string };
}

export function draftFromSettings(s: Settings): SettingsDraft {
  return {
    ...structuredClone(s),
    profiles: s.profiles.map(draftFromProfile),
    forwarding: { ...s.forwarding, endpoint: s.forwarding.endpoint ?? '' },
    logs: { ...s.logs, dir: s.logs.dir ?? '' },
  };
}

/** What the draft means as settings input (before validation). */
export function settingsInput(d: SettingsDraft): unknown {
  const endpoint = d.forwarding.endpoint.trim();
  const dir = d.logs.dir.trim();
  return { ...d, profiles: d.profiles.map(profileInput), forwarding: { ...d.forwarding, endpoint: endpoint === '' ? null : endpoint }, logs: { ...d.logs, dir: dir === '' ? null : dir } };
}

export type DraftCheck = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

function duplicateIds(profiles: readonly ProfileDraft[]): PathIssue[] {
  const seen = new Set<string>();
  const issues: PathIssue[] = [];
  profiles.forEach((p, i) => {
    if (seen.has(p.id)) issues.push({ path: ['profiles', i, 'id'], message: `another profile already uses the id "${p.id}"` });
    seen.add(p.id);
  });
  return issues;
}

export function checkDraft(d: SettingsDraft): DraftCheck {
  const parsed = SettingsSchema.safeParse(settingsInput(d));
  const issues: PathIssue[] = [...(parsed.success ? [] : parsed.error.issues), ...duplicateIds(d.profiles)];
  if (issues.length > 0 || !parsed.success) return { ok: false, errors: collectErrors(issues) };
  return { ok: true, settings: parsed.data };
}

/** The draft differs from the saved settings in something Save would store (not in how the form shows it). */
export function isDirty(d: SettingsDraft, saved: Settings): boolean {
  return JSON.stringify(settingsInput(d)) !== JSON.stringify(settingsInput(draftFromSettings(saved)));
}
