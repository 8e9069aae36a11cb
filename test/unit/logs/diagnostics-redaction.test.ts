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

    // The real dial wiring: the softphone is not ready, so the call is queued and that is logged.
    const dialer = createDialer({
      profiles: () => [softphone],
      preferred: () => 'rc',
      focus: () => {},
      command: () => ({ ok: false, reason: 'not ready' }),
      tell: () => {},
    });
    dialer.link('tel:+1-900-555-0199');
    // What start-app's command path writes for every command (see its `command` function).
    diag('app', 'dial sent to rc', { profile: 'rc', command: { type: 'dial', number: '+19005550199' } });
    log.setRedaction('off');
    diag('app', 'call to +1 900 555 0199 after the setting changed');
    await log.close();

    const { text, lines } = await readFamily(dir, 'diagnostics');
    const redacted = text.split('\n').slice(0, 2).join('\n');
    expect(lines).toHaveLength(3);
    expect(redacted).toContain('0199');
    expect(redacted).not.toMatch(/900.?555|9005550199/);
    expect(lines[0]?.msg).toMatch(/call to •••• 0199 queued until Sales US is ready/);
    expect(lines[1]?.data).toEqual({ profile: 'rc', command: { type: 'dial', number: '•••• 0199' } });
    expect(lines[2]?.msg).toBe('call to +1 900 555 0199 after the setting changed');
    const printed = stdout.mock.calls.map((call) => String(call[0])).slice(0, 2).join('');
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
