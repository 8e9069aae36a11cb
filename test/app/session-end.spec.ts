/**
 * Windows logoff/shutdown: Electron emits 'session-end' on the window and the process is gone as
 * soon as the listeners return, with no 'before-quit' (model/session-end.ts). Everything captured
 * must be on disk by then: the event and diagnostics logs closed, the forwarder's open batch sealed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import { writeSettings } from './harness/settings-file';
import { demoPhone, shellPage } from './harness/views';

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

test('Windows session end: every event line is on disk and the forwarder batch still open is sealed before the process ends', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  // Nothing listens on port 9: batches wait on disk; batchSize 50 keeps the call's events in the open batch.
  writeSettings(userData, { forwarding: { endpoint: 'http://127.0.0.1:9/ingest', batchSize: 50, timeoutMs: 2000 } });
  const app = await launch({ userData, platform: 'win32' });
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await expect(shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Demo softphone, Ringing/ })).toBeVisible();

  // The forwarder seals a partial batch 1 s after its first event: end the session while it is open.
  const queueDir = join(userData, 'forwarding');
  const openBatch = () => readdirSync(queueDir).find((f) => f.startsWith('o-'));
  await expect.poll(openBatch, { intervals: [10], message: 'the ring is in the open batch' }).toBeTruthy();
  const open = openBatch()!;
  const id = open.replace(/^o-\d+-/, '').replace(/\.jsonl$/, '');
  await app.call('sessionEnd', { reasons: ['logoff'] }).catch(() => undefined);
  expect(await app.waitForExit()).toBe(0);

  const events = app.eventLog().filter((l) => l.type === 'event');
  expect(events.map((e) => e.kind)).toContain('interaction.offered');
  const files = readdirSync(queueDir);
  expect(files.filter((f) => f.startsWith('o-')), 'no batch is left open').toEqual([]);
  const sealed = files.find((f) => f.startsWith('b-') && f.endsWith(`-${id}.jsonl`));
  expect(sealed, `the open batch ${open} was sealed under its own id`).toBeTruthy();
  const forwarded = lines(join(queueDir, sealed!)).map((l) => (JSON.parse(l) as { id: string }).id);
  expect(forwarded.length).toBeGreaterThan(0);
  // Every forwarded event is also in the event log: nothing the forwarder has is missing on disk.
  for (const eventId of forwarded) expect(events.map((e) => e.id)).toContain(eventId);

  const logs = join(userData, 'logs');
  const diagnostics = readdirSync(logs)
    .filter((f) => f.startsWith('diagnostics.'))
    .flatMap((f) => lines(join(logs, f)));
  for (const line of diagnostics) expect(() => JSON.parse(line), 'every diagnostics line is whole').not.toThrow();
  expect(diagnostics.some((l) => l.includes('the Windows session is ending'))).toBe(true);
});
