/**
 * Validates settings sent by the shell UI and keeps IT-locked fields at their current values:
 * the page can show a lock, but only main can enforce it.
 */
import { SettingsSchema, type Settings } from '../../shared/contract/settings';
import type { Locks, SaveResult } from '../../shared/ipc/shell-protocol';

/** Copies the value at `path` (dot-separated; "profiles.<id>" addresses a profile) from → to. */
function keepLocked(path: string, from: Settings, to: Settings): void {
  const [head, ...rest] = path.split('.');
  if (head === 'profiles') {
    if (rest.length === 0) to.profiles = from.profiles;
    else {
      const id = rest[0];
      const locked = from.profiles.find((p) => p.id === id);
      const others = to.profiles.filter((p) => p.id !== id);
      // A locked profile can be neither edited nor removed; it keeps its place if it is still listed.
      const index = to.profiles.findIndex((p) => p.id === id);
      if (locked) to.profiles = index < 0 ? [...others, locked] : to.profiles.map((p) => (p.id === id ? locked : p));
    }
    return;
  }
  let src: unknown = from;
  let dst: unknown = to;
  const keys = [head!, ...rest];
  for (const key of keys.slice(0, -1)) {
    if (!src || !dst || typeof src !== 'object' || typeof dst !== 'object' || !Object.hasOwn(src, key)) return;
    src = (src as Record<string, unknown>)[key];
    dst = (dst as Record<string, unknown>)[key];
  }
  const last = keys[keys.length - 1]!;
  if (src && dst && typeof src === 'object' && typeof dst === 'object' && Object.hasOwn(src, last)) {
    (dst as Record<string, unknown>)[last] = structuredClone((src as Record<string, unknown>)[last]);
  }
}

export function validateSettingsSave(current: Settings, input: unknown, locks: Locks): { ok: true; settings: Settings } | Extract<SaveResult, { ok: false }> {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
  }
  const settings = parsed.data;
  const ids = new Set<string>();
  for (const [i, p] of settings.profiles.entries()) {
    if (ids.has(p.id)) return { ok: false, issues: [{ path: `profiles.${i}.id`, message: `duplicate profile id "${p.id}"` }] };
    ids.add(p.id);
  }
  for (const path of Object.keys(locks)) keepLocked(path, current, settings);
  return { ok: true, settings };
}

/** Which parts of a change need a restart to take effect (views, log files, the forwarder). */
export function restartNeededFor(before: Settings, after: Settings): string[] {
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const parts: string[] = [];
  if (changed(before.profiles, after.profiles)) parts.push('profiles');
  if (before.logs.dir !== after.logs.dir || before.logs.maxFileMb !== after.logs.maxFileMb || before.logs.retentionDays !== after.logs.retentionDays) parts.push('log files');
  if (changed(before.forwarding, after.forwarding)) parts.push('forwarding');
  return parts;
}
