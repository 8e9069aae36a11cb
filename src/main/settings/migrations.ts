/**
 * Settings file formats, by `schemaVersion`, and the steps between them. Each step turns the raw
 * JSON of one version into the next, so a file from any older Switchboard is read by today's
 * schema (src/shared/contract/settings.ts) without losing what the agent chose.
 *
 *   1  Switchboard ≤ 0.1 (no `schemaVersion` field): do-not-disturb was `dnd: { ringThrough }`,
 *      start at login a top-level `autoStart` switch, and a profile's toasts one `notify` switch
 *      (or nothing: every toast on). No `dndSchedule`, no `startup`.
 *   2  `notifications.ringThroughDnd`, `startup: { atLogin, minimized }`, `dndSchedule`, and
 *      per-profile `notifications: { offered, missed, messages }`.
 *
 * A file without `schemaVersion` is read as version 1. Files written by 0.1 already have the
 * version-2 shape, and every step leaves fields it does not know alone, so for them it changes
 * nothing but the version number.
 */

export const SETTINGS_SCHEMA_VERSION = 2;

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version a stored settings object says it has (1 when it says nothing usable). */
export function settingsVersion(raw: Raw): number {
  const v = raw.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

function v1ToV2(s: Raw, notes: string[]): void {
  if (isRecord(s.dnd)) {
    const ringThrough = s.dnd.ringThrough;
    const notifications = isRecord(s.notifications) ? s.notifications : {};
    if (typeof ringThrough === 'boolean' && notifications.ringThroughDnd === undefined) {
      s.notifications = { ...notifications, ringThroughDnd: ringThrough };
      notes.push('dnd.ringThrough moved to notifications.ringThroughDnd');
    }
    delete s.dnd;
  }
  if (typeof s.autoStart === 'boolean') {
    const startup = isRecord(s.startup) ? s.startup : {};
    if (startup.atLogin === undefined) s.startup = { ...startup, atLogin: s.autoStart };
    notes.push('autoStart moved to startup.atLogin');
    delete s.autoStart;
  }
  if (Array.isArray(s.profiles)) {
    s.profiles = s.profiles.map((profile: unknown) => {
      if (!isRecord(profile)) return profile;
      const { notify, ...rest } = profile;
      if (isRecord(rest.notifications)) return rest;
      // One switch for every toast became three; a missing one meant "all on".
      const on = typeof notify === 'boolean' ? notify : true;
      return { ...rest, notifications: { offered: on, missed: on, messages: on } };
    });
  }
}

/** STEPS[n] turns version n into version n + 1, in place, and says what it moved. */
const STEPS: Record<number, (settings: Raw, notes: string[]) => void> = { 1: v1ToV2 };

export interface MigrationResult {
  settings: Raw;
  /** What moved, for the diagnostics log. */
  notes: string[];
  /** Set when the file is newer than this Switchboard: it is read as it is. */
  newer?: boolean;
}

/** Returns a migrated copy; the input is not changed. */
export function migrateSettings(raw: Raw, fromVersion: number): MigrationResult {
  const settings = structuredClone(raw);
  const notes: string[] = [];
  if (fromVersion > SETTINGS_SCHEMA_VERSION) {
    return { settings, notes: [`written by a newer Switchboard (settings format ${fromVersion}); read as format ${SETTINGS_SCHEMA_VERSION}`], newer: true };
  }
  for (let v = fromVersion; v < SETTINGS_SCHEMA_VERSION; v++) STEPS[v]?.(settings, notes);
  settings.schemaVersion = SETTINGS_SCHEMA_VERSION;
  return { settings, notes };
}
