/**
 * Vendor traffic through the real main process: a RingCentral Embeddable widget page, top-level
 * in its view as RC's own Electron app runs it, posts what RC's code posts (the lines of
 * test/fixtures/replay, each naming its source), and the agent sees the toasts, the tray and the
 * problems the way Switchboard shows them.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { replayed } from '../support/vendor-traffic';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

async function launchWithWidget(launch: (o?: object) => Promise<AppProcess>, notifications: Record<string, unknown> = {}) {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'rc', name: 'Support line', vendor: 'ringcentral-embeddable', url: `${site.origin.softphone}/widget`, allowedOrigins: [site.origin.softphone], mode: 'direct' }],
    notifications,
  });
  const app = await launch({ userData, platform: 'win32', env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const widget = await app.page(`${site.origin.softphone}/widget`);
  await expect(widget.getByRole('heading', { name: 'Vendor widget' })).toBeVisible();
  return { app, widget };
}

/** Posts what the vendor's code posts, from the widget page itself (its origin is the profile's). */
const post = (widget: Page, messages: unknown[]) => widget.evaluate((list) => (globalThis as unknown as { widgetPost(l: unknown[]): void }).widgetPost(list), messages);

const trayTooltip = async (app: AppProcess) => (await app.state()).trays[0]?.toolTip ?? '';

test('a ring the widget never ends stops ringing after the ring timeout: the toast closes, the tray leaves Ringing, the log says why', async ({ launch }) => {
  const { app, widget } = await launchWithWidget(launch, { ringTimeoutSeconds: 10 });
  // Line 5: rc-call-ring-notify for Jane Doe, shaped after RC's ringCallNotify.
  await post(widget, [replayed('ringcentral-embeddable', 5).data]);
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open).map((t) => t.title)).toEqual([expect.stringContaining('Jane Doe')]);
  await expect.poll(() => trayTooltip(app)).toContain('Ringing');
  const shown = Date.now();
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open), { timeout: 20_000 }).toEqual([]);
  expect(Date.now() - shown, 'not before the ring timeout').toBeGreaterThan(8_000);
  await expect.poll(() => trayTooltip(app)).not.toContain('Ringing');
  expect(app.diag().map((l) => l.message)).toContain('ring toast closed: no vendor event ended the ring in time');
});
