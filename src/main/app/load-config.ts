/**
 * Reads what the app runs with, in order: the settings file (a damaged one is backed up and
 * replaced before electron-store reads it, since electron-store throws on invalid JSON; older
 * versions are migrated), the user's settings section by section, then IT policy on top
 * (policy > user settings > defaults; a policy that cannot be used holds them, policy-held.ts),
 * then this run's command-line options where the policy did not lock them (cli-locks.ts).
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../shared/contract/settings';
import type { CliResult } from './cli-args';
import { applyCliOptions, type RunOptions } from './cli-locks';
import type { AppliedPolicy } from '../settings/policy';
import { applyReadPolicy } from '../settings/policy-held';
import { resolvePolicySource } from '../settings/policy-source';
import { loadSettingsFile } from '../settings/settings-file';
import { readSettings, type ReadSettings } from '../settings/settings';

export type Cli = Extract<CliResult, { options: unknown }>;

export interface LoadedConfig {
  settings: Settings;
  applied: AppliedPolicy;
  /** The policy (or the held state) applied again over settings the agent saves. */
  reapply(user: Settings): AppliedPolicy;
  policyFile: string;
  /** Whether a policy is in effect (valid or held), for the diagnostics log. */
  policyInEffect: boolean;
  /** The --policy/SWITCHBOARD_POLICY file in effect (passed on to login autostart), or null. */
  policyOverride: string | null;
  /** This run's command-line options, as far as the policy let them apply. */
  run: RunOptions;
  read: ReadSettings;
  /** What the agent stored, before --demo replaced the profiles for this run. */
  stored: { profiles: Settings['profiles'] };
  store: { store: Record<string, unknown>; get(key: string): unknown; set(key: string | Record<string, unknown>, value?: unknown): void };
  /** For the agent (shown and logged). */
  problems: string[];
  /** For the diagnostics log. */
  notes: string[];
}

export async function loadConfig(cli: Cli, userData: string, packaged: boolean): Promise<LoadedConfig> {
  const file = await loadSettingsFile(join(userData, 'settings.json'), fsp);
  const source = await resolvePolicySource(fsp, { platform: process.platform, env: process.env, cliPolicy: cli.options.policy ?? null, packaged });
  const policyRead = source.read;
  const Store = (await import('electron-store')).default;
  // clearInvalidConfig: a safety net should the backup above have failed.
  const store = new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true });
  const read = readSettings(file.raw);
  const reapply = (user: Settings) => applyReadPolicy(user, policyRead, source.file);
  const applied = reapply(read.settings);
  const settings = applied.settings;
  const stored = { profiles: settings.profiles };
  const run = applyCliOptions(settings, applied.locks, cli.options);
  return {
    settings,
    applied,
    reapply,
    policyFile: source.file,
    policyInEffect: 'held' in policyRead || policyRead.policy !== null,
    policyOverride: source.override,
    run: { demo: run.demo, minimized: run.minimized },
    read,
    stored,
    store: store as unknown as LoadedConfig['store'],
    problems: [...file.problems, ...read.problems, ...('problem' in policyRead ? [policyRead.problem] : []), ...source.problems, ...run.problems, ...cli.warnings],
    notes: [...file.notes, ...applied.notes, ...('problems' in policyRead ? policyRead.problems : [])],
  };
}
