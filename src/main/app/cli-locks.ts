/**
 * Command-line options that change a setting for one run (--log-dir, --demo, --minimized) are
 * applied after the IT policy, and only where it did not lock that setting: anyone can start
 * Switchboard with any arguments, so an option must not be a way around a lock. An ignored
 * option is said to the agent, with the lock's reason.
 */
import { DEMO_PROFILE } from '../settings/profiles';
import type { Settings } from '../../shared/contract/settings';
import type { Locks } from '../../shared/ipc/shell-protocol';
import type { CliOptions } from './cli-args';

/** The lock on `path` or on its section ("logs" locks "logs.dir"), as the settings page reads locks. */
function lockReason(locks: Locks, path: string): string | undefined {
  const section = path.split('.')[0]!;
  return locks[path] ?? locks[section];
}

export interface RunOptions {
  /** Only the demo runs (the stored profiles are kept). */
  demo: boolean;
  /** Start hidden in the tray. */
  minimized: boolean;
}

/** Applies the options to `settings` (in place) where no lock forbids it. */
export function applyCliOptions(settings: Settings, locks: Locks, options: Pick<CliOptions, 'demo' | 'logDir' | 'minimized'>): RunOptions & { problems: string[] } {
  const problems: string[] = [];
  const ignored = (option: string, what: string, reason: string) => problems.push(`Ignored ${option}: ${what} is locked. ${reason}.`);
  let demo = false;
  let minimized = false;

  if (options.logDir) {
    const reason = lockReason(locks, 'logs.dir');
    if (reason) ignored(`--log-dir ${options.logDir}`, 'the log folder', reason);
    else settings.logs.dir = options.logDir;
  }
  if (options.demo) {
    // --demo replaces the profiles that run: a locked list, or any locked profile, forbids it.
    const path = Object.keys(locks).find((p) => p === 'profiles' || p.startsWith('profiles.'));
    if (path) ignored('--demo', path === 'profiles' ? 'the profile list' : `profile "${path.slice('profiles.'.length)}"`, locks[path]!);
    else {
      settings.profiles = [DEMO_PROFILE];
      demo = true;
    }
  }
  if (options.minimized) {
    const reason = lockReason(locks, 'startup.minimized');
    if (reason && !settings.startup.minimized) ignored('--minimized', 'starting minimized', reason);
    else minimized = true;
  }
  return { demo, minimized, problems };
}
