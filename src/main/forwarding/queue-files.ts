/**
 * File-level helpers for the forwarding disk queue: batch file names, atomic writes, moving files
 * aside (bad/, rejected/) and sweeping them by the log retention, and the small persistent
 * counters file. Kept apart from disk-queue.ts so the queue reads as bookkeeping and this file as
 * "how bytes reach the disk safely".
 */
import { randomUUID } from 'node:crypto';
import { lstat, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Sealed batch: b-<seq>-<count>-<id>.jsonl (one event per line; `.json` is the older one-object
 * format, still read). Open batch, still being appended to: o-<seq>-<id>.jsonl.
 * The sequence (zero-padded so a directory listing is already in order) carries the order across
 * restarts; the event count lets the queue enforce its bound at open without reading every batch;
 * the id is the batch's idempotency key, random so it never repeats even if the queue directory
 * is wiped and sequence numbers start again. An open batch keeps its id when sealed, so a batch
 * recovered after a crash is still the same batch.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BATCH_NAME = new RegExp(`^b-(\\d{12})-(\\d{1,7})-(${UUID})\\.(jsonl|json)$`);
const OPEN_NAME = new RegExp(`^o-(\\d{12})-(${UUID})\\.jsonl$`);

export interface BatchFile {
  seq: number;
  count: number;
  id: string;
  name: string;
  /** jsonl: one event per line; json: {id, seq, events} (written by earlier versions). */
  format: 'jsonl' | 'json';
}

export interface OpenBatchFile {
  seq: number;
  id: string;
  name: string;
}

const pad = (seq: number): string => String(seq).padStart(12, '0');

export function newOpenBatch(seq: number): OpenBatchFile {
  const id = randomUUID();
  return { seq, id, name: `o-${pad(seq)}-${id}.jsonl` };
}

export function sealedName(open: { seq: number; id: string }, count: number): BatchFile {
  return { seq: open.seq, count, id: open.id, name: `b-${pad(open.seq)}-${count}-${open.id}.jsonl`, format: 'jsonl' };
}

export function parseBatchName(name: string): BatchFile | null {
  const m = BATCH_NAME.exec(name);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return null;
  return { seq: Number(m[1]), count: Number(m[2]), id: m[3], name, format: m[4] as 'jsonl' | 'json' };
}

export function parseOpenName(name: string): OpenBatchFile | null {
  const m = OPEN_NAME.exec(name);
  if (!m?.[1] || !m[2]) return null;
  return { seq: Number(m[1]), id: m[2], name };
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
export async function syncDir(dir: string): Promise<void> {
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

/** Flushes a closed file's data (a sealed batch) to the device; best effort, like syncDir. */
export async function syncFile(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r+'); // r+: Windows only flushes handles open for writing
    await handle.datasync().finally(() => handle.close());
  } catch {
    // Sent and acknowledged already, or unreadable: nothing left to make durable.
  }
}

/** Move a file into an aside folder (bad/ or rejected/). Nothing is pruned here: see sweepAside. */
export async function moveAside(from: string, asideDir: string, newName: string): Promise<void> {
  await rename(from, join(asideDir, newName));
}

const DAY_MS = 86_400_000;

/**
 * Aside files hold customer events, so they follow the event log's retention (logs.retentionDays,
 * as src/main/logs/log-files.ts sweepRetention does for log files): a file last modified more
 * than `retentionDays` ago is deleted. Returns how many were deleted, so the caller can say so.
 */
export async function sweepAside(asideDir: string, retentionDays: number, now = Date.now()): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  let names: string[];
  try {
    names = await readdir(asideDir);
  } catch {
    return 0;
  }
  let deleted = 0;
  for (const name of names) {
    try {
      // lstat: a symlink is judged (and removed) by itself, never by what it points to.
      const stats = await lstat(join(asideDir, name));
      if (!stats.isFile() && !stats.isSymbolicLink()) continue;
      if (stats.mtimeMs >= cutoff) continue;
      await unlink(join(asideDir, name));
      deleted++;
    } catch {
      // Gone already, or not ours to delete: retried at the next sweep.
    }
  }
  return deleted;
}

/** Counters that must survive restarts: lost events are reported, not forgotten. */
export interface QueueCounters {
  /** Events dropped because the queue was full or could not be written. */
  dropped: number;
  /** Unreadable batch files moved to bad/. */
  bad: number;
  /** Events the server refused for their content (400/413/422), each set aside in rejected/. */
  rejected: number;
  /** Files deleted from bad/ and rejected/ by the retention sweep. */
  expired: number;
}

export async function readCounters(dir: string): Promise<{ counters: QueueCounters; damaged: boolean }> {
  const zero: QueueCounters = { dropped: 0, bad: 0, rejected: 0, expired: 0 };
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch {
    return { counters: zero, damaged: false }; // First run.
  }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const count = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0);
    return {
      counters: { dropped: count(parsed.dropped), bad: count(parsed.bad), rejected: count(parsed.rejected), expired: count(parsed.expired) },
      damaged: false,
    };
  } catch {
    // Written atomically, so this means outside damage: start the counters again rather than fail.
    return { counters: zero, damaged: true };
  }
}

export function writeCounters(dir: string, counters: QueueCounters): Promise<void> {
  return writeFileAtomic(join(dir, STATE_FILE), JSON.stringify(counters));
}
