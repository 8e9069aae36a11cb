/**
 * The files of one log family on disk, and the two jobs done on them outside pino-roll:
 * repairing a torn last line left by a crash, and deleting files past the retention period.
 *
 * Names are pino-roll's, with `dateFormat: 'yyyy-MM-dd'` and extension `.jsonl`:
 *   <family>.<YYYY-MM-DD>.<N>.jsonl      e.g. events.2025-06-01.1.jsonl
 * where the date is the local day the file was started and N counts from 1. Only names of exactly
 * this shape are ever repaired or deleted, so a log directory shared with anything else is safe.
 */
import { lstat, open, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

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

/** The family's files, oldest first (by day in the name, then N). Missing directory: []. */
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
      // lstat: a symlink is judged by itself, never by what it points to.
      const stats = await lstat(join(dir, name));
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
 * a line boundary. Only the tail is read. A missing file is not an error.
 */
export async function repairLogFile(path: string): Promise<RepairResult> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { repaired: false, droppedBytes: 0 };
    throw err;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { repaired: false, droppedBytes: 0 };
    const buffer = Buffer.alloc(Math.min(TAIL_CHUNK, size));
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - buffer.length);
      const length = end - start;
      await handle.read(buffer, 0, length, start);
      const newline = buffer.subarray(0, length).lastIndexOf(0x0a);
      if (newline !== -1) {
        const keep = start + newline + 1;
        if (keep === size) return { repaired: false, droppedBytes: 0 };
        await handle.truncate(keep);
        await handle.datasync();
        return { repaired: true, droppedBytes: size - keep };
      }
      end = start;
    }
    // No newline at all: the file holds one torn line and nothing else.
    await handle.truncate(0);
    await handle.datasync();
    return { repaired: true, droppedBytes: size };
  } finally {
    await handle.close();
  }
}
