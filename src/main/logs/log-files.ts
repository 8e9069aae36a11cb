/**
 * The files of one log family on disk, and the two jobs done on them besides writing (rolling-sink.ts):
 * repairing a torn last line left by a crash, and deleting files past the retention period.
 *
 * Names (the pattern pino-roll used, kept so existing logs continue):
 *   <family>.<YYYY-MM-DD>.<N>.jsonl      e.g. events.2025-06-01.1.jsonl
 * where the date is the local day the file was started and N counts from 1. Only the app's own
 * files are listed, repaired or deleted: named exactly like this AND a regular file with one link
 * (own-files.ts), so a log directory shared with anything else, or holding a link to a file
 * elsewhere, is safe.
 */
import { closeSync, fdatasyncSync, fstatSync as fstat, ftruncateSync, readSync } from 'node:fs';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isOwnFileStats, openOwnFile, UPDATE_FLAGS } from './own-files';

export interface LogFile {
  path: string;
  name: string;
  /** The day in the name, as written (local date). */
  day: string;
  number: number;
  mtimeMs: number;
}

const DAY_MS = 86_400_000;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function familyPattern(family: string): RegExp {
  return new RegExp(`^${escapeRegExp(family)}\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.jsonl$`);
}

/** The family's own files, oldest first (by day in the name, then N). Missing directory: []. */
export async function listLogFiles(dir: string, family: string): Promise<LogFile[]> {
  const pattern = familyPattern(family);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files: LogFile[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    try {
      // lstat: a symlink is judged by itself, never by what it points to, and is not the app's.
      const stats = await lstat(join(dir, name));
      if (!isOwnFileStats(stats)) continue;
      files.push({ path: join(dir, name), name, day: match[1] ?? '', number: Number(match[2]), mtimeMs: stats.mtimeMs });
    } catch {
      // Deleted between readdir and lstat: nothing to do with it.
    }
  }
  return files.sort((a, b) => (a.day === b.day ? a.number - b.number : a.day < b.day ? -1 : 1));
}

/**
 * Deletes the family's files last modified more than `retentionDays` ago. Age comes from mtime, not
 * the name: a file named for one day holds lines up to its last write, and the whole file goes
 * only once its newest line is past retention. `keep` (the file being written) is never deleted.
 */
export async function sweepRetention(
  dir: string,
  family: string,
  retentionDays: number,
  options: { keep?: string | null; now?: number } = {},
): Promise<string[]> {
  const cutoff = (options.now ?? Date.now()) - retentionDays * DAY_MS;
  const deleted: string[] = [];
  for (const file of await listLogFiles(dir, family)) {
    if (file.mtimeMs >= cutoff || file.path === options.keep) continue;
    try {
      await unlink(file.path);
      deleted.push(file.path);
    } catch {
      // Already gone, or not ours to delete (permissions): retried at the next sweep.
    }
  }
  return deleted;
}

export interface RepairResult {
  repaired: boolean;
  droppedBytes: number;
}

const TAIL_CHUNK = 64 * 1024;

/**
 * A process killed mid-write can leave a partial last line (a file not ending in '\n'): this
 * truncates it back to the last newline, so every line left is complete and appending resumes on
 * a line boundary. Only the tail is read. A missing file, and a file that is not the app's own (a
 * symlink, a hard link: own-files.ts), are left alone.
 */
export async function repairLogFile(path: string): Promise<RepairResult> {
  let fd: number;
  try {
    fd = openOwnFile(path, UPDATE_FLAGS).fd;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTOWN') return { repaired: false, droppedBytes: 0 };
    throw err;
  }
  try {
    return cutTornTail(fd);
  } finally {
    closeSync(fd);
  }
}

function cutTornTail(fd: number): RepairResult {
  const { size } = fstat(fd);
  if (size === 0) return { repaired: false, droppedBytes: 0 };
  const buffer = Buffer.alloc(Math.min(TAIL_CHUNK, size));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - buffer.length);
    const length = end - start;
    readSync(fd, buffer, 0, length, start);
    const newline = buffer.subarray(0, length).lastIndexOf(0x0a);
    if (newline !== -1) {
      const keep = start + newline + 1;
      if (keep === size) return { repaired: false, droppedBytes: 0 };
      ftruncateSync(fd, keep);
      fdatasyncSync(fd);
      return { repaired: true, droppedBytes: size - keep };
    }
    end = start;
  }
  // No newline at all: the file holds one torn line and nothing else.
  ftruncateSync(fd, 0);
  fdatasyncSync(fd);
  return { repaired: true, droppedBytes: size };
}
