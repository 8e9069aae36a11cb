/**
 * Fail closed: what runs while the IT policy file exists but cannot be used (unreadable, not
 * JSON, failing the schema, an unknown version, or an override file that is not there).
 *
 * Switchboard cannot know what the broken file meant to lock, so it holds everything a policy
 * can lock, at the safest value there is:
 *   - log redaction "full" (the strictest level: nothing a policy could ask for is stricter);
 *   - forwarding off (endpoint null: no events leave the machine to an endpoint IT did not name);
 *   - every settings section locked at the agent's current values, and the profile list locked
 *     (no new origins, auth hosts or URLs while IT's rules are unknown);
 *   - the command line cannot change locked values either (src/main/app/cli-locks.ts).
 * The agent's calls keep working: the agent's own profiles still run. The agent is told the
 * file, the reason and that the settings are held (heldProblem in policy.ts); the diagnostics
 * log gets every problem line.
 */
import { POLICY_SECTIONS } from '../../shared/contract/policy';
import type { Settings } from '../../shared/contract/settings';
import type { Locks } from '../../shared/ipc/shell-protocol';
import { applyPolicy, type AppliedPolicy, type ReadPolicy } from './policy';

export const heldLockReason = (file: string, why: string): string =>
  `Held by Switchboard: the IT policy file ${file} ${why}, so nothing it might lock can be changed until IT fixes it`;

export function holdSettings(user: Settings, file: string, why: string): AppliedPolicy {
  const settings = structuredClone(user);
  const reason = heldLockReason(file, why);
  const notes: string[] = [];
  if (settings.logs.redaction !== 'full') notes.push(`log redaction held at "full" (was "${settings.logs.redaction}"): the IT policy file ${file} ${why}`);
  settings.logs.redaction = 'full';
  if (settings.forwarding.endpoint !== null) notes.push(`forwarding held off (was ${settings.forwarding.endpoint}): the IT policy file ${file} ${why}`);
  settings.forwarding.endpoint = null;
  const locks: Locks = { profiles: reason };
  for (const section of Object.keys(POLICY_SECTIONS)) locks[section] = reason;
  return { settings, locks, notes, defaultSoftphone: null, updates: null, replacedDemo: false };
}

/** The settings that run for what was read: the policy applied, none, or everything held. */
export function applyReadPolicy(user: Settings, read: ReadPolicy, file: string): AppliedPolicy {
  return 'held' in read ? holdSettings(user, file, read.held) : applyPolicy(user, read.policy, file);
}
