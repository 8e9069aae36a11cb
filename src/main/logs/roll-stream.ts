/**
 * Opening one pino-roll stream for a log family, after the start-up housekeeping pino-roll does not
 * do: the day-based retention sweep and the repair of torn last lines (log-files.ts). pino-roll is
 * used as a direct in-process stream (`await pinoRoll(...)` is a SonicBoom), not through a
 * pino.transport worker: no worker thread, and what the app hands over is written by this thread.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pinoRoll, { type RollStream } from 'pino-roll';
import { listLogFiles, repairLogFile, sweepRetention } from './log-files';

export interface RollStreamOptions {
  dir: string;
  family: string;
  maxFileBytes: number;
  retentionDays: number;
  sync: boolean;
  /** SonicBoom's maxLength: bytes that may wait for the disk before lines are dropped. */
  maxBufferBytes: number;
}

export interface RepairRecord {
  file: string;
  droppedBytes: number;
}

/** Resolves with an open stream, or rejects with why the directory or file cannot be used. */
export async function openRollStream(options: RollStreamOptions): Promise<{ stream: RollStream; repairs: RepairRecord[] }> {
  const { dir, family } = options;
  await mkdir(dir, { recursive: true });
  await sweepRetention(dir, family, options.retentionDays);
  // Every file of the family, not only the newest: a one-byte check each, and it also fixes a file
  // whose repair failed at an earlier start. Only the file being written at a crash can be torn.
  const repairs: RepairRecord[] = [];
  for (const file of await listLogFiles(dir, family)) {
    const result = await repairLogFile(file.path).catch(() => null);
    if (result?.repaired) repairs.push({ file: file.path, droppedBytes: result.droppedBytes });
  }
  const stream = await pinoRoll({
    // '<dir>/<family>.<yyyy-MM-dd>.<N>.jsonl'; pino-roll takes the extension from this name.
    file: join(dir, `${family}.jsonl`),
    size: options.maxFileBytes / (1024 * 1024), // numbers are MB to pino-roll, fractions included
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    mkdir: true,
    sync: options.sync,
    maxLength: options.maxBufferBytes,
  });
  // From here on the stream always has an 'error' listener: an 'error' emitted without one (from
  // pino-roll's rotation timer, say) would be thrown and crash the main process.
  stream.on('error', () => {});
  const failure = await opened(stream);
  if (failure !== null) {
    // Never opened: tell pino-roll it is closed so its daily timer stops (at midnight it would
    // otherwise try to reopen a stream that has no file).
    stream.emit('close');
    throw failure;
  }
  return { stream, repairs };
}

function opened(s: RollStream): Promise<unknown> {
  if (s.fd >= 0) return Promise.resolve(null); // sync mode opens in the constructor (or throws)
  return new Promise((resolve) => {
    const onReady = () => (s.off('error', onError), resolve(null));
    const onError = (err: unknown) => (s.off('ready', onReady), resolve(err ?? new Error('open failed')));
    s.once('ready', onReady);
    s.once('error', onError);
  });
}
