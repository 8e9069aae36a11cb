/**
 * User settings (electron-store, validated with zod at every read). Issue 5 adds the settings UI
 * and issue 6 the IT policy that can lock any of these; the shapes here are what both build on.
 */
import { z } from 'zod';
import { isVendorUrl, ProfileSchema } from './profile';
import { RINGTONE_DEFAULTS, RingtoneSettingsSchema } from './settings-ringtone';

export const REDACTION_LEVELS = ['off', 'numbers', 'full'] as const;
export const RedactionSchema = z.enum(REDACTION_LEVELS);
export type Redaction = z.infer<typeof RedactionSchema>;

export const NotificationSettingsSchema = z.strictObject({
  /** Calls (voice/video) still ring while do-not-disturb is on. */
  ringThroughDnd: z.boolean().default(false),
  /** No toast for the profile whose view the agent is looking at. */
  suppressWhenFocused: z.boolean().default(false),
  /**
   * A ring no vendor event ended stops ringing (toast, tray) after this long. IT sets it a little
   * above the contact center's ring-no-answer time; 90 s covers typical RONA timers (15–60 s).
   */
  ringTimeoutSeconds: z.number().int().min(10).max(600).default(90),
});

export const AutoAwaySettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Minutes without keyboard or mouse input before going away. */
  idleMinutes: z.number().int().min(1).max(240).default(10),
  /** Go away as soon as the screen locks. */
  onLock: z.boolean().default(true),
});

/**
 * An absolute path on any of the three systems (POSIX "/…", Windows "C:\…" or "\\server\share\…"):
 * the shell UI validates too and cannot ask Node. Whether it is a folder Switchboard can write to
 * is main's check (src/main/settings/log-dir-check.ts), at save and before the logs open.
 */
export function isAbsolutePath(p: string): boolean {
  return /^\//.test(p) || /^[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(p);
}

export const LogSettingsSchema = z.strictObject({
  /** Absolute directory; null: <userData>/logs. */
  dir: z
    .string()
    .min(1)
    .max(1024)
    .refine((d) => !/\p{Cc}/u.test(d), 'must not contain control characters')
    .refine(isAbsolutePath, 'must be an absolute folder path, such as /var/log/switchboard or C:\\Logs\\Switchboard (empty: the default folder)')
    .nullable()
    .default(null),
  retentionDays: z.number().int().min(1).max(3650).default(30),
  maxFileMb: z.number().int().min(1).max(1024).default(20),
  redaction: RedactionSchema.default('off'),
});

export const ForwardingSettingsSchema = z.strictObject({
  /** https:// endpoint receiving batches of ShellEvents; null: forwarding off. */
  endpoint: z
    .string()
    .refine(isVendorUrl, 'must be an https:// URL (http:// only for localhost)')
    .nullable()
    .default(null),
  batchSize: z.number().int().min(1).max(1000).default(50),
  /** Events kept on disk while the endpoint is unreachable; beyond it the oldest are dropped (and counted). */
  maxQueuedEvents: z.number().int().min(100).max(1_000_000).default(50_000),
  timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
});

const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30 (24-hour)');

/** Recurring do-not-disturb: on the given weekdays (0 = Sunday) from `start` to `end`, local time. */
export const DndScheduleSchema = z.strictObject({
  enabled: z.boolean().default(false),
  days: z.array(z.number().int().min(0).max(6)).max(7).default([1, 2, 3, 4, 5]),
  start: TIME.default('18:00'),
  end: TIME.default('08:00'),
});
export type DndSchedule = z.infer<typeof DndScheduleSchema>;

export const StartupSettingsSchema = z.strictObject({
  atLogin: z.boolean().default(false),
  minimized: z.boolean().default(false),
});

/** The sections stored settings are read by, one at a time (a broken one falls back alone). */
export const SETTINGS_SECTIONS = {
  notifications: NotificationSettingsSchema,
  autoAway: AutoAwaySettingsSchema,
  logs: LogSettingsSchema,
  forwarding: ForwardingSettingsSchema,
  dndSchedule: DndScheduleSchema,
  startup: StartupSettingsSchema,
  ringtone: RingtoneSettingsSchema,
} as const;

export const SettingsSchema = z.strictObject({
  profiles: z.array(ProfileSchema).max(20).default([]),
  notifications: NotificationSettingsSchema.default({ ringThroughDnd: false, suppressWhenFocused: false, ringTimeoutSeconds: 90 }),
  autoAway: AutoAwaySettingsSchema.default({ enabled: false, idleMinutes: 10, onLock: true }),
  logs: LogSettingsSchema.default({ dir: null, retentionDays: 30, maxFileMb: 20, redaction: 'off' }),
  forwarding: ForwardingSettingsSchema.default({ endpoint: null, batchSize: 50, maxQueuedEvents: 50_000, timeoutMs: 10_000 }),
  dndSchedule: DndScheduleSchema.default({ enabled: false, days: [1, 2, 3, 4, 5], start: '18:00', end: '08:00' }),
  startup: StartupSettingsSchema.default({ atLogin: false, minimized: false }),
  ringtone: RingtoneSettingsSchema.default(RINGTONE_DEFAULTS),
  /** The first-run guide was dismissed. */
  guideDismissed: z.boolean().default(false),
});
export type SettingsInput = z.input<typeof SettingsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
