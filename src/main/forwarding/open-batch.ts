/**
 * The batch being filled: one file, one event per line, each line written with a synchronous
 * write(2) before the forwarder's enqueue() returns. That is the event log's durability
 * (src/main/logs/rolling-sink.ts): a killed process loses nothing handed over, because the
 * kernel's page cache outlives the process; the disk queue fdatasyncs the file every 250 ms for
 * power loss. Sealing closes the file and renames it to a sealed batch name (same id, same seq),
 * so a batch is never copied and never exists twice.
 */
import { closeSync, ftruncateSync, openSync, renameSync, writeSync } from 'node:fs';
import { readFile, readdir, rename, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { newOpenBatch, parseBatchName, parseOpenName, sealedName, STATE_FILE, TMP_SUFFIX, type BatchFile, type OpenBatchFile } from './queue-files';

export class OpenBatch {
  count = 0;
  private bytes = 0;
  private fd: number;

  private constructor(
    private readonly dir: string,
    readonly file: OpenBatchFile,
  ) {
    // 'wx': a fresh file, never someone else's (the name carries a random id).
    this.fd = openSync(join(dir, file.name), 'wx');
  }

  static create(dir: string, seq: number): OpenBatch {
    return new OpenBatch(dir, newOpenBatch(seq));
  }

  /** The descriptor, for the periodic fdatasync; -1 once sealed. */
  get descriptor(): number {
    return this.fd;
  }

  /** One complete line, or a throw with the file cut back to its last complete line. */
  writeLine(line: string): void {
    const data = Buffer.from(line.endsWith('\n') ? line : `${line}\n`, 'utf8');
    try {
      let done = 0;
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
    } catch (err) {
      try {
        ftruncateSync(this.fd, this.bytes); // A short write (disk full) must not leave half a line.
      } catch {
        // The read side still rejects a torn file as a whole (moved to bad/, counted).
      }
      throw err;
    }
    this.bytes += data.length;
    this.count++;
  }

  /** Closes the file and renames it to its sealed name; the batch is then sendable. */
  seal(): BatchFile {
    const sealed = sealedName(this.file, this.count);
    closeSync(this.fd);
    this.fd = -1;
    renameSync(join(this.dir, this.file.name), join(this.dir, sealed.name));
    return sealed;
  }
}

/**
 * An open batch left by a process that died: cut a torn last line (a kill inside write(2), or a
 * power cut), then seal it under its own id and seq. Returns null when it held no complete line.
 */
export async function recoverOpenBatch(dir: string, file: OpenBatchFile): Promise<{ sealed: BatchFile | null; tornBytes: number }> {
  const path = join(dir, file.name);
  const bytes = await readFile(path);
  const keep = bytes.lastIndexOf(0x0a) + 1;
  const tornBytes = bytes.length - keep;
  if (tornBytes > 0) await truncate(path, keep);
  let count = 0;
  for (let i = 0; i < keep; i++) if (bytes[i] === 0x0a) count++;
  if (count === 0) {
    await unlink(path);
    return { sealed: null, tornBytes };
  }
  const sealed = sealedName(file, count);
  await rename(path, join(dir, sealed.name));
  return { sealed, tornBytes };
}

/**
 * What the queue finds at open: torn temp files (a crash mid atomic write) are discarded, open
 * batches a dead process left are recovered and sealed, sealed batches are indexed; anything
 * else is returned as foreign, for bad/.
 */
export async function scanQueueDir(dir: string, log: (message: string, data?: unknown) => void): Promise<{ sealed: BatchFile[]; foreign: Array<{ name: string; why: string }> }> {
  const sealed: BatchFile[] = [];
  const foreign: Array<{ name: string; why: string }> = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name === STATE_FILE || name === 'bad' || name === 'rejected') continue;
    if (name.endsWith(TMP_SUFFIX)) {
      await unlink(join(dir, name)).catch(() => undefined);
      continue;
    }
    const batch = parseBatchName(name);
    const unsealed = batch ? null : parseOpenName(name);
    if (batch) sealed.push(batch);
    else if (!unsealed) foreign.push({ name, why: 'not a batch file name' });
    else {
      try {
        const recovered = await recoverOpenBatch(dir, unsealed);
        if (recovered.tornBytes > 0) log('cut a torn last line from a batch left open by a crash', { file: name, droppedBytes: recovered.tornBytes });
        if (recovered.sealed) sealed.push(recovered.sealed);
      } catch (err) {
        foreign.push({ name, why: String(err) });
      }
    }
  }
  return { sealed, foreign };
}
