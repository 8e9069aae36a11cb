/**
 * The profiles Switchboard runs, from user settings. Full settings and IT policy come later
 * (issues 5 and 6); this reads and validates the profile list, and falls back to the demo so a
 * broken or empty configuration never leaves the agent without a working window.
 */
import { z } from 'zod';
import { describeZodError } from '../../shared/contract/issues';
import { originPatternProblem } from '../../shared/contract/origin-pattern';
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
  /** Set when the stored list was unusable and the demo runs instead, or patterns were dropped. */
  problem?: string;
  firstRun: boolean;
}

/**
 * Earlier versions stored origin patterns that are refused now ("https://*", "*.co.uk", file:
 * src/shared/contract/origin-pattern.ts). Each such pattern is dropped, and said, rather than
 * the whole list falling back to the demo: the profile keeps running with what is still trusted.
 */
function dropRefusedOrigins(stored: unknown): { list: unknown; dropped: string[] } {
  if (!Array.isArray(stored)) return { list: stored, dropped: [] };
  const dropped: string[] = [];
  const list = stored.map((p: unknown) => {
    if (typeof p !== 'object' || p === null || !Array.isArray((p as { allowedOrigins?: unknown }).allowedOrigins)) return p;
    const profile = p as { id?: unknown; allowedOrigins: unknown[] };
    const kept = profile.allowedOrigins.filter((o) => {
      const problem = typeof o === 'string' ? originPatternProblem(o) : null;
      if (problem) dropped.push(`profile "${String(profile.id)}": ${problem}`);
      return problem === null;
    });
    return { ...profile, allowedOrigins: kept };
  });
  return { list, dropped };
}

export function loadProfiles(stored: unknown): LoadedProfiles {
  if (stored === undefined || (Array.isArray(stored) && stored.length === 0)) return { profiles: [DEMO_PROFILE], firstRun: true };
  const { list, dropped } = dropRefusedOrigins(stored);
  const parsed = ProfileListSchema.safeParse(list);
  if (!parsed.success) {
    return { profiles: [DEMO_PROFILE], firstRun: false, problem: `settings "profiles" is invalid, running the demo instead: ${describeZodError(parsed.error)}` };
  }
  const problem = dropped.length ? `allowed origins no longer accepted were removed (the vendor's defaults and URL still count): ${dropped.join('; ')}` : undefined;
  return { profiles: parsed.data, firstRun: false, ...(problem ? { problem } : {}) };
}
