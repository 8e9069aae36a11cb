/**
 * One JSONL file family under a directory: `<dir>/<family>.YYYY-MM-DD.N.jsonl` (log-files.ts),
 * rotated by size and by local day, swept by age, with what the app needs around it: durability,
 * whole lines only, bounded memory, and a log that keeps the app running when its disk does not.
 *
 * Writing, chosen deliberately (the event log of an agent's workstation; bench/log-append.ts):
 *   - Each line is written with writeSync before event() returns, so any crash of the app
 *     (exception, native crash, kill, OOM) loses nothing handed over. One write(2) to the page
 *     cache per line on the main thread, a few µs: nothing at contact-center rates, and in a flood
 *     it throttles the producer instead of queueing.
 *   - A line is never split across files and never left half-written: a write that fails part-way
 *     (ENOSPC once the disk fills) is cut back to where the line began (ftruncate) and the whole
 *     line waits; rotation happens only between lines. (SonicBoom, which pino-roll builds on,
 *     keeps the unwritten rest of a partial write and writes it into the next file after a
 *     rotation, splitting the line, so this writer replaces both.) Should the cut itself fail,
 *     the file is left for the next start's repair and writing moves on to a new file.
 *   - Lines that cannot be written wait in order, up to `maxBufferBytes` (8 MB), and are retried
 *     with every new line, every `retryMs` (60 s), and on flush and close. Beyond the cap, and at
 *     quit (close or 'exit'), what still waits is counted as dropped. The count is kept on disk
 *     (drop-counter.ts) and written into the log itself as the family's "dropped" line as soon as
 *     a line can be written again, in this run or a later one.
 *   - The newest file cannot be opened or written for reasons of its own (EACCES, EPERM: another
 *     user's file; ELOOP or not the app's own: a link, own-files.ts): the log rolls to the next
 *     number of the day and goes on.
 *   - Power loss: fdatasync every `syncIntervalMs` (250 ms) while there are new bytes, off the main
 *     thread, and on the old file at each rotation: a power cut loses the last ~250 ms at most.
 *     flush() resolves once everything handed over is written AND fdatasync'ed (or counted).
 *
 * Problems (read-only directory, ENOSPC, a path that is a file) are reported once per episode
 * through `onProblem` and `problem`. A directory that cannot be opened is retried every `retryMs`;
 * lines handed over meanwhile are counted as dropped. Nothing here throws into callers.
 */
import { close as closeFd, closeSync, fdatasync, fdatasyncSync, ftruncateSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { escapeLineBreakers } from '../../shared/core/json-line';
import { openDropCounter, type DropCounter } from './drop-counter';
import { listLogFiles, repairLogFile, sweepRetention } from './log-files';
import { isFileSpecific, localDay, openDayFile, type DayFile } from './day-files';

export interface RollingSinkOptions {
  dir: string;
  /** File family: `<family>.YYYY-MM-DD.N.jsonl`. */
  family: string;
  maxFileMb: number;
  /** Rotation size in bytes, overriding maxFileMb (tests use a few KB). */
  maxFileBytes?: number;
  retentionDays: number;
  /** The family's line saying `count` lines could not be written (JSON, ending in '\n'). */
  droppedLine: (count: number) => string;
  onProblem?: (message: string) => void;
  retryMs?: number;
  syncIntervalMs?: number;
  maxBufferBytes?: number;
}

export interface RepairRecord {
  file: string;
  droppedBytes: number;
}

export interface RollingSink {
  /** pino's destination: one complete JSON line per write (escaped here, json-line.ts). */
  readonly destination: { write(line: string): void };
  /** The file being written ('' before the first successful open). */
  file(): string;
  readonly problem: string | null;
  /** Lines of this run that could not be written. */
  readonly dropped: number;
  /** Torn last lines repaired before opening (crash recovery), for the diagnostics log. */
  readonly repairs: readonly RepairRecord[];
  flush(): Promise<void>;
  close(): Promise<void>;
  /**
   * close() without waiting: every waiting line is written (or counted), fdatasync'ed and the file
   * closed before this returns. For the end of a Windows session, when the process is terminated
   * as soon as the 'session-end' listeners return (src/main/app/session-end.ts).
   */
  closeNow(): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const datasync = (fd: number) => new Promise<void>((resolve) => fdatasync(fd, () => resolve()));

export async function openRollingSink(options: RollingSinkOptions): Promise<RollingSink> {
  const { dir, family, retentionDays } = options;
  const maxBytes = options.maxFileBytes ?? options.maxFileMb * 1024 * 1024;
  const maxBuffer = options.maxBufferBytes ?? 8 * 1024 * 1024;
  let file: DayFile | null = null;
  /** The file last written, still named after close(). */
  let lastPath = '';
  let counter: DropCounter | null = null;
  let problem: string | null = null;
  let dropped = 0;
  /** Dropped lines (of this run and earlier ones) not yet recorded by a "dropped" line. */
  let unrecorded = 0;
  const waiting: Buffer[] = [];
  let waitingBytes = 0;
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

  const drop = (lines: number) => {
    if (lines === 0) return;
    dropped += lines;
    unrecorded += lines;
    counter?.store(unrecorded);
  };

  const openFrom = (day: string, from: number, now: Date) => openDayFile({ dir, family, maxBytes }, day, from, now);

  /** Moves to the next file (a new day, size reached, or the current file unwritable). */
  function rotate(): boolean {
    const old = file;
    if (old === null) return false;
    const now = new Date();
    const day = localDay(now);
    let next: DayFile;
    try {
      next = openFrom(day, day === old.day ? old.number + 1 : 1, now);
    } catch (err) {
      report(`cannot start a new ${family} log file in ${dir}: ${message(err)}`);
      return false; // keep writing the old file (over size, or a day late) rather than lose lines
    }
    file = next;
    lastPath = next.path;
    // The old file's bytes reach the disk, then it is closed; off the main thread.
    fdatasync(old.fd, () => closeFd(old.fd, () => {}));
    void sweepRetention(dir, family, retentionDays, { keep: next.path }).catch(() => {});
    return true;
  }

  /** Writes one whole line or nothing of it. */
  function writeWhole(line: Buffer, retried = false): boolean {
    if (file === null) return false;
    if (file.torn || file.size >= maxBytes || Date.now() >= file.dayEnds) rotate();
    const target = file;
    if (target.torn) return false; // no new file could be opened: never append behind a torn line
    const start = target.size;
    let written = 0;
    try {
      while (written < line.length) {
        const n = writeSync(target.fd, line, written, line.length - written);
        if (n <= 0) throw Object.assign(new Error('write wrote nothing'), { code: 'EIO' });
        written += n;
      }
      target.size += written;
      dirty = true;
      return true;
    } catch (err) {
      if (written > 0) {
        try {
          ftruncateSync(target.fd, start);
        } catch {
          target.torn = true; // the next start's repair cuts it; nothing is appended behind it
          target.size = start + written;
        }
      }
      report(`cannot write ${target.path}: ${message(err)}`);
      if (!retried && (isFileSpecific(err) || target.torn) && rotate()) return writeWhole(line, true);
      return false;
    }
  }

  /** Writes what waits, oldest first, after the "dropped" line if one is owed. */
  function drain(): void {
    if (file === null) return;
    if (unrecorded > 0) {
      if (!writeWhole(Buffer.from(options.droppedLine(unrecorded)))) return;
      unrecorded = 0;
      counter?.store(0);
    }
    while (waiting.length > 0) {
      const line = waiting[0]!;
      if (!writeWhole(line)) return;
      waiting.shift();
      waitingBytes -= line.length;
    }
    problem = null;
  }

  async function openToday(): Promise<void> {
    try {
      await mkdir(dir, { recursive: true });
      await sweepRetention(dir, family, retentionDays);
      // Every own file of the family, not only the newest: a one-byte check each, and it also fixes
      // a file whose repair failed at an earlier start. Only files written at a crash can be torn.
      const files = await listLogFiles(dir, family);
      for (const own of files) {
        const result = await repairLogFile(own.path).catch(() => null);
        if (result?.repaired) repairs.push({ file: own.path, droppedBytes: result.droppedBytes });
      }
      if (closed) return;
      const now = new Date();
      const day = localDay(now);
      const newest = files.filter((f) => f.day === day).reduce((max, f) => Math.max(max, f.number), 1);
      if (counter === null) {
        counter = openDropCounter(dir, family);
        unrecorded += counter.carried;
      }
      file = openFrom(day, newest, now);
      lastPath = file.path;
      problem = null;
      drain();
    } catch (err) {
      report(`cannot open the ${family} log in ${dir}: ${message(err)}`);
    }
  }

  const retry = setInterval(() => {
    if (closed) return;
    if (file === null) opening ??= openToday().finally(() => (opening = null));
    else if (waiting.length > 0 || unrecorded > 0) drain();
  }, options.retryMs ?? 60_000);
  retry.unref();

  const syncTimer = setInterval(() => {
    if (!dirty || file === null) return;
    dirty = false;
    fdatasync(file.fd, () => {}); // EBADF during a rotation, EINVAL on odd files: harmless
  }, options.syncIntervalMs ?? 250);
  syncTimer.unref();

  /** Quitting: what still waits is lost, and counted (on disk too, for the next start). */
  const giveUpWaiting = () => {
    drop(waiting.length);
    waiting.length = 0;
    waitingBytes = 0;
  };

  const onExit = () => {
    // 'exit' (process.exit, normal end) when close() was not awaited: last try, then count.
    drain();
    giveUpWaiting();
    if (file === null) return;
    try {
      fdatasyncSync(file.fd);
    } catch {
      // Exiting anyway.
    }
  };
  process.on('exit', onExit);

  const destination = {
    write(line: string): void {
      if (closed || file === null) return drop(1);
      // pino leaves U+2028, U+2029 and C1 controls raw; a line reader must never split a record.
      const bytes = Buffer.from(escapeLineBreakers(line), 'utf8');
      if (waitingBytes + bytes.length > maxBuffer) return drop(1);
      waiting.push(bytes);
      waitingBytes += bytes.length;
      drain();
    },
  };

  async function flush(): Promise<void> {
    drain();
    const current = file;
    if (current !== null) await datasync(current.fd);
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    clearInterval(retry);
    clearInterval(syncTimer);
    process.off('exit', onExit);
    await opening;
    drain();
    giveUpWaiting();
    counter?.close();
    const last = file;
    file = null;
    if (last === null) return;
    // The quit path never hangs on a dead disk: 5 s for the last fdatasync, then closed anyway.
    await Promise.race([datasync(last.fd), new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
    try {
      closeSync(last.fd);
    } catch {
      // Closed anyway.
    }
  }

  function closeNow(): void {
    if (closed) return;
    closed = true;
    clearInterval(retry);
    clearInterval(syncTimer);
    process.off('exit', onExit);
    // A first open still under way cannot finish now: what was handed over meanwhile is counted.
    drain();
    giveUpWaiting();
    counter?.close();
    const last = file;
    file = null;
    if (last === null) return;
    for (const end of [fdatasyncSync, closeSync]) {
      try {
        end(last.fd);
      } catch {
        // A dead disk: the lines were written to the page cache already; nothing more to do.
      }
    }
  }

  // Through `opening`, so a retry tick during this first (slow) open does not start a second one.
  opening = openToday().finally(() => (opening = null));
  await opening;
  return {
    destination,
    file: () => file?.path ?? lastPath,
    get problem() {
      return problem;
    },
    get dropped() {
      return dropped;
    },
    repairs,
    flush,
    close,
    closeNow,
  };
}
