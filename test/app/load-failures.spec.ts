/**
 * A vendor client that cannot load (its server drops the connection, as when the VPN is not up
 * yet at login): the rail says so and keeps saying so while our error page is up, and "Try again"
 * loads what the profile's mode loads — in direct mode the vendor page itself, top-level.
 */
import { test, expect } from './harness/fixtures';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { shellPage } from './harness/views';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

test('direct view: a failed load shows as failed in the rail (not healthy), and Try again loads the vendor page itself', async ({ launch }) => {
  site.flakyUp = false;
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'desk', name: 'Desk phone', vendor: 'ringcentral-embeddable', url: 'https://flaky.vendor.test/', allowedOrigins: ['https://flaky.vendor.test'], mode: 'direct' }],
  });
  const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const shell = await shellPage(app);
  const errorPage = await app.page('app://host/error/desk');
  await expect(errorPage.getByRole('link', { name: 'Try again' })).toBeVisible();
  const rail = shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Desk phone/ });
  await expect(rail).toHaveAttribute('data-health', 'failed');
  // The error page has finished loading by now; the rail must still say failed.
  await errorPage.waitForTimeout(1_000);
  await expect(rail).toHaveAttribute('data-health', 'failed');

  site.flakyUp = true;
  await errorPage.getByRole('link', { name: 'Try again' }).click();
  const vendor = await app.page('https://flaky.vendor.test/');
  await expect(vendor.getByRole('heading', { name: 'Flaky softphone' })).toBeVisible();
  await expect(rail).toHaveAttribute('data-health', 'ok');
  const contents = (await app.state()).contents.filter((c) => c.partition === 'persist:profile-desk').map((c) => c.url);
  expect(contents, 'the vendor page, top-level, not the framed host page').toEqual(['https://flaky.vendor.test/']);
  expect(app.diag().map((l) => l.message)).toContain('desk: reload');
});

test('direct view: a vendor unreachable at start (the VPN is not up yet) loads by itself once the network is back', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'vpn', name: 'Softphone', vendor: 'ringcentral-embeddable', url: 'https://down.vendor.test/', allowedOrigins: ['https://down.vendor.test'], mode: 'direct' }],
  });
  const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const shell = await shellPage(app);
  const rail = shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Softphone/ });
  await expect(rail).toHaveAttribute('data-health', 'recovering');
  await expect(rail).toContainText('network unreachable');
  await app.page('app://host/error/vpn');

  await site.bringUp();
  // No click: the backoff (2 s, 5 s, 10 s …) tries again by itself.
  const vendor = await app.page('https://down.vendor.test/');
  await expect(vendor.getByRole('heading', { name: 'Softphone behind the VPN' })).toBeVisible({ timeout: 20_000 });
  await expect(rail).toHaveAttribute('data-health', 'ok');
  expect(app.diag().map((l) => l.message)).toContain('vpn: network-retry');
});

test('direct view: when the machine gets its link back, the view waiting for the network tries at once instead of at the end of its backoff', async ({ launch }) => {
  const own = await startVendorSite(); // down.vendor.test down, whatever the other tests did
  try {
    const userData = test.info().outputPath('user-data');
    writeSettings(userData, {
      profiles: [{ id: 'vpn', name: 'Softphone', vendor: 'ringcentral-embeddable', url: 'https://down.vendor.test/', allowedOrigins: ['https://down.vendor.test'], mode: 'direct' }],
    });
    const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(own.chromiumArgs), ELECTRON_MODEL_OFFLINE: '1' } });
    const shell = await shellPage(app);
    const rail = shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Softphone/ });
    // The backoff grows (2 s, 5 s, then 10 s): wait for the third failure, which waits 10 s.
    await expect(rail).toContainText('trying again in 10 s', { timeout: 30_000 });

    const back = Date.now();
    await own.bringUp();
    await app.call('setOnline', { online: true });
    const vendor = await app.page('https://down.vendor.test/');
    await expect(vendor.getByRole('heading', { name: 'Softphone behind the VPN' })).toBeVisible();
    expect(Date.now() - back, 'loaded well before the 10 s backoff ran out').toBeLessThan(7_000);
    await expect(rail).toHaveAttribute('data-health', 'ok');
    expect(app.diag().map((l) => l.message)).toContain('the network is back: views waiting for it try again now');
  } finally {
    await own.close();
  }
});
