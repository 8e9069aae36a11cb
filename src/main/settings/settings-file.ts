/**
 * The settings file (<userData>/settings.json), checked BEFORE electron-store opens it.
 *
 * electron-store 12 (conf 16) throws a SyntaxError from its constructor when the file is not JSON
 * (its `clearInvalidConfig` option would instead empty the file silently), so a damaged file
 * would stop Switchboard from starting at all. Here a damaged file is moved aside as
 * `settings.corrupt-<time>.json` (the agent's or support's to recover), a fresh file is written,
 * and the agent is told. An older file is migrated (migrations.ts) and written back, after a
 * copy of the original is kept as `settings.before-v<N>.json`.
 */
import { basename, dirname, join } from 'node:path';
import { migrateSettings, settingsVersion, SETTINGS_SCHEMA_VERSION } from './migrations';

/** The subset of node:fs/promises used here (tests pass an in-memory one). */
export interface SettingsFileFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
}

export interface SettingsFile {
  /** The file's settings after migration; undefined when there is no usable file (defaults). */
  raw: Record<string, unknown> | undefined;
  /** Sentences for the agent (shown in the shell and logged). */
  problems: string[];
  /** Where a damaged file was moved to. */
  backup?: string;
  /** The version the file was migrated from. */
  migratedFrom?: number;
  /** What the migration moved, for the diagnostics log. */
  notes: string[];
}

/** What electron-store writes: tab-indented JSON. */
const serialize = (value: unknown) => JSON.stringify(value, undefined, '\t');
const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, '-');
const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

export function corruptBackupPath(path: string, now: number): string {
  return join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp(now)}.json`);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Moves the damaged file aside (copy + rewrite when a rename is refused) and writes a fresh one. */
async function backUpDamaged(fs: SettingsFileFs, path: string, now: number): Promise<SettingsFile> {
  const backup = corruptBackupPath(path, now);
  const fresh = serialize({ schemaVersion: SETTINGS_SCHEMA_VERSION });
  try {
    try {
      await fs.rename(path, backup);
    } catch {
      // Windows refuses a rename while another program (a virus scanner) has the file open.
      await fs.copyFile(path, backup);
    }
    await fs.writeFile(path, fresh);
  } catch (err) {
    return {
      raw: undefined,
      notes: [],
      problems: [`Your settings file ${path} was damaged and could not be backed up (${errorCode(err)}); Switchboard started with default settings.`],
    };
  }
  return {
    raw: undefined,
    backup,
    notes: [],
    problems: [`Your settings file was damaged and has been backed up to ${backup}; Switchboard started with default settings.`],
  };
}

export async function loadSettingsFile(path: string, fs: SettingsFileFs, now: number = Date.now()): Promise<SettingsFile> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { raw: undefined, problems: [], notes: [] };
    return { raw: undefined, notes: [], problems: [`Your settings file ${path} could not be read (${errorCode(err)}); Switchboard started with default settings.`] };
  }
  const raw = parseObject(text);
  // Not JSON, empty, or JSON that is not an object: electron-store would throw or overwrite it.
  if (!raw) return backUpDamaged(fs, path, now);

  const from = settingsVersion(raw);
  if (from === SETTINGS_SCHEMA_VERSION) return { raw, problems: [], notes: [] };
  const migrated = migrateSettings(raw, from);
  if (migrated.newer) return { raw, problems: [], notes: migrated.notes };
  try {
    await fs.copyFile(path, join(dirname(path), `${basename(path, '.json')}.before-v${SETTINGS_SCHEMA_VERSION}.json`));
    await fs.writeFile(path, serialize(migrated.settings));
  } catch (err) {
    // The app still runs the migrated settings; the file is migrated again next start.
    return { raw: migrated.settings, migratedFrom: from, notes: migrated.notes, problems: [`Your settings could not be updated to the new format (${errorCode(err)}); they will be updated at the next start.`] };
  }
  return { raw: migrated.settings, migratedFrom: from, notes: migrated.notes, problems: [] };
}
