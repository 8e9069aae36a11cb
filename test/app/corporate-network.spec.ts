/**
 * Forwarding on a managed workstation: the machine is set to use a proxy and the endpoint is
 * reachable only through it (its name resolves nowhere else), with its certificate issued by an
 * internal CA IT installed in the OS certificate store. Chromium's network stack (`ses.fetch`,
 * the model's net-fetch.ts) follows both; Node's fetch follows neither. An agent's events arrive
 * through the proxy and Settings → Forwarding → "Test connection" says it works; an
 * authenticating proxy that Switchboard cannot sign in to is named as such in the status and
 * the test, and the events wait until IT lets the machine through.
 */
import { test, expect } from './harness/fixtures';
import type { AppProcess, LaunchOptions } from './harness/app-process';
import { INGEST_HOST, startCorporateNetwork, type CorporateNetwork } from './harness/corporate-network';
import { writeSettings } from './harness/settings-file';
import { demoPhone, shellPage, openForwardingStatus } from './harness/views';

let network: CorporateNetwork;

test.beforeEach(async () => {
  network = await startCorporateNetwork();
});

test.afterEach(async () => {
  await network.close();
});

/**
 * Starts Switchboard forwarding to the corporate endpoint, on a machine IT set up before it
 * booted: the system proxy and the internal CA in the OS store (system-network.ts).
 */
async function launchOnCorporateMachine(launch: (o?: Partial<LaunchOptions>) => Promise<AppProcess>): Promise<AppProcess> {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, { forwarding: { endpoint: network.endpoint, batchSize: 1, timeoutMs: 5000 } });
  const app = await launch({ userData, env: { ELECTRON_MODEL_SYSTEM_PROXY: network.proxyUrl, ELECTRON_MODEL_TRUSTED_CERTS: network.certificateFile } });
  expect((await app.state()).network).toEqual({ proxy: network.proxyUrl, trustedCertificates: 1 });
  return app;
}

async function ringAndDecline(app: AppProcess): Promise<void> {
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await expect(shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Demo softphone, Ringing/ })).toBeVisible();
  await phone.getByRole('button', { name: 'Decline' }).click();
}

test('behind the system proxy: events reach the endpoint through it, and Test connection says it works', async ({ launch }) => {
  const app = await launchOnCorporateMachine(launch);
  await ringAndDecline(app);

  const shell = await shellPage(app);
  const row = await openForwardingStatus(shell);
  await expect(row('Last error')).toHaveText('none', { timeout: 20_000 });
  await expect(row('State')).toHaveText('Up to date', { timeout: 20_000 });
  await expect(row('Waiting to be sent')).toHaveText('0 events');
  const batches = network.ingested.filter((r) => r.body.includes('"events"'));
  expect(batches.length, 'batches the endpoint received').toBeGreaterThan(0);
  expect(new Set(batches.map((r) => r.key)).size).toBe(batches.length);

  // IT checks the endpoint from Settings, as the agent's machine sees it.
  const section = shell.getByRole('region', { name: 'Forwarding' });
  await expect(shell.getByRole('textbox', { name: 'Forwarding endpoint' })).toHaveValue(network.endpoint);
  await section.getByRole('button', { name: 'Test connection' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Connection works' })).toHaveText(/Connection works \(HTTP 200\): the endpoint accepted the test/);
  expect(network.ingested.at(-1)?.body).toBe('{"source":"switchboard","test":true}');

  // Every request went through the proxy: one tunnel per connection, all to the endpoint.
  expect(network.tunnels.length).toBeGreaterThan(0);
  expect(new Set(network.tunnels)).toEqual(new Set([`${INGEST_HOST}:443`]));
  expect(app.diag().filter((l) => l.message.startsWith('forwarding: status: failing')), 'no failure on the way').toEqual([]);
});

test('an authenticating proxy Switchboard cannot sign in to: the status and Test connection say the proxy asked for credentials; events wait and go once IT lets the machine through', async ({ launch }) => {
  network.requireAuth = true;
  const app = await launchOnCorporateMachine(launch);
  await ringAndDecline(app);

  const shell = await shellPage(app);
  const row = await openForwardingStatus(shell);
  await expect(row('State')).toHaveText('Retrying after a failure');
  await expect(row('Last error')).toContainText('HTTP 407: the proxy asked for credentials');
  await expect(row('Waiting to be sent')).not.toHaveText('0 events');
  expect(network.ingested).toEqual([]);
  expect(network.tunnels.length).toBeGreaterThan(0);

  // Answered at once, not left waiting for a sign-in prompt nobody shows.
  const section = shell.getByRole('region', { name: 'Forwarding' });
  const started = Date.now();
  await section.getByRole('button', { name: 'Test connection' }).click();
  await expect(section.getByRole('alert')).toContainText('Connection failed (HTTP 407)');
  await expect(section.getByRole('alert')).toContainText('the proxy asked for credentials');
  expect(Date.now() - started, 'well within the 5 s timeout').toBeLessThan(4000);
  const failing = app.diag().find((l) => l.message === 'forwarding: status: failing');
  expect(JSON.stringify(failing?.data)).toContain('the proxy asked for credentials');

  network.requireAuth = false;
  await expect(row('State')).toHaveText('Up to date', { timeout: 30_000 });
  await expect(row('Waiting to be sent')).toHaveText('0 events');
  expect(network.ingested.some((r) => r.body.includes('"events"'))).toBe(true);
});
