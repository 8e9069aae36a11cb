/**
 * A durable, ordered, bounded on-disk queue of event batches for the forwarder.
 *
 *   <dir>/o-<seq>-<id>.jsonl          the open batch: one event per line, each written before
 *                                     write() returns (open-batch.ts), fdatasync'ed every 250 ms
 *   <dir>/b-<seq>-<count>-<id>.jsonl  sealed batches, sent oldest first
 *   <dir>/state.json                  dropped / bad / rejected / expired counters (survive restarts)
 *   <dir>/bad/                        files that could not be read as a batch
 *   <dir>/rejected/                   single events a server refused for their content
 *
 * An event is queued once write() returns, never later: nothing waits in memory. bad/ and
 * rejected/ hold customer events, so they follow the log retention (sweepAside), never a count.
 * Async operations run one at a time (a promise chain); write() and seal() are synchronous, so
 * the in-memory index always matches the directory. Nothing here throws on bad data: corrupt
 * files are moved aside and counted.
 */
import { fdatasync, fdatasyncSync, unlinkSync } from 'node:fs';
import { access, mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { OpenBatch, scanQueueDir } from './open-batch';
import { parseBatch } from './parse-batch';
import {
  moveAside,
  readCounters,
  sweepAside,
  syncDir,
  syncFile,
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
  /** Sealed and open. */
  queuedEvents: number;
  queuedBatches: number;
}

export interface DiskQueue {
  readonly dir: string;
  /** Writes one event to the open batch before returning; false when it could not (counted in dropped). */
  write(event: ShellEvent): boolean;
  /** Events in the open batch (not yet sendable). */
  openCount(): number;
  /** Makes the open batch sendable; resolves once it is flushed to the device. */
  seal(): Promise<void>;
  /** write() each event, then seal(): one batch. */
  append(events: ShellEvent[]): Promise<void>;
  /** The oldest readable sealed batch, or null. Corrupt files met on the way are moved to bad/. */
  peek(): Promise<Batch | null>;
  /** Delivered: forget it. Unknown ids (already dropped) are ignored. */
  ack(batchId: string): Promise<void>;
  /** One event the server refused for its content: kept in rejected/ (once, however often asked), counted. */
  setAside(batch: Batch, index: number, status: number, reason: string): Promise<void>;
  /** Deletes bad/ and rejected/ files past the retention; also runs at open and hourly. */
  sweep(): Promise<void>;
  /** Seals, stops the timers, waits for pending work. */
  close(): Promise<void>;
  /**
   * Seals the open batch (fdatasync'ed, closed, renamed) and stops the timers before returning;
   * work already queued on the promise chain is left (the next start finds every batch on disk).
   * For the end of a Windows session, when nothing asynchronous gets to run (app/session-end.ts).
   */
  closeNow(): void;
  stats(): DiskQueueStats;
}

export interface DiskQueueOptions {
  /** At most this many events on disk; beyond it the oldest batches go (counted in `dropped`). */
  maxEvents: number;
  /** logs.retentionDays: how long bad/ and rejected/ keep files. Default 30. */
  retentionDays?: number;
  syncIntervalMs?: number;
  log?: (message: string, data?: unknown) => void;
  now?: () => number;
}

const HOUR_MS = 3_600_000;

export async function openDiskQueue(dir: string, opts: DiskQueueOptions): Promise<DiskQueue> {
  const maxEvents = Math.max(1, Math.floor(opts.maxEvents));
  const retentionDays = opts.retentionDays ?? 30;
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? Date.now;
  const badDir = join(dir, 'bad');
  const rejectedDir = join(dir, 'rejected');
  await mkdir(badDir, { recursive: true });
  await mkdir(rejectedDir, { recursive: true });

  const { counters, damaged } = await readCounters(dir);
  if (damaged) log('state.json was unreadable; counters restart at zero');
  /** Sealed batches, oldest first. */
  const index: BatchFile[] = [];
  let open: OpenBatch | null = null;
  let sealedEvents = 0;
  /** The last batch handed out by peek(), so a retry does not re-read the file. */
  let cached: Batch | null = null;
  let writeProblem: string | null = null;
  let dirty = false;
  let closed = false;
  const queued = (): number => sealedEvents + (open?.count ?? 0);

  async function markBad(name: string, why: string): Promise<void> {
    counters.bad += 1;
    log('unreadable batch moved to bad/', { file: name, why });
    await moveAside(join(dir, name), badDir, `${String(now()).padStart(15, '0')}-${name}`).catch(() => unlink(join(dir, name)).catch(() => undefined));
  }

  function forget(file: BatchFile): void {
    const at = index.indexOf(file);
    if (at < 0) return;
    index.splice(at, 1);
    sealedEvents -= file.count;
    if (cached?.id === file.id) cached = null;
  }

  let chain: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  }
  const persist = (): Promise<void> =>
    exclusive(() => writeCounters(dir, counters)).catch((err: unknown) => log('could not save counters', { error: String(err) }));

  const scan = await scanQueueDir(dir, log);
  index.push(...scan.sealed);
  for (const { name, why } of scan.foreign) await markBad(name, why);
  const changed = scan.foreign.length > 0;
  index.sort((a, b) => a.seq - b.seq);
  sealedEvents = index.reduce((sum, f) => sum + f.count, 0);
  let nextSeq = (index.at(-1)?.seq ?? 0) + 1;
  if (index.length > 0) await syncDir(dir);
  // maxEvents may have been lowered in settings since the last run.
  if (dropOldestUntil(maxEvents) > 0 || changed) await persist();

  /** Drops whole sealed batches, oldest first, until at most `limit` events remain. */
  function dropOldestUntil(limit: number): number {
    let dropped = 0;
    while (queued() > limit && index.length > 0) {
      const oldest = index[0] as BatchFile;
      forget(oldest);
      dropped += oldest.count;
      try {
        unlinkSync(join(dir, oldest.name));
      } catch {
        // Already gone.
      }
    }
    counters.dropped += dropped;
    if (dropped > 0) log('forwarding queue full: dropped the oldest events', { dropped, total: counters.dropped });
    return dropped;
  }

  function seal(): Promise<void> {
    if (!open) return Promise.resolve();
    const batch = open;
    open = null;
    let sealed: BatchFile;
    try {
      sealed = batch.seal();
    } catch (err) {
      // Could not close or rename (disk gone): the file stays open-named and is recovered at the next start.
      log('could not seal a batch; it is recovered at the next start', { file: batch.file.name, error: String(err) });
      return Promise.resolve();
    }
    index.push(sealed);
    sealedEvents += sealed.count;
    const path = join(dir, sealed.name);
    return exclusive(async () => {
      await syncFile(path);
      await syncDir(dir);
    });
  }

  const syncTimer = setInterval(() => {
    const fd = open?.descriptor ?? -1;
    if (!dirty || fd < 0) return;
    dirty = false;
    fdatasync(fd, () => undefined); // EBADF after a seal in between is harmless.
  }, opts.syncIntervalMs ?? 250);
  syncTimer.unref();

  function sweep(): Promise<void> {
    return exclusive(async () => {
      const deleted = (await sweepAside(badDir, retentionDays, now())) + (await sweepAside(rejectedDir, retentionDays, now()));
      if (deleted === 0) return;
      counters.expired += deleted;
      log('deleted set-aside files past the log retention', { deleted, retentionDays, totalExpired: counters.expired });
      await writeCounters(dir, counters).catch(() => undefined);
    });
  }
  const sweepTimer = setInterval(() => void sweep(), HOUR_MS);
  sweepTimer.unref();
  await sweep();

  async function readBatch(file: BatchFile): Promise<Batch | null> {
    let text: string;
    try {
      text = await readFile(join(dir, file.name), 'utf8');
    } catch (err) {
      // Gone from under us (dropped, deleted by hand): forget it; anything else is a bad file.
      forget(file);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        await markBad(file.name, String(err));
        await writeCounters(dir, counters).catch(() => undefined);
      }
      return null;
    }
    const batch = parseBatch(text, file);
    if (typeof batch === 'string') {
      forget(file);
      await markBad(file.name, batch);
      await writeCounters(dir, counters).catch(() => undefined);
      return null;
    }
    return batch;
  }

  const queue: DiskQueue = {
    dir,
    write(event) {
      if (closed) return false;
      if (queued() >= maxEvents) {
        // The open batch alone at the bound (batchSize ≥ maxEvents): seal it so it can go too.
        if (index.length === 0) void seal();
        if (dropOldestUntil(maxEvents - 1) > 0) void persist();
      }
      try {
        open ??= OpenBatch.create(dir, nextSeq++);
        open.writeLine(JSON.stringify(event));
        dirty = true;
        if (writeProblem !== null) log('forwarding queue writable again', { after: writeProblem });
        writeProblem = null;
        return true;
      } catch (err) {
        counters.dropped += 1;
        if (writeProblem === null) log('could not write an event to the forwarding queue; counting losses', { error: String(err) });
        writeProblem = String(err);
        if (open && open.count > 0) void seal(); // What is on disk stays sendable; the next event starts a new file.
        else open = null;
        void persist();
        return false;
      }
    },
    openCount: () => open?.count ?? 0,
    seal,
    async append(events) {
      for (const e of events) queue.write(e);
      await seal();
    },
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
    setAside: (batch, at, status, reason) =>
      exclusive(async () => {
        const path = join(rejectedDir, `${batch.id}-${at}.http-${status}.json`);
        // Split keys are deterministic, so after a restart the same event can be refused again.
        if (await access(path).then(() => true, () => false)) return;
        await writeFileAtomic(path, JSON.stringify({ batchId: batch.id, index: at, status, reason, at: now(), event: batch.events[at] }));
        counters.rejected += 1;
        await writeCounters(dir, counters).catch(() => undefined);
      }),
    sweep,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(syncTimer);
      clearInterval(sweepTimer);
      await seal();
      await chain;
    },
    closeNow() {
      if (closed) return;
      closed = true;
      clearInterval(syncTimer);
      clearInterval(sweepTimer);
      const fd = open?.descriptor ?? -1;
      if (fd >= 0) {
        try {
          fdatasyncSync(fd);
        } catch {
          // The lines are in the page cache; sealing below still makes them a sendable batch.
        }
      }
      void seal(); // Synchronous up to its directory sync, which is best effort (queue-files.ts).
    },
    stats: () => ({ queuedEvents: queued(), queuedBatches: index.length, ...counters }),
  };
  return queue;
}
