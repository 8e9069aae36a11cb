/**
 * Characters that some line-based readers treat as line ends (U+2028, U+2029, U+0085 NEL) and the
 * other C1 controls (U+0080–U+009F) are legal raw inside JSON strings, so JSON.stringify leaves
 * them raw. Written raw, a reader that splits on them (Python's str.splitlines, editors, log
 * shippers) cuts one record in two. The event log, the diagnostics log and the replay CLI write
 * them as \uXXXX escapes: the bytes never hold them raw, and JSON.parse gives the same value back.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiagnosticsLog } from '../../../src/main/logs/diagnostics-log';
import { createEventLog } from '../../../src/main/logs/event-log';
import { numberedEvent, readFamily, tempDir } from './log-fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
/** Every character the escaping covers, between letters. */
const HOSTILE = `a\u2028b\u2029c\u0085d${Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join('')}e`;
/** What a splitlines()-style reader counts as a line end (Python's str.splitlines set; CRLF is two). */
const LINE_ENDS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029].map((code) => String.fromCharCode(code)));
const RAW = /[\u0080-\u009f\u2028\u2029]/;

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

function records(text: string): string[] {
  const lines = [''];
  for (const char of text) {
    if (LINE_ENDS.has(char)) lines.push('');
    else lines[lines.length - 1] += char;
  }
  return lines.filter((line) => line !== '');
}

describe('line-breaking characters', () => {
  it('the event log escapes them: one record per line for any line reader, same value back', async () => {
    const { dir, remove } = tempDir('line-breaks');
    cleanups.push(remove);
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    const event = { ...numberedEvent(0), text: HOSTILE, raw: { [HOSTILE]: HOSTILE } };
    log.event(event);
    log.rejection({ at: 1, profile: 'rc', reason: HOSTILE, count: 1 });
    log.event(numberedEvent(1));
    await log.close();

    const { text, lines } = await readFamily(dir);
    expect(RAW.test(text)).toBe(false);
    expect(records(text)).toHaveLength(3);
    expect(lines[0]).toMatchObject({ text: HOSTILE, raw: { [HOSTILE]: HOSTILE } });
    expect(lines[1]).toMatchObject({ reason: HOSTILE });
  });

  it('the diagnostics log escapes them', async () => {
    const { dir, remove } = tempDir('line-breaks');
    cleanups.push(remove);
    const log = await createDiagnosticsLog({ dir });
    log.info('app', HOSTILE, { detail: HOSTILE });
    log.info('app', 'next');
    await log.close();

    const { text, lines } = await readFamily(dir, 'diagnostics');
    expect(RAW.test(text)).toBe(false);
    expect(records(text)).toHaveLength(2);
    expect(lines[0]).toMatchObject({ msg: HOSTILE, data: { detail: HOSTILE } });
  });

  it('the replay CLI escapes them in its output', async () => {
    const { dir, remove } = tempDir('line-breaks');
    cleanups.push(remove);
    const input = join(dir, 'capture.jsonl');
    const call = { id: 'c1', direction: 'Inbound', fromUserName: HOSTILE, fromNumber: '+15550100123' };
    writeFileSync(
      input,
      [
        JSON.stringify({ vendor: 'demo', origin: 'app://demo', data: { type: 'rc-call-ring-notify', call }, at: 1_700_000_000_000 }),
        JSON.stringify({ vendor: 'demo', origin: `app://demo${HOSTILE}`, data: {}, at: 1_700_000_000_001 }),
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', input], { cwd: ROOT });
    expect(readFileSync(input, 'utf8')).toMatch(RAW); // the input did hold them raw
    expect(RAW.test(stdout)).toBe(false);
    const out = records(stdout).map((line) => JSON.parse(line) as { line: number; accepted: boolean; events?: Array<{ party?: { name?: string } }> });
    expect(out.map((o) => o.line)).toEqual([1, 2]);
    expect(out[0]?.events?.[0]?.party?.name).toBe(HOSTILE);
  });
});
