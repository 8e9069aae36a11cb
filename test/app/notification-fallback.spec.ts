/**
 * Issue 13 item 3, through the real main process: a ring is never silent.
 * - The OS refuses the call's toast (an unsigned macOS build, no notification daemon on Linux:
 *   the model's `toastFailure`) or has no notifications at all (`notificationSupport`): main
 *   logs it, brings the window forward without focusing it, selects the ringing profile and
 *   shows a banner naming the caller above the vendor view, until the ring ends.
 * - Linux draws no buttons on a toast: the call toast's body says what a click does.
 * - Windows: the AppUserModelID is set before 'ready', to electron-builder's appId.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { test, expect } from './harness/fixtures';
import type { AppProcess, ModelPlatform } from './harness/app-process';
import { ROOT } from './harness/paths';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { demoPhone, screenshot, shellPage, waitForToast } from './harness/views';
import { replayed } from '../support/vendor-traffic';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

const UNSIGNED = 'Notifications are not allowed for this application';
const RC = 'ringcentral-embeddable';

/** The demo first (selected at start), then a RingCentral widget on the vendor site. */
async function launchTwoProfiles(launch: (o?: object) => Promise<AppProcess>, platform: ModelPlatform) {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [
      { id: 'demo', name: 'Demo softphone', vendor: 'demo' },
      { id: 'sales', name: 'Sales line', vendor: RC, url: `${site.origin.softphone}/widget`, allowedOrigins: [site.origin.softphone], mode: 'direct' },
    ],
  });
  const app = await launch({ userData, platform, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const widget = await app.page(`${site.origin.softphone}/widget`);
  await expect(widget.getByRole('heading', { name: 'Vendor widget' })).toBeVisible();
  return { app, widget, shell: await shellPage(app) };
}

/** Posts what RingCentral's code posts, from the widget page itself. */
const post = (widget: Page, ...lines: number[]) => widget.evaluate((list) => (globalThis as unknown as { widgetPost(l: unknown[]): void }).widgetPost(list), lines.map((n) => replayed(RC, n).data));

const banner = (shell: Page) => shell.getByRole('region', { name: 'Incoming call' });
const shellWindow = async (app: AppProcess) => (await app.state()).windows[0]!;
/** The vendor views main shows, with the top of each. */
const shownViews = async (app: AppProcess) => (await shellWindow(app)).views.filter((v) => v.visible && v.bounds.x > 0).map((v) => ({ contents: v.contents, y: v.bounds.y }));

test('darwin, unsigned build: the call toast fails → logged; the hidden window comes forward unfocused on the ringing profile with a banner naming the caller; it goes when the call ends', async ({ launch }) => {
  const { app, widget, shell } = await launchTwoProfiles(launch, 'darwin');
  const salesView = await app.contentsOf(widget);
  await app.call('toastFailure', { error: UNSIGNED });
  // The agent closed the window to the tray and works in another application.
  await app.call('closeWindow');
  await expect.poll(async () => (await shellWindow(app)).visible).toBe(false);

  await post(widget, 5); // rc-call-ring-notify: Jane Doe, +16505550100, Sales queue
  // macOS answers from UNUserNotificationCenter's completion handler: 'failed' comes after show().
  const toast = await waitForToast(app, (t) => t.title.includes('Jane Doe') && t.failed !== null, 'the call toast macOS refused');
  expect(toast).toMatchObject({ open: false, failed: UNSIGNED });
  await expect.poll(() => app.diag().find((l) => l.message === 'notification failed: the system did not show it')?.data).toEqual({ kind: 'interaction.offered', profile: 'sales', error: UNSIGNED });

  await expect.poll(async () => (await shellWindow(app))).toMatchObject({ visible: true, focused: false, flashing: true });
  const rail = shell.getByRole('navigation', { name: 'Profiles' });
  await expect(rail.getByRole('button', { name: /^Sales line,/ })).toHaveAttribute('aria-current', 'page');
  await expect(banner(shell).locator('p')).toHaveText(['Jane Doe+1 650 555 0100', /^Incoming call · Sales queue · Sales line · ringing \d+:\d\d$/, 'The system notification could not be shown.']);
  // The ringing profile's view is the one shown, laid out below the header (48) and the banner (64).
  await expect.poll(() => shownViews(app)).toEqual([{ contents: salesView, y: 112 }]);
  await screenshot(app, test.info().outputPath('ring-banner-darwin.png'));

  await post(widget, 13); // rc-call-end-notify: the caller hung up
  await expect(banner(shell)).toHaveCount(0);
  await expect.poll(() => shownViews(app)).toEqual([{ contents: salesView, y: 48 }]);
  expect((await shellWindow(app)).flashing).toBe(false);
  await screenshot(app, test.info().outputPath('ring-ended-darwin.png'));
});

test('linux, no notification daemon: the toast fails with an empty error (libnotify), the window rings instead; answering takes the banner down', async ({ launch }) => {
  const { app, widget, shell } = await launchTwoProfiles(launch, 'linux');
  await app.call('toastFailure', { error: 'org.freedesktop.DBus.Error.ServiceUnknown' });
  await post(widget, 5);
  const toast = await waitForToast(app, (t) => t.title.includes('Jane Doe') && t.failed !== null, 'the call toast libnotify could not show');
  expect(toast.failed).toBe('');
  await expect.poll(() => app.diag().find((l) => l.message === 'notification failed: the system did not show it')?.data).toEqual({ kind: 'interaction.offered', profile: 'sales', error: '' });
  await expect(banner(shell)).toContainText('Jane Doe+1 650 555 0100');
  await expect(banner(shell).locator('.ring-note')).toHaveText('The system notification could not be shown.');
  await expect(shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Sales line,/ })).toHaveAttribute('aria-current', 'page');
  await screenshot(app, test.info().outputPath('ring-banner-linux.png'));
  await post(widget, 9); // rc-call-start-notify: answered in the widget
  await expect(banner(shell)).toHaveCount(0);
});

test('win32, notifications not supported: no toast at all, the window rings and says why; declining takes the banner down', async ({ launch }) => {
  const app = await launch({ platform: 'win32' });
  await app.call('notificationSupport', { supported: false });
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await expect(banner(shell).locator('.ring-who')).toHaveText('Jane Doe+1 650 555 0100');
  await expect(banner(shell).locator('.ring-note')).toHaveText('This system cannot show notifications.');
  expect((await app.state()).toasts).toEqual([]);
  expect(app.diag().find((l) => l.message === 'notifications are not supported on this system')?.data).toEqual({ kind: 'interaction.offered', profile: 'demo' });
  await screenshot(app, test.info().outputPath('ring-banner-unsupported-win32.png'));
  await phone.getByRole('button', { name: 'Decline' }).click();
  await expect(banner(shell)).toHaveCount(0);
});

test('linux: the call toast has no buttons and its body says a click opens the profile; the click does', async ({ launch }) => {
  const app = await launch({ platform: 'linux' });
  await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  const toast = await waitForToast(app, (t) => t.open && t.title.includes('Jane Doe'), 'the incoming call from Jane Doe');
  expect(toast.buttons).toEqual([]);
  expect(toast.body).toBe('Incoming call · Demo softphone\nClick to open Demo softphone');
  await app.call('closeWindow');
  await expect.poll(async () => (await shellWindow(app)).visible).toBe(false);
  await app.call('toastClick', { id: toast.id });
  await expect.poll(async () => shellWindow(app)).toMatchObject({ visible: true, focused: true });
});

test("win32: the AppUserModelID is set before 'ready', to electron-builder's appId", async ({ launch }) => {
  const app = await launch({ platform: 'win32' });
  await shellPage(app);
  const { appId } = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { appId: string };
  expect((await app.state()).registration).toMatchObject({ appUserModelId: appId, appUserModelIdBeforeReady: true });
});
