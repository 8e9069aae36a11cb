/**
 * The diagnostics log follows the redaction setting for numbers, in the assembled app: with
 * `logs.redaction: numbers`, a tel: link handed over by a second launch is handled (and logged by
 * the dial wiring and the command path), and neither the diagnostics file nor main's stdout holds
 * the number in clear, only its last 4 digits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import { shellPage } from './harness/views';
import { writeSettings } from './harness/settings-file';

test('with redaction "numbers", the diagnostics log and stdout mask a dialed number', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, { logs: { dir: null, retentionDays: 30, maxFileMb: 20, redaction: 'numbers' } });
  const first = await launch({ userData });
  await shellPage(first);

  const second = await launch({ userData, args: ['tel:+1-650-555-0123'], waitReady: false });
  expect(await second.waitForExit()).toBe(0);
  // The link reached the first instance and was logged (with the number's last 4 digits).
  await expect.poll(() => first.diag().filter((line) => JSON.stringify(line).includes('0123')).length).toBeGreaterThan(0);

  await first.call('clickTrayItem', { path: ['Quit Switchboard'] });
  expect(await first.waitForExit()).toBe(0);

  const dir = join(userData, 'logs');
  const text = readdirSync(dir)
    .filter((name) => /^diagnostics\.\d{4}-\d{2}-\d{2}\.\d+\.jsonl$/.test(name))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
  const inClear = /650\D{0,3}555|6505550123/;
  expect(text).toContain('0123');
  expect(text).not.toMatch(inClear);
  expect(first.diag().map((line) => JSON.stringify(line)).join('\n')).not.toMatch(inClear);
});
