/**
 * The services' status in Settings: the forwarder (state, last error, next attempt, what waits,
 * what was lost or set aside) and the event log's unwritten lines. main's real services produce
 * it (test/support/shell-main.ts openServices → src/main/app/services.ts): a real forwarder posting
 * to a local endpoint that answers 401 and then recovers, and an event log whose directory is a
 * file, so it cannot write (the settings' folder is a file, so main falls back to <userData>/logs,
 * which is a file too).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { morning, WORKDAY_SETTINGS, workday } from './data';
import { expect, test } from './fixtures';

test('Settings shows the forwarder retrying a 401 and the event log losing lines, then the recovery', async ({ openShell, page }) => {
  const work = mkdtempSync(join(tmpdir(), 'sb-status-'));
  let status = 401;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"token expired"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest?token=s3cret`;
  const notADir = join(work, 'logs-is-a-file');
  writeFileSync(notADir, '');
  writeFileSync(join(work, 'logs'), '');
  const main = workday({ ...WORKDAY_SETTINGS, logs: { dir: notADir }, forwarding: { endpoint, timeoutMs: 2000 } });
  const services = await main.openServices(work);
  try {
    morning(main); // Captures reach the event log and the forwarder from here on.
    const forwarder = services.forwarder!;
    await forwarder.flush();
    const before = forwarder.status();
    expect(before).toMatchObject({ state: 'backing-off', lastError: expect.stringContaining('HTTP 401') });
    expect(before.queuedEvents).toBeGreaterThan(0);
    expect(services.eventLog.dropped).toBeGreaterThan(0);

    const ui = await openShell(main);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const forwarding = page.locator('.service-status').filter({ hasText: 'Forwarding status' });
    const row = (term: string) => forwarding.locator(`dt:text-is("${term}") + dd`);
    await expect(row('State')).toHaveText('Retrying after a failure');
    await expect(row('Last error')).toContainText('HTTP 401');
    await expect(row('Next attempt')).not.toHaveText('—');
    await expect(row('Waiting to be sent')).toHaveText(`${before.queuedEvents} events`);
    await expect(row('Dropped (queue full or not writable)')).toHaveText('0 events');
    await expect(row('Refused by the endpoint, kept aside')).toHaveText('0 events');
    await expect(row('Endpoint')).toHaveText(endpoint.replace('?token=s3cret', ''));
    await expect(forwarding).not.toContainText('s3cret');
    await forwarding.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('service-status.png'), fullPage: true });
    const eventLog = page.locator('.service-status').filter({ hasText: 'Event log status' });
    await expect(eventLog.locator('dt:text-is("Lines not written since start") + dd')).toHaveText(String(services.eventLog.dropped));
    await expect(eventLog.locator('dt:text-is("Problem") + dd')).toContainText(join(work, 'logs'));

    // The token is rotated on the server side: the same batches go through, nothing was set aside.
    status = 200;
    await expect.poll(() => forwarder.status().queuedEvents, { timeout: 10_000 }).toBe(0);
    await ui.update();
    await expect(row('State')).toHaveText('Up to date');
    await expect(row('Last error')).toHaveText('none');
    await expect(row('Delivered since start')).toHaveText(`${before.queuedEvents} events`);
    await expect(row('Refused by the endpoint, kept aside')).toHaveText('0 events');
  } finally {
    await services.close();
    await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
    rmSync(work, { recursive: true, force: true });
  }
});
