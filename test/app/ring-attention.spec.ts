/**
 * Issue 14, through the real main process: while a call rings the taskbar button flashes
 * (Windows, Linux) or the Dock bounces (macOS, critical, cancelled by its id), a badge counts the
 * ring and then the missed call (setBadgeCount on macOS/Linux, the taskbar overlay on Windows),
 * the ringtone plays in the real shell page while the window is hidden, and all of it stops when
 * the ring ends; the missed call leaves the badge when the agent comes back to the window.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { AppProcess, ModelPlatform } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { shellPage } from './harness/views';
import { replayed } from '../support/vendor-traffic';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

const RC = 'ringcentral-embeddable';
const post = (widget: Page, ...lines: number[]) => widget.evaluate((list) => (globalThis as unknown as { widgetPost(l: unknown[]): void }).widgetPost(list), lines.map((n) => replayed(RC, n).data));
const ringtonePlaying = (shell: Page) => shell.evaluate(() => [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ paused: boolean }> } }).document.querySelectorAll('audio')].filter((a) => !a.paused).length);

async function ringWhileHidden(launch: (o?: object) => Promise<AppProcess>, platform: ModelPlatform) {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'sales', name: 'Sales line', vendor: RC, url: `${site.origin.softphone}/widget`, allowedOrigins: [site.origin.softphone], mode: 'direct' }],
  });
  const app = await launch({ userData, platform, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const widget = await app.page(`${site.origin.softphone}/widget`);
  await expect(widget.getByRole('heading', { name: 'Vendor widget' })).toBeVisible();
  const shell = await shellPage(app);
  // The agent closed the window to the tray and works in another application.
  await app.call('closeWindow');
  await expect.poll(async () => (await app.state()).windows[0]!.visible).toBe(false);
  await post(widget, 5); // rc-call-ring-notify: Jane Doe
  await expect.poll(() => ringtonePlaying(shell)).toBe(1);
  return { app, widget, shell };
}

const attention = async (app: AppProcess) => {
  const s = await app.state();
  return { flashing: s.windows[0]!.flashing, ...s.attention };
};

test('linux: the taskbar flashes and the launcher badge counts the ring; the call ends unanswered → flash and ringtone stop, the missed call stays on the badge until the window is back', async ({ launch }) => {
  const { app, widget, shell } = await ringWhileHidden(launch, 'linux');
  await expect.poll(() => attention(app)).toMatchObject({ flashing: true, badgeCount: 1, dockBounces: [], overlays: [] });
  await post(widget, 13); // rc-call-end-notify: the caller hung up → missed
  await expect.poll(() => ringtonePlaying(shell)).toBe(0);
  await expect.poll(() => attention(app)).toMatchObject({ flashing: false, badgeCount: 1 });
  await app.call('clickTrayIcon'); // the agent comes back: the window shows and takes focus
  await expect.poll(async () => (await app.state()).windows[0]!.focused).toBe(true);
  await expect.poll(() => attention(app)).toMatchObject({ flashing: false, badgeCount: 0 });
});

test('win32: the taskbar flashes and its overlay names the count; answering stops it and the ringtone', async ({ launch }) => {
  const { app, widget, shell } = await ringWhileHidden(launch, 'win32');
  await expect.poll(() => attention(app)).toMatchObject({ flashing: true, overlays: [{ image: expect.stringMatching(/ringing-16\.png$/), description: '1 call ringing or missed' }] });
  await post(widget, 9); // rc-call-start-notify: answered in the widget
  await expect.poll(() => ringtonePlaying(shell)).toBe(0);
  await expect.poll(() => attention(app)).toMatchObject({ flashing: false, overlays: [] });
});

test('darwin: a critical Dock bounce and the Dock badge, cancelled when the call is answered; no flashFrame', async ({ launch }) => {
  const { app, widget, shell } = await ringWhileHidden(launch, 'darwin');
  await expect.poll(() => attention(app)).toMatchObject({ flashing: false, badgeCount: 1, dockBounces: [{ type: 'critical' }] });
  await post(widget, 9); // rc-call-start-notify: answered
  await expect.poll(() => ringtonePlaying(shell)).toBe(0);
  await expect.poll(() => attention(app)).toMatchObject({ badgeCount: 0, dockBounces: [] });
});
