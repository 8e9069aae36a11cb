/**
 * The diagnostics log follows the event log's redaction setting for numbers: with `numbers` or
 * `full`, every phone-number-like run in a diagnostics line (its message and its data, as written
 * by the dial wiring and the command path) keeps only its last 4 digits, in the file and on stdout,
 * from the moment the setting changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDialer } from '../../../src/main/app/dial-wiring';
import { attachDiagnosticsLog, diag } from '../../../src/main/diagnostics';
import { createDiagnosticsLog } from '../../../src/main/logs/diagnostics-log';
import { ProfileSchema } from '../../../src/shared/contract/profile';
import type { PendingDial } from '../../../src/shared/links/dial-confirmation';
import { readFamily, tempDir } from './log-fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => {
  attachDiagnosticsLog(null);
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((remove) => remove());
});

const softphone = ProfileSchema.parse({
  id: 'rc',
  name: 'Sales US',
  vendor: 'ringcentral-embeddable',
  allowedOrigins: ['https://apps.ringcentral.com'],
});

describe('diagnostics log redaction', () => {
  it('masks the dialed number in what the dial wiring and the command path write', async () => {
    const { dir, remove } = tempDir('diagnostics-redaction');
    cleanups.push(remove);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = await createDiagnosticsLog({ dir, redaction: 'numbers' });
    attachDiagnosticsLog(log);

    // The real dial wiring, logging numbers in clear itself (redaction 'off'), so what is masked
    // here is masked by the diagnostics log: a link asks, the agent answers Call, the softphone is
    // not ready, so the call is queued.
    const questions: PendingDial[] = [];
    const dialer = createDialer({
      profiles: () => [softphone],
      preferred: () => 'rc',
      focus: () => {},
      command: () => ({ ok: false, reason: 'not ready' }),
      tell: () => {},
      ask: (q) => void (q && questions.push(q)),
      redaction: () => 'off',
    });
    dialer.link('tel:+1-900-555-0199', { kind: 'os' });
    dialer.answer(questions[0]!.id, 'call');
    // What start-app's command path writes for every command (see its `command` function).
    diag('app', 'dial sent to rc', { profile: 'rc', command: { type: 'dial', number: '+19005550199' } });
    log.setRedaction('off');
    diag('app', 'call to +1 900 555 0199 after the setting changed');
    await log.close();

    const { text, lines } = await readFamily(dir, 'diagnostics');
    const redacted = text.split('\n').slice(0, 4).join('\n');
    expect(lines.map((l) => l.msg)).toEqual(['link dial asked', 'link dial confirmed', 'call queued until Sales US is ready', 'dial sent to rc', 'call to +1 900 555 0199 after the setting changed']);
    expect(redacted).toContain('0199');
    expect(redacted).not.toMatch(/900.?555|9005550199/);
    expect(lines[0]?.data).toMatchObject({ profile: 'rc', number: '•••• 0199' });
    expect(lines[3]?.data).toEqual({ profile: 'rc', command: { type: 'dial', number: '•••• 0199' } });
    const printed = stdout.mock.calls.map((call) => String(call[0])).slice(0, 4).join('');
    expect(printed).toContain('0199');
    expect(printed).not.toMatch(/900.?555|9005550199/);
  });

  it('keeps timestamps, pid and categories readable under `full`', async () => {
    const { dir, remove } = tempDir('diagnostics-redaction');
    cleanups.push(remove);
    const log = await createDiagnosticsLog({ dir, redaction: 'full' });
    log.warn('app', 'command not run: no dialer for +44 20 7946 0958', { at: '2025-06-01T09:00:00.000Z' });
    await log.close();
    const { lines } = await readFamily(dir, 'diagnostics');
    expect(lines[0]).toMatchObject({ level: 'warn', category: 'app', pid: process.pid, msg: 'command not run: no dialer for •••• 0958' });
    expect(Number.isNaN(Date.parse(String(lines[0]?.time)))).toBe(false);
  });
});
