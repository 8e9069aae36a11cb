/**
 * A softphone whose page stops answering while nobody looks at it (another profile on screen, or
 * the window in the tray): Electron reports 'unresponsive' only for visible views, so the
 * liveness check through the capture bridge finds it, the renderer is ended with
 * forcefullyCrashRenderer() and the page reloaded — even though the page guards its call with
 * beforeunload. And quitting while a call is up asks the agent first.
 */
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { demoPhone, screenshot, shellPage, waitForToast } from './harness/views';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

const busyLoads = () => site.requests.filter((r) => r.host === 'softphone.vendor.test' && r.path === '/busy').length;

/** The page's main thread spins for ever: its script never returns (a vendor bug, a stuck loop). */
const freeze = (page: Page | Frame) => page.evaluate(() => void setTimeout(() => { for (;;); }, 50));

async function twoProfiles(launch: (o: { userData: string; env: Record<string, string> }) => Promise<AppProcess>, backMode: 'direct' | 'framed' = 'direct') {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [
      { id: 'front', name: 'Front desk', vendor: 'ringcentral-embeddable', url: 'https://softphone.vendor.test/', allowedOrigins: ['https://softphone.vendor.test'], mode: 'direct' },
      { id: 'back', name: 'Back line', vendor: 'ringcentral-embeddable', url: 'https://softphone.vendor.test/busy', allowedOrigins: ['https://softphone.vendor.test'], mode: backMode },
    ],
  });
  const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const shell = await shellPage(app);
  const rail = shell.getByRole('navigation', { name: 'Profiles' });
  return { app, shell, front: rail.getByRole('button', { name: /^Front desk/ }), back: rail.getByRole('button', { name: /^Back line/ }) };
}

test('a softphone that hangs on a background profile is found, ended and reloaded, its beforeunload notwithstanding', async ({ launch }) => {
  test.setTimeout(120_000);
  const { app, back, front } = await twoProfiles(launch);
  // The agent takes a call on the back line (the page now guards it with beforeunload) and goes
  // back to the front desk: the back line is hidden.
  await back.click();
  const busy = await app.page('https://softphone.vendor.test/busy');
  await busy.getByRole('button', { name: 'Take call' }).click();
  await expect(busy.locator('#call')).toHaveText('On a call');
  await front.click();
  await expect(front).toHaveAttribute('aria-current', /.+/);
  const before = busyLoads();

  await freeze(busy);
  await expect(back, 'the rail says the hidden softphone stopped answering').toHaveAttribute('data-health', 'recovering', { timeout: 30_000 });
  await expect(back).toContainText('not answering');
  await screenshot(app, test.info().outputPath('hung-background-profile.png'));
  await expect.poll(() => busyLoads() - before, { timeout: 20_000, message: 'the page was loaded again' }).toBe(1);
  // Playwright keeps its page object for the crashed renderer, so the reloaded page is read
  // from the model: the same view, a live renderer again, at the softphone.
  await expect.poll(async () => (await app.state()).contents.filter((c) => c.partition === 'persist:profile-back').map((c) => ({ url: c.url, crashed: c.crashed }))).toEqual([{ url: 'https://softphone.vendor.test/busy', crashed: false }]);
  await expect(back).toHaveAttribute('data-health', 'ok', { timeout: 20_000 });

  const lines = app.diag().filter((l) => l.message.startsWith('back: '));
  const events = lines.map((l) => l.message);
  expect(events).toEqual(expect.arrayContaining(['back: unresponsive', 'back: render-process-gone', 'back: reload']));
  expect(JSON.stringify(lines.find((l) => l.message === 'back: unresponsive'))).toContain('not on screen');
  expect(app.diag().some((l) => l.message === 'front: unresponsive'), 'the healthy profile is left alone').toBe(false);
  await expect(front).toHaveAttribute('data-health', 'ok');
});

test('framed view: a vendor frame that hangs in the background is found though our host page still answers, and recovered', async ({ launch }) => {
  test.setTimeout(120_000);
  const { app, back, front } = await twoProfiles(launch, 'framed');
  await back.click();
  const host = await app.page('app://host/profile/back');
  const busy = await app.frame(host, 'https://softphone.vendor.test/busy');
  await busy.getByRole('button', { name: 'Take call' }).click();
  await expect(busy.locator('#call')).toHaveText('On a call');
  await front.click();
  await expect(front).toHaveAttribute('aria-current', /.+/);
  const before = busyLoads();

  // The vendor's frame is cross-site to our host page, so in a renderer of its own: only that
  // renderer is stuck, and the host page (where the capture bridge lives) keeps answering.
  await freeze(busy);
  await expect(back, 'the rail says the hidden softphone stopped answering').toHaveAttribute('data-health', 'recovering', { timeout: 30_000 });
  await expect(back).toContainText('not answering');
  await screenshot(app, test.info().outputPath('hung-vendor-frame.png'));
  await expect.poll(() => busyLoads() - before, { timeout: 20_000, message: 'the vendor page was loaded again' }).toBe(1);
  await expect(back).toHaveAttribute('data-health', 'ok', { timeout: 20_000 });
  await expect.poll(async () => (await app.state()).contents.filter((c) => c.partition === 'persist:profile-back').map((c) => ({ url: c.url, crashed: c.crashed }))).toEqual([{ url: 'app://host/profile/back', crashed: false }]);

  const lines = app.diag().filter((l) => l.message.startsWith('back: '));
  expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(['back: unresponsive', 'back: render-process-gone', 'back: reload']));
  expect(JSON.stringify(lines.find((l) => l.message === 'back: unresponsive'))).toContain('vendor frame not answering');
  expect(app.diag().some((l) => l.message === 'front: unresponsive'), 'the healthy profile is left alone').toBe(false);
  await expect(front).toHaveAttribute('data-health', 'ok');
});

test('a softphone that hangs while the window is in the tray is recovered too', async ({ launch }) => {
  test.setTimeout(120_000);
  const { app, back } = await twoProfiles(launch);
  await back.click();
  const busy = await app.page('https://softphone.vendor.test/busy');
  const before = busyLoads();
  await app.call('closeWindow');
  await expect.poll(async () => (await app.state()).windows[0]?.visible).toBe(false);
  await freeze(busy);
  await expect.poll(() => busyLoads() - before, { timeout: 40_000, message: 'the page was loaded again' }).toBe(1);
  expect(app.diag().map((l) => l.message)).toContain('back: unresponsive');
});

test('quitting during a call asks first: Keep open stays, Quit anyway quits and flushes the log', async ({ launch }) => {
  const app = await launch({ platform: 'win32' });
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  const toast = await waitForToast(app, (t) => t.open && t.title.includes('Jane Doe'), 'the incoming call');
  await app.call('toastButton', { id: toast.id, label: 'Answer' });
  await expect(shell.getByRole('banner')).toContainText('On call');

  await app.call('clickTrayItem', { path: ['Quit Switchboard'] });
  const question = async () => (await app.state()).dialogs.filter((d) => d.kind === 'message' && d.open);
  await expect.poll(async () => (await question()).length, { message: 'the agent is asked' }).toBe(1);
  const [asked] = await question();
  expect(asked).toMatchObject({ message: 'A call is still active. Quit Switchboard?', buttons: ['Keep Switchboard open', 'Quit anyway'], modal: true });
  expect(asked && 'detail' in asked ? asked.detail : '').toContain('Demo softphone: a call is under way');
  // Asked again while the question is open: still one question.
  await app.call('clickTrayItem', { path: ['Quit Switchboard'] });
  expect(await question()).toHaveLength(1);

  await app.call('answerMessageBox', { label: 'Keep Switchboard open' });
  await expect(phone.locator('#phase')).toHaveText('On call');
  expect(app.exitCode).toBeNull();

  await app.call('clickTrayItem', { path: ['Quit Switchboard'] });
  await expect.poll(async () => (await question()).length).toBe(1);
  await app.call('answerMessageBox', { label: 'Quit anyway' });
  expect(await app.waitForExit()).toBe(0);
  expect(app.eventLog().map((l) => l.kind)).toContain('interaction.connected');
});
