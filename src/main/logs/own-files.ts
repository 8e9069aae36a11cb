/**
 * Which files in the log directory are the app's own, and how they are opened. The directory may
 * hold other things (an agent's or an attacker's symlink named like a log file, a hard link to a
 * file elsewhere), and repair truncates, retention deletes and appending writes: each would then
 * act on a file outside the directory. So a file is the app's own only when it is a regular file
 * with a single link (log-files.ts adds: named by the family pattern), and it is opened without
 * following a symlink:
 *   Linux, macOS   O_NOFOLLOW: open(2) fails with ELOOP when the last component is a symlink, and
 *                  with O_CREAT a dangling symlink is not created through (man 2 open).
 *   Windows        Node defines no O_NOFOLLOW there (its fs docs, "File open constants": only
 *                  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY). The name is
 *                  lstat'ed first and a symlink refused; creating symlinks needs the
 *                  SeCreateSymbolicLinkPrivilege (administrators or Developer Mode), so the
 *                  window between lstat and open is not open to an ordinary agent account.
 * After opening, fstat confirms a regular file with one link, whatever the platform.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, type Stats } from 'node:fs';

/** Log files hold customer data: readable by the agent's account only. */
export const LOG_FILE_MODE = 0o600;

const NOFOLLOW: number = constants.O_NOFOLLOW ?? 0;

/** A file the app may have created: regular, one link (symlinks are judged by lstat, as themselves). */
export function isOwnFileStats(stats: Stats): boolean {
  return stats.isFile() && stats.nlink === 1;
}

export class NotOwnFileError extends Error {
  readonly code = 'ENOTOWN';
  constructor(path: string, what: string) {
    super(`${path} is ${what}, not a log file this app created: left alone`);
  }
}

function refuseSymlinkWithoutNofollow(path: string): void {
  if (NOFOLLOW !== 0) return;
  try {
    if (lstatSync(path).isSymbolicLink()) throw new NotOwnFileError(path, 'a symbolic link');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

function describe(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (!stats.isFile()) return 'not a regular file';
  return `a file with ${stats.nlink} links`;
}

/**
 * Opens `path` (created if missing) with `flags` | O_NOFOLLOW and checks it is the app's own.
 * Throws the open error (ELOOP for a symlink on Linux/macOS) or a NotOwnFileError.
 */
export function openOwnFile(path: string, flags: number): { fd: number; size: number } {
  refuseSymlinkWithoutNofollow(path);
  const fd = openSync(path, flags | NOFOLLOW, LOG_FILE_MODE);
  try {
    const stats = fstatSync(fd);
    if (!isOwnFileStats(stats)) throw new NotOwnFileError(path, describe(stats));
    return { fd, size: stats.size };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Appending, created if missing. */
export const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT;
/** Reading and writing in place (repair), never created. */
export const UPDATE_FLAGS = constants.O_RDWR;
/** Reading and writing in place, created if missing (the dropped-lines counter). */
export const UPDATE_OR_CREATE_FLAGS = constants.O_RDWR | constants.O_CREAT;
