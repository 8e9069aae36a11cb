/**
 * One JSONL file family under a directory, written through pino-roll (rotation by size AND by
 * day; opened by roll-stream.ts after crash repair and a retention sweep), with what the app needs
 * around it: durability, a retention sweep at each rotation, bounded memory, and a log that keeps
 * the app running when its directory is unusable.
 *
 * Durability, chosen deliberately (the event log of an agent's workstation) and measured
 * (bench/log-append.ts):
 *   - SonicBoom sync (the default): each line is written with writeSync before event() returns.
 *     Any crash of the app (exception, native crash, kill, OOM) then loses nothing handed over,
 *     stronger than "nothing before the last flush()"; there is no queue, so memory stays flat
 *     and nothing is dropped in a flood. The cost is one write(2) to the page cache per line on
 *     the main thread, ~5 µs with serialization (bench: ~170k lines/s): nothing at contact-center
 *     rates (a few events a second), and in a flood it throttles the producer instead of queueing.
 *   - Why not async: with minLength 0 SonicBoom issues at most one ≤16 KB write per event-loop
 *     turn, so a flood delivering more than ~40 lines per turn outruns it; the queue reaches its
 *     cap and lines are dropped (the bench shows it). minLength > 0 only keeps lines in memory
 *     longer (lost on a crash) to save syscalls. `sync: false` stays available for a directory
 *     where a blocking write is worse than a lost tail (a stalling network share): in-order writes
 *     off the main thread, a killed process losing the in-flight write, the last few ms.
 *   - Power loss: the page cache reaches disk only after 5-30 s, so fdatasync runs every 250 ms
 *     while there are new bytes (off the main thread; and on the old file at each rotation): a
 *     power cut loses the last ~250 ms at most.
 *   - flush() resolves once everything handed over is written AND fdatasync'ed.
 *   - 'exit' (process.exit, normal end): flushSync, which writes anything queued and fsyncs —
 *     skipped while an async write is in flight (writing behind it could reorder lines) and in a
 *     problem state (SonicBoom retries a failing flushSync forever, which would hang the exit).
 *     The quit path should still `await close()`; 'exit' is the last resort.
 *   - Memory: unwritable bytes wait up to `maxBufferBytes` (8 MB); beyond that lines are dropped
 *     and counted, never queued without bound.
 *
 * Problems (read-only directory, ENOSPC, a path that is a file) are reported once per episode
 * through `onProblem` and `problem`; lines that cannot be written are counted in `dropped`.
 * A directory that cannot be opened is retried every `retryMs` (60 s); a stream whose writes fail
 * keeps its unwritten bytes (up to the cap) and retries them with every new line, every `retryMs`
 * and at the next rotation. Nothing here throws into callers.
 */
import { fdatasync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { RollStream } from 'pino-roll';
import { escapeLineBreakers } from '../../shared/core/json-line';
import { sweepRetention } from './log-files';
import { openRollStream, type RepairRecord } from './roll-stream';

export interface RollingSinkOptions {
  dir: string;
  /** File family: `<family>.YYYY-MM-DD.N.jsonl`. */
  family: string;
  maxFileMb: number;
  /** Rotation size in bytes, overriding maxFileMb (tests use a few KB). */
  maxFileBytes?: number;
  retentionDays: number;
  sync?: boolean;
  onProblem?: (message: string) => void;
  retryMs?: number;
  syncIntervalMs?: number;
  maxBufferBytes?: number;
}

export interface RollingSink {
  /** pino's destination: one complete JSON line per write (escaped here, json-line.ts). */
  readonly destination: { write(line: string): void };
  /** The file being written ('' before the first successful open). */
  file(): string;
  readonly problem: string | null;
  readonly dropped: number;
  /** Torn last lines repaired before opening (crash recovery), for the diagnostics log. */
  readonly repairs: readonly RepairRecord[];
  flush(): Promise<void>;
  close(): Promise<void>;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const datasync = (fd: number) => new Promise<void>((resolve) => fdatasync(fd, () => resolve()));
/** SonicBoom's private in-flight flag (its version is pinned by the lockfile); see 'exit' above. */
const writeInFlight = (s: RollStream) => (s as unknown as { _writing?: unknown })._writing === true;
/** An empty write makes SonicBoom retry the bytes a failed write left behind (and, async, drain). */
const nudge = (s: RollStream) => {
  try {
    s.write('');
  } catch {
    // Destroyed: nothing to retry.
  }
};

export async function openRollingSink(options: RollingSinkOptions): Promise<RollingSink> {
  const { dir, family, retentionDays } = options;
  const sync = options.sync ?? true;
  let stream: RollStream | null = null;
  let current: string | null = null;
  let problem: string | null = null;
  let dropped = 0;
  let dirty = false;
  let closed = false;
  let opening: Promise<void> | null = null;
  const repairs: RepairRecord[] = [];

  const report = (text: string) => {
    if (problem !== null) return;
    problem = text;
    try {
      options.onProblem?.(text);
    } catch {
      // A failing observer must not break logging.
    }
  };

  function watch(s: RollStream): void {
    s.on('error', (err: unknown) => {
      if (s === stream) report(`cannot write ${s.file ?? dir}: ${message(err)}`);
    });
    s.on('write', () => {
      dirty = true;
      if (s === stream) problem = null;
    });
    s.on('drop', () => void dropped++);
    s.on('ready', () => {
      if (s !== stream || s.file === current) return; // first open, or a reopen of the same file
      const previous = current;
      current = s.file;
      void afterRotation(previous);
    });
  }

  async function afterRotation(previous: string | null): Promise<void> {
    if (previous) {
      try {
        const handle = await open(previous, 'r+'); // r+: Windows only flushes handles open for writing
        await handle.datasync().finally(() => handle.close());
      } catch {
        // Gone already (retention) or unreadable: nothing left to make durable.
      }
    }
    await sweepRetention(dir, family, retentionDays, { keep: current });
  }

  async function openStream(): Promise<void> {
    try {
      const opened = await openRollStream({
        dir,
        family,
        maxFileBytes: options.maxFileBytes ?? options.maxFileMb * 1024 * 1024,
        retentionDays,
        sync,
        maxBufferBytes: options.maxBufferBytes ?? 8 * 1024 * 1024,
      });
      repairs.push(...opened.repairs);
      if (closed) return opened.stream.end();
      watch(opened.stream);
      stream = opened.stream;
      current = opened.stream.file;
      problem = null;
    } catch (err) {
      report(`cannot open the ${family} log in ${dir}: ${message(err)}`);
    }
  }

  const retry = setInterval(() => {
    if (closed) return;
    if (stream === null) opening ??= openStream().finally(() => (opening = null));
    else if (problem !== null) nudge(stream);
  }, options.retryMs ?? 60_000);
  retry.unref();

  const syncTimer = setInterval(() => {
    const s = stream;
    if (!dirty || s === null || s.fd < 0) return;
    dirty = false;
    fdatasync(s.fd, () => {}); // errors (EBADF during a rotation, EINVAL on odd files) are harmless
  }, options.syncIntervalMs ?? 250);
  syncTimer.unref();

  const onExit = () => {
    const s = stream;
    if (s === null || s.destroyed || s.fd < 0 || problem !== null || writeInFlight(s)) return;
    try {
      s.flushSync();
    } catch {
      // Exiting anyway.
    }
  };
  process.on('exit', onExit);

  const destination = {
    write(line: string): void {
      if (stream === null) return void dropped++;
      try {
        // pino leaves U+2028, U+2029 and C1 controls raw; a line reader must never split a record.
        stream.write(escapeLineBreakers(line));
      } catch {
        dropped++; // destroyed underneath us
      }
    },
  };

  async function flush(): Promise<void> {
    const s = stream;
    if (s === null || s.destroyed) return;
    if (sync) nudge(s);
    else {
      // SonicBoom.flush(cb) with minLength 0 calls back at once, even with a write in flight, so
      // wait for 'drain' (emitted when its queue is empty) after queueing an empty write.
      await new Promise<void>((resolve) => {
        const done = () => (s.off('drain', done), s.off('error', done), resolve());
        s.on('drain', done);
        s.on('error', done);
        if (s.destroyed) done();
        else nudge(s);
      });
    }
    if (s.fd >= 0) await datasync(s.fd);
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    clearInterval(retry);
    clearInterval(syncTimer);
    process.off('exit', onExit);
    await opening;
    const s = stream;
    if (s === null) return;
    if (problem === null) await flush();
    stream = null;
    await new Promise<void>((resolve) => {
      const cap = setTimeout(resolve, 5_000); // the quit path never hangs on a dead disk
      cap.unref();
      const done = () => (clearTimeout(cap), resolve());
      s.once('close', done);
      s.once('error', () => (s.destroy(), done()));
      try {
        // end() writes what is queued first; with failing writes it would wait forever.
        if (problem === null) s.end();
        else s.destroy();
      } catch {
        done();
      }
    });
  }

  await openStream();
  return {
    destination,
    file: () => current ?? '',
    get problem() {
      return problem;
    },
    get dropped() {
      return dropped;
    },
    repairs,
    flush,
    close,
  };
}
