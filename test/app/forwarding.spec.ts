/**
 * Forwarding in the assembled app: the forwarder's status in Settings while the endpoint fails and
 * after it recovers, and a redaction raised in Settings reaching events that were already queued
 * on disk before the change (the forwarder redacts again as it sends).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './harness/fixtures';
import { writeSettings } from './harness/settings-file';
import { demoPhone, shellPage, openForwardingStatus } from './harness/views';

interface Received {
  key: string;
  body: string;
}

test('a failing endpoint shows in Settings; raised redaction covers events queued before it; recovery delivers them', async ({ launch }) => {
  let status = 503;
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (status < 300) received.push({ key: String(req.headers['idempotency-key']), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"maintenance"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`;
    const userData = test.info().outputPath('user-data');
    writeSettings(userData, { logs: { redaction: 'off' }, forwarding: { endpoint, batchSize: 1, timeoutMs: 2000 } });
    const app = await launch({ userData });
    const shell = await shellPage(app);
    const { phone } = await demoPhone(app);
    await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
    await expect(shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Demo softphone, Ringing/ })).toBeVisible();
    await phone.getByRole('button', { name: 'Decline' }).click();

    const row = await openForwardingStatus(shell);
    await expect(row('State')).toHaveText('Retrying after a failure');
    await expect(row('Last error')).toContainText('HTTP 503');
    await expect(row('Waiting to be sent')).not.toHaveText('0 events');
    expect(received).toEqual([]);

    // Raised while the events wait on disk, queued unredacted ('off' was the setting then).
    await shell.getByRole('combobox', { name: 'Redaction' }).selectOption({ label: 'Full: only what happened, when and where' });
    await shell.getByRole('button', { name: 'Save settings' }).click();
    await expect(shell.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();

    status = 200;
    await expect(row('State')).toHaveText('Up to date', { timeout: 20_000 });
    await expect(row('Waiting to be sent')).toHaveText('0 events');
    await expect(row('Last error')).toHaveText('none');
    const sent = received.map((r) => r.body).join('\n');
    expect(sent).toContain('"events"');
    expect(sent, 'the caller named by the demo softphone').not.toMatch(/Jane|Doe/);
    expect(new Set(received.map((r) => r.key)).size).toBe(received.length);
  } finally {
    await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  }
});
