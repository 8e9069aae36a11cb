/**
 * The profiles Switchboard runs, from user settings. Full settings and IT policy come later
 * (issues 5 and 6); this reads and validates the profile list, and falls back to the demo so a
 * broken or empty configuration never leaves the agent without a working window.
 */
import { z } from 'zod';
import { describeZodError } from '../../shared/contract/issues';
import { ProfileSchema, type Profile } from '../../shared/contract/profile';

export const DEMO_PROFILE: Profile = ProfileSchema.parse({ id: 'demo', name: 'Demo softphone', vendor: 'demo' });

export const ProfileListSchema = z
  .array(ProfileSchema)
  .max(20)
  .superRefine((profiles, ctx) => {
    const seen = new Set<string>();
    profiles.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate profile id "${p.id}"` });
      seen.add(p.id);
    });
  });

export interface LoadedProfiles {
  profiles: Profile[];
  /** Set when the stored list was unusable and the demo runs instead. */
  problem?: string;
  firstRun: boolean;
}

export function loadProfiles(stored: unknown): LoadedProfiles {
  if (stored === undefined || (Array.isArray(stored) && stored.length === 0)) return { profiles: [DEMO_PROFILE], firstRun: true };
  const parsed = ProfileListSchema.safeParse(stored);
  if (!parsed.success) {
    return { profiles: [DEMO_PROFILE], firstRun: false, problem: `settings "profiles" is invalid, running the demo instead: ${describeZodError(parsed.error)}` };
  }
  return { profiles: parsed.data, firstRun: false };
}
