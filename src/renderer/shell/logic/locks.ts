/**
 * IT policy locks: a settings path ("logs.redaction", "profiles", "profiles.<id>") → the reason.
 * A field is locked when its own path or any ancestor path is; profile fields are addressed by
 * the profile's id, as main's policy addresses them, not by their position in the list.
 */
import type { Locks } from '../../../shared/ipc/shell-protocol';

/** The reason `path` is locked (its own lock, else the nearest locked ancestor's), or undefined. */
export function lockReason(locks: Locks, path: string): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (Object.hasOwn(locks, key)) return locks[key];
  }
  return undefined;
}

/** The lock path of a profile, or of one of its fields. */
export const profileLockPath = (id: string, field?: string): string => (field ? `profiles.${id}.${field}` : `profiles.${id}`);

/** Whether every settings field under `section` (e.g. "logs") is locked, for a section-level note. */
export const sectionLock = (locks: Locks, section: string): string | undefined => lockReason(locks, section);
