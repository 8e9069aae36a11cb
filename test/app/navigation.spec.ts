/**
 * Scenario 5: a vendor view stays on its vendor. A web link in a new window goes to the OS
 * browser; the sign-in popup of the profile's identity provider opens in the app, in the
 * profile's session, with its opener; leaving for a foreign site is blocked (the page is never
 * fetched).
 */
import { test, expect } from './harness/fixtures';
import { toAppUrl } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import type { Frame, Page } from '@playwright/test';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

for (const mode of ['direct', 'framed'] as const) {
  test(`${mode} view: a foreign navigation is blocked, a web link opens in the OS browser, the sign-in popup opens in-app with its opener`, async ({ launch }) => {
    const userData = test.info().outputPath('user-data');
    writeSettings(userData, {
      profiles: [
        {
          id: 'sales',
          name: 'Sales phone',
          vendor: 'ringcentral-embeddable',
          url: `${site.origin.softphone}/`,
          allowedOrigins: [site.origin.softphone],
          authHosts: ['login.vendor.test'],
          mode,
        },
      ],
    });
    const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
    const view: Page = mode === 'direct' ? await app.page(`${site.origin.softphone}/`) : await app.page('app://host/profile/sales');
    const client: Page | Frame = mode === 'direct' ? view : await app.frame(view, `${site.origin.softphone}/`);
    await expect(client.getByRole('heading', { name: 'Vendor softphone' })).toBeVisible();

    await client.getByRole('link', { name: 'Help' }).click();
    await expect.poll(async () => (await app.state()).opened).toContainEqual({ kind: 'external', target: 'https://help.vendor.test/guide' });
    expect((await app.state()).windows, 'no window of its own for the help link').toHaveLength(1);

    await client.getByRole('button', { name: 'Sign in' }).click();
    const popup = await app.page(`${site.origin.login}/authorize`);
    await expect(popup.locator('#opener')).toHaveText('opener: present');
    const state = await app.state();
    const popupContents = state.contents.find((c) => c.url.startsWith(`${site.origin.login}/authorize`))!;
    expect(popupContents.partition).toBe('persist:profile-sales');
    expect(popupContents.preload, 'the identity provider gets none of our code').toBe(false);
    expect(state.windows).toHaveLength(2);
    expect(site.requests.filter((r) => r.host === 'help.vendor.test'), 'the help page was left to the OS browser').toEqual([]);

    await client.getByRole('button', { name: 'Leave for elsewhere' }).click();
    // Give a navigation that was let through time to commit, then check it never happened.
    await view.waitForTimeout(1000);
    expect(site.requests.filter((r) => r.host === 'elsewhere.test'), 'the foreign page was never fetched').toEqual([]);
    if (mode === 'direct') {
      // The guard cancels the navigation before it starts: the vendor client stays as it was.
      await expect(client.getByRole('heading', { name: 'Vendor softphone' })).toBeVisible();
    } else {
      // The host page's CSP (frame-src: the vendor origin only) refuses the frame's navigation
      // before any guard runs; the host page itself stays this profile's.
      expect(toAppUrl(view.url())).toBe('app://host/profile/sales');
    }
  });
}
