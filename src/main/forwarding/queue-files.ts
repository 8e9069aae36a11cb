/**
 * File-level helpers for the forwarding disk queue: batch file names, atomic writes, moving files
 * aside (bad/, rejected/) and the small persistent counters file. Kept apart from disk-queue.ts so
 * the queue reads as bookkeeping and this file as "how bytes reach the disk safely".
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * b-<seq>-<count>-<id>.json. The sequence (zero-padded so a directory listing is already in order)
 * carries the order across restarts; the event count lets the queue enforce its bound at open
 * without reading every batch; the id is the batch's idempotency key, random so it never repeats
 * even if the queue directory is wiped and sequence numbers start again.
 */
const BATCH_NAME = /^b-(\d{12})-(\d{1,7})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

export interface BatchFile {
  seq: number;
  count: number;
  id: string;
  name: string;
}

export function newBatchFile(seq: number, count: number): BatchFile {
  const id = randomUUID();
  return { seq, count, id, name: `b-${String(seq).padStart(12, '0')}-${count}-${id}.json` };
}

export function parseBatchName(name: string): BatchFile | null {
  const m = BATCH_NAME.exec(name);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { seq: Number(m[1]), count: Number(m[2]), id: m[3], name };
}

export const TMP_SUFFIX = '.tmp';
export const STATE_FILE = 'state.json';

/**
 * Write to <path>.tmp, flush it to the device, then rename over <path>: a crash leaves either the
 * old file, the new file, or a stray .tmp (discarded at the next open) — never a torn <path>.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}${TMP_SUFFIX}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await syncDir(dirname(path));
}

/** The rename itself is durable only once the directory entry is flushed (POSIX); best effort. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // Windows cannot open a directory for fsync.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems refuse directory fsync; the data file itself is already flushed.
  }
}

/** How many files bad/ and rejected/ keep: evidence for IT, but never a way to fill the disk. */
export const KEEP_ASIDE = 200;

/**
 * Move a file into an aside folder (bad/ or rejected/) under a new name, then prune that folder
 * to the newest `keep` files. Names in both folders start with a fixed-width key that sorts by age.
 */
export async function moveAside(from: string, asideDir: string, newName: string, keep = KEEP_ASIDE): Promise<void> {
  await rename(from, join(asideDir, newName));
  const names = (await readdir(asideDir)).sort();
  for (const old of names.slice(0, Math.max(0, names.length - keep))) {
    await unlink(join(asideDir, old)).catch(() => undefined);
  }
}

/** Counters that must survive restarts (DESIGN: dropped events are reported, not forgotten). */
export interface QueueCounters {
  dropped: number;
  bad: number;
  rejected: number;
}

export async function readCounters(dir: string): Promise<{ counters: QueueCounters; damaged: boolean }> {
  const zero: QueueCounters = { dropped: 0, bad: 0, rejected: 0 };
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch {
    return { counters: zero, damaged: false }; // First run.
  }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const count = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0);
    return { counters: { dropped: count(parsed.dropped), bad: count(parsed.bad), rejected: count(parsed.rejected) }, damaged: false };
  } catch {
    // Written atomically, so this means outside damage: start the counters again rather than fail.
    return { counters: zero, damaged: true };
  }
}

export function writeCounters(dir: string, counters: QueueCounters): Promise<void> {
  return writeFileAtomic(join(dir, STATE_FILE), JSON.stringify(counters));
}
