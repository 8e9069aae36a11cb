/**
 * Reads the stored settings section by section: a broken section falls back to its defaults and is
 * reported (what, where, why) while every valid section is kept, so one bad value never resets an
 * agent's whole configuration. Profiles are read by profiles.ts (they fall back to the demo).
 */
import type { z } from 'zod';
import { describeZodError } from '../../shared/contract/issues';
import { SETTINGS_SECTIONS, SettingsSchema, type Settings } from '../../shared/contract/settings';
import { loadProfiles } from './profiles';

const SECTIONS = SETTINGS_SECTIONS satisfies Record<string, z.ZodType>;

export interface ReadSettings {
  settings: Settings;
  firstRun: boolean;
  problems: string[];
}

function onlyDirIsInvalid(error: z.ZodError, value: unknown): boolean {
  return typeof value === 'object' && value !== null && error.issues.every((issue) => issue.path[0] === 'dir') && SECTIONS.logs.safeParse({ ...value, dir: null }).success;
}

export function readSettings(stored: unknown): ReadSettings {
  const raw = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const problems: string[] = [];
  if (stored !== undefined && raw !== stored) problems.push('settings: the stored settings are not an object; using defaults');
  const defaults = SettingsSchema.parse({});
  const settings: Settings = { ...defaults };
  for (const [key, schema] of Object.entries(SECTIONS) as [keyof typeof SECTIONS, z.ZodType][]) {
    if (!Object.hasOwn(raw, key) || raw[key] === undefined) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
    else if (key === 'logs' && onlyDirIsInvalid(parsed.error, raw[key])) {
      // Older versions stored any string as the log folder: that one field falls back, and the
      // rest of the section (the redaction above all) is kept.
      settings.logs = SECTIONS.logs.parse({ ...(raw[key] as object), dir: null });
      problems.push(`settings.logs.dir is invalid, using the default folder: ${describeZodError(parsed.error)}`);
    } else problems.push(`settings.${key} is invalid, using its defaults: ${describeZodError(parsed.error)}`);
  }
  if (typeof raw.guideDismissed === 'boolean') settings.guideDismissed = raw.guideDismissed;
  const profiles = loadProfiles(raw.profiles);
  settings.profiles = profiles.profiles;
  if (profiles.problem) problems.push(profiles.problem);
  return { settings, firstRun: profiles.firstRun, problems };
}
