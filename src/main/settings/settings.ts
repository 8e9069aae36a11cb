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
    else problems.push(`settings.${key} is invalid, using its defaults: ${describeZodError(parsed.error)}`);
  }
  if (typeof raw.guideDismissed === 'boolean') settings.guideDismissed = raw.guideDismissed;
  const profiles = loadProfiles(raw.profiles);
  settings.profiles = profiles.profiles;
  if (profiles.problem) problems.push(profiles.problem);
  return { settings, firstRun: profiles.firstRun, problems };
}
