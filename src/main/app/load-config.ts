/**
 * Reads what the app runs with, in order: the settings file (a damaged one is backed up and
 * replaced before electron-store reads it, since electron-store throws on invalid JSON; older
 * versions are migrated), the user's settings section by section, then IT policy on top
 * (policy > user settings > defaults), then this run's command-line overrides.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../shared/contract/settings';
import type { CliResult } from './cli-args';
import { applyPolicy, loadPolicy, policyPath, type AppliedPolicy } from '../settings/policy';
import { DEMO_PROFILE } from '../settings/profiles';
import { loadSettingsFile } from '../settings/settings-file';
import { readSettings, type ReadSettings } from '../settings/settings';

export type Cli = Extract<CliResult, { options: unknown }>;

export interface LoadedConfig {
  settings: Settings;
  applied: AppliedPolicy;
  policy: Parameters<typeof applyPolicy>[1];
  policyFile: string;
  read: ReadSettings;
  /** What the agent stored, before --demo replaced the profiles for this run. */
  stored: { profiles: Settings['profiles'] };
  store: { store: Record<string, unknown>; get(key: string): unknown; set(key: string | Record<string, unknown>, value?: unknown): void };
  /** For the agent (shown and logged). */
  problems: string[];
  /** For the diagnostics log. */
  notes: string[];
}

export async function loadConfig(cli: Cli, userData: string): Promise<LoadedConfig> {
  const file = await loadSettingsFile(join(userData, 'settings.json'), fsp);
  const policyFile = policyPath(process.platform, process.env, cli.options.policy ?? null);
  const policyRead = await loadPolicy(fsp, policyFile);
  const policy = 'policy' in policyRead ? policyRead.policy : null;
  const Store = (await import('electron-store')).default;
  // clearInvalidConfig: a safety net should the backup above have failed.
  const store = new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true });
  const read = readSettings(file.raw);
  const applied = applyPolicy(read.settings, policy, policyFile);
  const settings = applied.settings;
  const stored = { profiles: settings.profiles };
  if (cli.options.demo) settings.profiles = [DEMO_PROFILE];
  if (cli.options.logDir) settings.logs.dir = cli.options.logDir;
  return {
    settings,
    applied,
    policy,
    policyFile,
    read,
    stored,
    store: store as unknown as LoadedConfig['store'],
    problems: [...file.problems, ...read.problems, ...('problem' in policyRead ? [policyRead.problem] : []), ...cli.warnings],
    notes: [...file.notes, ...applied.notes, ...('problems' in policyRead ? policyRead.problems : [])],
  };
}
