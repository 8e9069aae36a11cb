/**
 * Lines a log could not write and has not yet recorded in itself, kept across restarts in
 * `<dir>/<family>-dropped.json` (a name retention and repair never match). The count has to
 * survive exactly when the disk is full, so the file is given its full size when it is opened and
 * later updates overwrite those bytes in place (pwrite at offset 0): overwriting allocated blocks
 * needs no new ones on ext4, XFS, NTFS and tmpfs, so it still succeeds on a full disk there. On
 * copy-on-write filesystems (btrfs, ZFS, APFS) an overwrite can fail too; the count is then kept
 * in memory only and still shown by the log's `dropped` until the app quits.
 * The rolling sink writes the count into the log itself (its family's "dropped" line) as soon as
 * a line can be written again, then resets this file to 0.
 */
import { closeSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openOwnFile, UPDATE_OR_CREATE_FLAGS } from './own-files';

const RECORD_BYTES = 64;

export interface DropCounter {
  /** Unrecorded drops left by earlier runs. */
  readonly carried: number;
  /** Stores the current unrecorded count; never throws. */
  store(count: number): void;
  close(): void;
}

const record = (count: number) => Buffer.from(`${JSON.stringify({ unrecordedDroppedLines: count })}`.padEnd(RECORD_BYTES - 1, ' ') + '\n');

function read(fd: number): number {
  const buffer = Buffer.alloc(RECORD_BYTES);
  const length = readSync(fd, buffer, 0, RECORD_BYTES, 0);
  try {
    const value = (JSON.parse(buffer.subarray(0, length).toString('utf8') || '{}') as { unrecordedDroppedLines?: unknown }).unrecordedDroppedLines;
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0; // damaged: nothing trustworthy to carry over
  }
}

/** Never throws: a counter that cannot be opened keeps nothing (and says so through `carried` = 0). */
export function openDropCounter(dir: string, family: string): DropCounter {
  let fd: number | null = null;
  let carried = 0;
  try {
    fd = openOwnFile(join(dir, `${family}-dropped.json`), UPDATE_OR_CREATE_FLAGS).fd;
    carried = read(fd);
    writeSync(fd, record(carried), 0, RECORD_BYTES, 0); // allocates the record's bytes now
  } catch {
    // Not writable, not ours (a symlink), or no room for 64 bytes: counts stay in memory.
  }
  let stored = carried;
  return {
    carried,
    store(count) {
      if (fd === null || count === stored) return;
      try {
        writeSync(fd, record(count), 0, RECORD_BYTES, 0);
        stored = count;
      } catch {
        // Kept in memory; retried with the next change.
      }
    },
    close() {
      if (fd === null) return;
      try {
        closeSync(fd);
      } catch {
        // Closing anyway.
      }
      fd = null;
    },
  };
}
