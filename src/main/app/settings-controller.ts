/**
 * Saving settings from the shell UI: validated again in main, IT-locked fields kept at their
 * policy values, what the agent chose stored (policy-locked profiles stay in the policy, and in
 * --demo runs the stored profiles are kept as they were), the policy applied again on top of it
 * for what runs, and every running part told.
 */
import type { Settings } from '../../shared/contract/settings';
import type { SaveResult, SettingsView } from '../../shared/ipc/shell-protocol';
import { diag } from '../diagnostics';
import { SETTINGS_SCHEMA_VERSION } from '../settings/migrations';
import { logDirProblem } from '../settings/log-dir-check';
import { restartNeededFor, validateSettingsSave } from '../settings/save-settings';
import type { LoadedConfig } from './load-config';

export interface SettingsControllerDeps {
  config: LoadedConfig;
  /** This run shows only the demo (--demo): the agent's own profiles are not what is on screen. */
  demoOnly: boolean;
  /** The running settings changed (in place): apply them. */
  applied(settings: Settings): void;
  problem(message: string): void;
}

export function createSettingsController(deps: SettingsControllerDeps) {
  const { config } = deps;
  const { settings, stored, store } = config;
  let applied = config.applied;
  return {
    view: (): SettingsView => ({ settings, locks: applied.locks }),
    defaultSoftphone: (): string | null => applied.defaultSoftphone,
    save(input: unknown): SaveResult {
      const result = validateSettingsSave(settings, input, applied.locks);
      if (!result.ok) return result;
      // A new log folder must be usable before it is stored (the schema saw only its form).
      const dir = result.settings.logs.dir;
      const dirProblem = dir !== null && dir !== settings.logs.dir ? logDirProblem(dir) : null;
      if (dirProblem) return { ok: false, issues: [{ path: 'logs.dir', message: dirProblem }] };
      const restart = restartNeededFor(settings, result.settings);
      const toStore = {
        ...result.settings,
        profiles: deps.demoOnly ? stored.profiles : result.settings.profiles.filter((p) => !applied.locks[`profiles.${p.id}`]),
      };
      applied = config.reapply(result.settings);
      Object.assign(settings, applied.settings);
      store.set({ ...toStore, schemaVersion: SETTINGS_SCHEMA_VERSION } as unknown as Record<string, unknown>);
      deps.applied(settings);
      if (restart.length) deps.problem(`Restart Switchboard to apply the changes to ${restart.join(', ')}.`);
      diag('settings', 'saved', { restart });
      return { ok: true };
    },
  };
}
