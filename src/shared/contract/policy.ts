/**
 * The machine-wide IT policy file (issue 6), validated with zod. IT writes it once per desk
 * (Linux /etc/switchboard/policy.json, Windows %ProgramData%\Switchboard\policy.json, macOS
 * /Library/Application Support/Switchboard/policy.json) and checks it with `npm run -s check-config`.
 *
 * Precedence, field by field: policy > the agent's settings > Switchboard's defaults.
 *
 *   version            1 (required): the format, so a later Switchboard can tell old files apart.
 *   profiles           predefined profiles, run first, in this order. Each is a settings profile plus
 *                      `locked` (default true: the policy's values win and the agent can neither edit
 *                      nor remove it; false: a starting point, the agent's edits of that id win) and
 *                      `default` (at most one: the softphone tel:/callto:/sip: links dial through;
 *                      its vendor must be able to dial: RingCentral Embeddable, Huawei AICC, demo).
 *   lockProfiles       true: the agent may not add profiles and their own are not run. Needs at least
 *                      one profile, all locked (the shell UI locks the whole list).
 *   settings           any field of the settings sections (notifications, autoAway, logs, forwarding,
 *                      dndSchedule, startup, ringtone). Every field written here is forced AND locked.
 *   locked             setting paths ("autoAway" or "autoAway.idleMinutes") the agent may not change.
 *                      A locked field without a value in `settings` is held at Switchboard's default.
 *   ringThroughDnd     calls ring through do-not-disturb (forced, locked).
 *   minimumRedaction   'off' < 'numbers' < 'full': raises the agent's log redaction, never lowers it;
 *                      locked only at 'full', where nothing stricter is left to choose.
 *   logRetentionDays   days event logs are kept (forced, locked).
 *   forwardingEndpoint https:// endpoint events are forwarded to, or null for none (forced, locked).
 *   updates            { enabled, channel: 'stable' | 'beta' } for the updater.
 *   allowPolicyOverride true: an installed Switchboard may be pointed at another policy file with
 *                      --policy or SWITCHBOARD_POLICY (pilots). Default false: only this file counts.
 *
 * Each shortcut above names one settings field; setting it both ways is an error, so a file never
 * says two things about one field. The whole file is rejected on any problem, and a rejected (or
 * unreadable) policy never unlocks anything: Switchboard holds every setting at a safe value and
 * says why (src/main/settings/policy-held.ts, docs/security.md).
 */
import { z } from 'zod';
import { LINK_DIAL_VENDORS } from '../links/dial-profile';
import { ProfileSchema, isVendorUrl } from './profile';
import { RedactionSchema, SETTINGS_SECTIONS, type Settings } from './settings';

export const POLICY_VERSION = 1;

/** The settings sections a policy can force or lock (profiles have their own fields). */
export const POLICY_SECTIONS = SETTINGS_SECTIONS;
export type PolicySection = keyof typeof POLICY_SECTIONS;

/** Every path `locked` accepts: each section, and each field of each section. */
export const LOCKABLE_PATHS: readonly string[] = Object.entries(POLICY_SECTIONS).flatMap(([section, schema]) => [
  section,
  ...Object.keys(schema.shape).map((field) => `${section}.${field}`),
]);
const LOCKABLE = new Set(LOCKABLE_PATHS);

/**
 * A section with every field optional and WITHOUT its default: only what IT actually wrote is
 * forced (zod's .partial() would fill the defaults in and force them all).
 */
function forcedSection(schema: z.ZodObject): z.ZodType {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([field, fieldSchema]) => [field, (fieldSchema instanceof z.ZodDefault ? fieldSchema.unwrap() : fieldSchema).optional()]),
  );
  return z.strictObject(shape).optional();
}

export type PolicySettings = { [K in PolicySection]?: Partial<Settings[K]> };
const PolicySettingsSchema = z.strictObject(
  Object.fromEntries(Object.entries(POLICY_SECTIONS).map(([section, schema]) => [section, forcedSection(schema)])),
) as unknown as z.ZodType<PolicySettings>;

const LockPathSchema = z.string().superRefine((path, ctx) => {
  if (LOCKABLE.has(path)) return;
  const hint = path === 'profiles' || path.startsWith('profiles.') ? 'lock profiles with "lockProfiles" and each profile\'s "locked"' : `lockable: ${LOCKABLE_PATHS.join(', ')}`;
  ctx.addIssue({ code: 'custom', message: `"${path}" is not a setting that can be locked; ${hint}` });
});

export const PolicyProfileSchema = ProfileSchema.safeExtend({
  /** true: the policy's values win and the agent cannot edit or remove the profile. */
  locked: z.boolean().default(true),
  /** The softphone that tel:/callto:/sip: links dial through. */
  default: z.boolean().default(false),
});
export type PolicyProfile = z.infer<typeof PolicyProfileSchema>;

const EndpointSchema = z.string().refine(isVendorUrl, 'must be an https:// URL (http:// only for localhost)').nullable();

/** Shortcut → the settings field it forces, for the "set twice" check. */
const SHORTCUTS = {
  ringThroughDnd: ['notifications', 'ringThroughDnd'],
  minimumRedaction: ['logs', 'redaction'],
  logRetentionDays: ['logs', 'retentionDays'],
  forwardingEndpoint: ['forwarding', 'endpoint'],
} as const satisfies Record<string, readonly [PolicySection, string]>;

type Loose = Partial<Record<string, unknown>>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function crossChecks(policy: Loose, issue: (path: PropertyKey[], message: string) => void): void {
  const profiles = Array.isArray(policy.profiles) ? policy.profiles : [];
  const ids = new Set<unknown>();
  let defaultAt = -1;
  profiles.forEach((p: unknown, i) => {
    if (!isRecord(p)) return;
    if (typeof p.id === 'string' && ids.has(p.id)) issue(['profiles', i, 'id'], `duplicate profile id "${p.id}"`);
    ids.add(p.id);
    if (p.default === true) {
      if (defaultAt >= 0) issue(['profiles', i, 'default'], `only one profile can be the default softphone; profiles[${defaultAt}] already is`);
      else defaultAt = i;
      if (typeof p.vendor === 'string' && !(LINK_DIAL_VENDORS as readonly string[]).includes(p.vendor)) {
        issue(['profiles', i, 'default'], `a ${p.vendor} profile cannot place calls from links; the default softphone must be one of ${LINK_DIAL_VENDORS.join(', ')}`);
      }
    }
    if (policy.lockProfiles === true && p.locked === false) issue(['profiles', i, 'locked'], 'cannot be false while "lockProfiles" is true: the agent cannot edit any profile then');
  });
  if (policy.lockProfiles === true && profiles.length === 0) issue(['lockProfiles'], 'needs at least one profile in "profiles", or the agent would have none');
  for (const [shortcut, [section, field]] of Object.entries(SHORTCUTS)) {
    const forced = isRecord(policy.settings) ? policy.settings[section] : undefined;
    if (policy[shortcut] !== undefined && isRecord(forced) && Object.hasOwn(forced, field)) {
      issue(['settings', section, field], `also set by "${shortcut}": set it in one place`);
    }
  }
}

export const PolicySchema = z
  .strictObject({
    version: z.literal(POLICY_VERSION, { error: `must be ${POLICY_VERSION} (the policy format this Switchboard reads)` }),
    profiles: z.array(PolicyProfileSchema).max(20).default([]),
    lockProfiles: z.boolean().default(false),
    settings: PolicySettingsSchema.default({}),
    locked: z.array(LockPathSchema).max(200).default([]),
    ringThroughDnd: z.boolean().optional(),
    minimumRedaction: RedactionSchema.optional(),
    logRetentionDays: z.number().int().min(1).max(3650).optional(),
    forwardingEndpoint: EndpointSchema.optional(),
    updates: z.strictObject({ enabled: z.boolean(), channel: z.enum(['stable', 'beta']).default('stable') }).optional(),
    allowPolicyOverride: z.boolean().default(false),
  })
  // Cross-field rules run even when a field above is invalid (`when`), so check-config reports
  // every problem in one go; the value may then hold invalid parts, hence the type guards.
  .superRefine((policy, ctx) => crossChecks(policy as unknown as Loose, (path, message) => ctx.addIssue({ code: 'custom', path, message })), {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
