/**
 * A durable, ordered, bounded on-disk queue of event batches for the forwarder (DESIGN.md §1).
 *
 *   <dir>/b-<seq>-<count>-<id>.json   one batch each, written atomically (queue-files.ts)
 *   <dir>/state.json                  dropped / bad / rejected counters (survive restarts)
 *   <dir>/bad/                        files that could not be read as a batch
 *   <dir>/rejected/                   batches the server refused for good (4xx), status in the name
 *
 * Every operation runs one at a time (a promise chain), so the in-memory index always matches the
 * directory. Nothing here throws on bad data: corrupt files are moved aside and counted.
 */
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShellEvent } from '../../shared/contract/shell-event';
import {
  moveAside,
  newBatchFile,
  parseBatchName,
  readCounters,
  STATE_FILE,
  TMP_SUFFIX,
  writeCounters,
  writeFileAtomic,
  type BatchFile,
  type QueueCounters,
} from './queue-files';

export interface Batch {
  /** Stable for the batch's whole life on disk: the HTTP Idempotency-Key. */
  id: string;
  seq: number;
  events: ShellEvent[];
}

export interface DiskQueueStats extends QueueCounters {
  queuedEvents: number;
  queuedBatches: number;
}

export interface DiskQueue {
  readonly dir: string;
  /** Stores the events as one batch (after the oldest batches are dropped if it would not fit). */
  append(events: ShellEvent[]): Promise<void>;
  /** The oldest readable batch, or null when empty. Corrupt files met on the way are moved to bad/. */
  peek(): Promise<Batch | null>;
  /** Delivered: forget it. Unknown ids (already dropped) are ignored. */
  ack(batchId: string): Promise<void>;
  /** Refused for good by the server: moved to rejected/ with the status in its name, and counted. */
  reject(batchId: string, status: number): Promise<void>;
  stats(): DiskQueueStats;
}

export interface DiskQueueOptions {
  /** At most this many events on disk; beyond it the oldest batches go (counted in `dropped`). */
  maxEvents: number;
  log?: (message: string, data?: unknown) => void;
}

export async function openDiskQueue(dir: string, opts: DiskQueueOptions): Promise<DiskQueue> {
  const maxEvents = Math.max(1, Math.floor(opts.maxEvents));
  const log = opts.log ?? (() => undefined);
  const badDir = join(dir, 'bad');
  const rejectedDir = join(dir, 'rejected');
  await mkdir(badDir, { recursive: true });
  await mkdir(rejectedDir, { recursive: true });

  const { counters, damaged } = await readCounters(dir);
  if (damaged) log('forwarding queue: state.json was unreadable; counters restart at zero');
  /** Oldest first. */
  const index: BatchFile[] = [];
  let queuedEvents = 0;
  /** The last batch handed out by peek(), so a retry does not re-read the file. */
  let cached: Batch | null = null;

  // Aside names start with the time they were set aside (fixed width), so pruning keeps the newest
  // even after sequence numbers restart in an emptied queue.
  const asideName = (name: string): string => `${String(Date.now()).padStart(15, '0')}-${name}`;

  async function markBad(name: string, why: string): Promise<void> {
    counters.bad += 1;
    log('forwarding queue: unreadable batch moved to bad/', { file: name, why });
    await moveAside(join(dir, name), badDir, asideName(name)).catch(() => unlink(join(dir, name)).catch(() => undefined));
  }

  function forget(file: BatchFile): void {
    const at = index.indexOf(file);
    if (at >= 0) index.splice(at, 1);
    queuedEvents -= file.count;
    if (cached?.id === file.id) cached = null;
  }

  // Open: discard torn temp files (a crash mid-write), index batch files, set aside anything else.
  let counted = false;
  for (const name of await readdir(dir)) {
    if (name === STATE_FILE || name === 'bad' || name === 'rejected') continue;
    if (name.endsWith(TMP_SUFFIX)) {
      await unlink(join(dir, name)).catch(() => undefined);
      continue;
    }
    const file = parseBatchName(name);
    if (file) index.push(file);
    else {
      await markBad(name, 'not a batch file name');
      counted = true;
    }
  }
  index.sort((a, b) => a.seq - b.seq);
  queuedEvents = index.reduce((sum, f) => sum + f.count, 0);
  let nextSeq = (index.at(-1)?.seq ?? 0) + 1;
  // maxEvents may have been lowered in settings since the last run.
  if ((await dropOldestUntil(maxEvents)) > 0 || counted) await persist();

  /** Drops whole batches, oldest first, until at most `limit` events remain; returns events dropped. */
  async function dropOldestUntil(limit: number): Promise<number> {
    let dropped = 0;
    while (queuedEvents > limit && index.length > 0) {
      const oldest = index[0] as BatchFile;
      forget(oldest);
      dropped += oldest.count;
      await unlink(join(dir, oldest.name)).catch(() => undefined);
    }
    counters.dropped += dropped;
    if (dropped > 0) log('forwarding queue full: dropped the oldest events', { dropped, total: counters.dropped });
    return dropped;
  }

  function persist(): Promise<void> {
    return writeCounters(dir, counters).catch((err: unknown) => log('forwarding queue: could not save counters', { error: String(err) }));
  }

  let chain: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  }

  async function readBatch(file: BatchFile): Promise<Batch | null> {
    let text: string;
    try {
      text = await readFile(join(dir, file.name), 'utf8');
    } catch (err) {
      // Gone from under us (deleted by hand): forget it; anything else is a bad file.
      forget(file);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') await markBad(file.name, String(err)).then(persist);
      return null;
    }
    const batch = parseBatch(text, file);
    if (typeof batch === 'string') {
      forget(file);
      await markBad(file.name, batch);
      await persist();
      return null;
    }
    return batch;
  }

  return {
    dir,
    append: (events) =>
      exclusive(async () => {
        if (events.length === 0) return;
        // A single batch larger than the whole bound keeps only its newest events.
        const keep = events.length > maxEvents ? events.slice(events.length - maxEvents) : events;
        counters.dropped += events.length - keep.length;
        const overflow = events.length - keep.length + (await dropOldestUntil(maxEvents - keep.length));
        try {
          const file = newBatchFile(nextSeq, keep.length);
          await writeFileAtomic(join(dir, file.name), JSON.stringify({ id: file.id, seq: file.seq, events: keep }));
          nextSeq += 1;
          index.push(file);
          queuedEvents += file.count;
        } finally {
          if (overflow > 0) await persist();
        }
      }),
    peek: () =>
      exclusive(async () => {
        for (let head = index[0]; head; head = index[0]) {
          if (cached?.id === head.id) return cached;
          const batch = await readBatch(head);
          if (batch) return (cached = batch);
        }
        return null;
      }),
    ack: (batchId) =>
      exclusive(async () => {
        const file = index.find((f) => f.id === batchId);
        if (!file) return;
        forget(file);
        await unlink(join(dir, file.name)).catch(() => undefined);
      }),
    reject: (batchId, status) =>
      exclusive(async () => {
        const file = index.find((f) => f.id === batchId);
        if (!file) return;
        forget(file);
        counters.rejected += 1;
        await moveAside(join(dir, file.name), rejectedDir, asideName(file.name.replace(/\.json$/, `.http-${status}.json`))).catch(() => undefined);
        await persist();
      }),
    stats: () => ({ queuedEvents, queuedBatches: index.length, ...counters }),
  };
}

/** Structural check only: strict ShellEvent validation could turn a batch whose redacted text grew
 * past a field limit into data loss, and the server validates what it receives anyway. */
function parseBatch(text: string, file: BatchFile): Batch | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { id, seq, events } = value as Record<string, unknown>;
  if (id !== file.id || seq !== file.seq) return 'id/seq do not match the file name';
  if (!Array.isArray(events) || events.length !== file.count) return 'event count does not match the file name';
  if (!events.every((e) => typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string')) return 'malformed event';
  return { id, seq, events: events as ShellEvent[] };
}
