/**
 * Crash safety: a child process writing through the real logger is SIGKILLed mid-stream. Every
 * complete line must be intact, numbered from 0 with no gap, covering at least everything a
 * resolved flush() promised; the torn tail (if the kill landed inside a write) is cut at the next
 * start, and appending continues on a line boundary.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import { listLogFiles, repairLogFile } from '../../../src/main/logs/log-files';
import { ShellEventSchema } from '../../../src/shared/contract/shell-event';
import { numberedEvent, readFamily, tempDir } from './log-fixtures';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

/** Runs the writer until it has flushed `flushes` times, then SIGKILLs it after `delayMs`. */
async function writeAndKill(dir: string, flushes: number, delayMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let flushed = 0;
  let seen = 0;
  let pending = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^flushed (\d+)$/.exec(line);
        if (match && ++seen >= flushes) resolve();
        if (match) flushed = Number(match[1]);
      }
    });
    void exited.then(() => reject(new Error(`writer exited early: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return flushed;
}

describe('event log after SIGKILL', () => {
  it.each([0, 3, 7])('writer killed %i ms after a flush: nothing earlier lost, tail repaired, appending resumes', async (delayMs) => {
    const { dir, remove } = tempDir('crash');
    cleanups.push(remove);
    const flushed = await writeAndKill(dir, 3, delayMs);

    const [file, ...more] = await listLogFiles(dir, 'events');
    expect(file).toBeDefined();
    expect(more).toHaveLength(0);
    const bytes = readFileSync(file!.path);
    const boundary = bytes.lastIndexOf(0x0a) + 1;
    const complete = bytes.subarray(0, boundary).toString('utf8').split('\n').slice(0, -1);
    const tornBytes = bytes.length - boundary;
    // Every complete line parses, is a valid event line, and the numbering has no gap from 0.
    complete.forEach((line, n) => {
      const { type, ...event } = JSON.parse(line) as Record<string, unknown>;
      expect(type).toBe('event');
      expect(event.id).toBe(`n${n}`);
    });
    const { type: _type, ...last } = JSON.parse(complete.at(-1)!) as Record<string, unknown>;
    expect(ShellEventSchema.parse(last)).toEqual(numberedEvent(complete.length - 1));
    if (process.env.LOG_CRASH_DEBUG) console.log(delayMs, { lines: complete.length, flushed, tornBytes });
    expect(complete.length).toBeGreaterThanOrEqual(flushed);

    // A kill rarely lands inside write(2) (a torn line needs it mid-page-copy): when this one did
    // not, leave the tail such a kill leaves, so the repair at the next start is exercised always.
    const tear = `{"type":"event","id":"n${complete.length}","at":17`;
    if (tornBytes === 0) appendFileSync(file!.path, tear);

    // The next start repairs the newest file before appending to it.
    const log = await createEventLog({ dir, maxFileMb: 1024, retentionDays: 30, redaction: 'off' });
    expect(log.repairs).toEqual([{ file: file!.path, droppedBytes: tornBytes || Buffer.byteLength(tear) }]);
    for (let n = complete.length; n < complete.length + 50; n++) log.event(numberedEvent(n));
    await log.close();

    const after = await readFamily(dir);
    expect(after.text.endsWith('\n')).toBe(true);
    expect(after.lines.map((line) => line.id)).toEqual(Array.from({ length: complete.length + 50 }, (_, n) => `n${n}`));
  });
});

describe('repairLogFile', () => {
  it('cuts a partial last line back to the last newline', async () => {
    const { dir, remove } = tempDir('repair');
    cleanups.push(remove);
    const file = join(dir, 'events.2025-01-01.1.jsonl');
    writeFileSync(file, '{"a":1}\n{"b":2}\n{"c":');
    expect(await repairLogFile(file)).toEqual({ repaired: true, droppedBytes: 5 });
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
    expect(await repairLogFile(file)).toEqual({ repaired: false, droppedBytes: 0 });
  });

  it('finds the last newline beyond its read chunk, and empties a file with no newline', async () => {
    const { dir, remove } = tempDir('repair');
    cleanups.push(remove);
    const file = join(dir, 'events.2025-01-01.1.jsonl');
    writeFileSync(file, '{"a":1}\n');
    appendFileSync(file, 'x'.repeat(200_000)); // a torn line longer than one 64 KB tail read
    expect(await repairLogFile(file)).toEqual({ repaired: true, droppedBytes: 200_000 });
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    writeFileSync(file, '{"torn"');
    expect(await repairLogFile(file)).toEqual({ repaired: true, droppedBytes: 7 });
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('leaves empty, complete and missing files alone', async () => {
    const { dir, remove } = tempDir('repair');
    cleanups.push(remove);
    const file = join(dir, 'events.2025-01-01.1.jsonl');
    writeFileSync(file, '');
    expect(await repairLogFile(file)).toEqual({ repaired: false, droppedBytes: 0 });
    expect(await repairLogFile(join(dir, 'missing.jsonl'))).toEqual({ repaired: false, droppedBytes: 0 });
  });
});
