/**
 * Which file of a day a log writes: `<dir>/<family>.<local day>.<N>.jsonl` (log-files.ts), the
 * first from a given N on that is the app's own (own-files.ts) and has room. A file refused for
 * reasons of its own (another user's: EACCES; immutable: EPERM; a link: ELOOP or not the app's
 * own) is skipped for the next number, so one such file never stops logging for the day; an
 * error of the directory (ENOENT, EROFS, ENOSPC, ...) is thrown to the caller, which retries later.
 */
import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { APPEND_FLAGS, openOwnFile } from './own-files';

export interface DayFile {
  path: string;
  fd: number;
  size: number;
  day: string;
  number: number;
  /** Local midnight after `day`: the first line written from then on starts a new day's file. */
  dayEnds: number;
  /** A failed write could not be cut back: nothing more goes into this file. */
  torn: boolean;
}

/** Open or write errors that belong to one file, not the directory: try the next number. */
const FILE_SPECIFIC = new Set(['EACCES', 'EPERM', 'ELOOP', 'ENOTOWN', 'EISDIR', 'ETXTBSY', 'EBADF']);
/** Numbers tried past `from` before giving up until the caller's next retry (one open(2) each). */
const MAX_ROLLS = 16;

export const isFileSpecific = (err: unknown): boolean => FILE_SPECIFIC.has((err as NodeJS.ErrnoException | null)?.code ?? '');

/** The local date as file names hold it (`yyyy-MM-dd`). */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function nextMidnight(at: Date): number {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime();
}

/** Opens the first usable file of `day` from number `from` on; throws when there is none. */
export function openDayFile(where: { dir: string; family: string; maxBytes: number }, day: string, from: number, now: Date): DayFile {
  const { dir, family, maxBytes } = where;
  let last: unknown = null;
  for (let number = from; number < from + MAX_ROLLS; number++) {
    const path = join(dir, `${family}.${day}.${number}.jsonl`);
    try {
      const { fd, size } = openOwnFile(path, APPEND_FLAGS);
      if (size < maxBytes) return { path, fd, size, day, number, dayEnds: nextMidnight(now), torn: false };
      closeSync(fd); // full already (an earlier run): the next number
    } catch (err) {
      if (!isFileSpecific(err)) throw err;
      last = err; // not ours to write: roll on
    }
  }
  const why = last instanceof Error ? last.message : String(last);
  throw new Error(`no writable ${family} file for ${day} in ${dir} after ${MAX_ROLLS} tries: ${why}`, { cause: last });
}
