/**
 * The window, the tray and the desktop around them, per OS (issue 13 item 5): views follow a
 * maximize or full screen on Linux; the Windows tray click hides the window the agent was using;
 * a link the OS refuses to open is told, not an unhandled rejection; closing the window on a
 * desktop without a tray host does not strand the agent; auto-away notices a locked screen on
 * Linux; login items start the app hidden and never register a bare Electron.
 */
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { startVendorSite } from './harness/vendor-site';
import { screenshot, shellPage } from './harness/views';
import { caseMessages } from '../support/vendor-traffic';

/** Must match SHELL_CHROME in src/main/shell/shell-window.ts. */
const RAIL = 280;
const HEADER = 48;

async function viewBounds(app: AppProcess) {
  const win = (await app.state()).windows[0]!;
  return { window: win.bounds, views: win.views.map((v) => v.bounds) };
}

const laidOutFor = (width: number, height: number) => ({
  window: { x: 0, y: 0, width, height },
  // The shell UI view covers the window; the vendor view the area right of the rail, below the header.
  views: [
    { x: 0, y: 0, width, height },
    { x: RAIL, y: HEADER, width: width - RAIL, height: height - HEADER },
  ],
});

test('Linux: the views follow the window when it is maximized, restored, made full screen and back', async ({ launch }) => {
  const app = await launch({ platform: 'linux' });
  await shellPage(app);
  await expect.poll(() => viewBounds(app)).toEqual(laidOutFor(1280, 820));

  await app.call('windowState', { state: 'maximized', on: true, width: 1920, height: 1050 });
  await expect.poll(() => viewBounds(app), { message: 'maximized' }).toEqual(laidOutFor(1920, 1050));
  await app.call('windowState', { state: 'maximized', on: false });
  await expect.poll(() => viewBounds(app), { message: 'restored' }).toEqual(laidOutFor(1280, 820));

  await app.call('windowState', { state: 'full-screen', on: true, width: 1920, height: 1080 });
  await expect.poll(() => viewBounds(app), { message: 'full screen' }).toEqual(laidOutFor(1920, 1080));
  await app.call('windowState', { state: 'full-screen', on: false });
  await expect.poll(() => viewBounds(app), { message: 'left full screen' }).toEqual(laidOutFor(1280, 820));
});

test('Windows: clicking the tray icon hides the window the agent is using (the taskbar took focus first), and shows it again', async ({ launch }) => {
  const app = await launch({ platform: 'win32' });
  await shellPage(app);
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: true, focused: true });

  expect(await app.call('clickTrayIcon')).toBe('click');
  await expect.poll(async () => (await app.state()).windows[0]?.visible, { message: 'hidden by the click' }).toBe(false);
  expect(await app.call('clickTrayIcon')).toBe('click');
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: true, focused: true });
});

test('a link the OS cannot open is logged and told to the agent, never an unhandled rejection in main', async ({ launch }) => {
  const site = await startVendorSite();
  try {
    const userData = test.info().outputPath('user-data');
    writeSettings(userData, {
      profiles: [{ id: 'sales', name: 'Sales phone', vendor: 'ringcentral-embeddable', url: `${site.origin.softphone}/`, allowedOrigins: [site.origin.softphone], mode: 'direct' }],
    });
    const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
    const shell = await shellPage(app);
    await app.call('refuseOpenExternal', { refuse: true });
    const view = await app.page(`${site.origin.softphone}/`);
    await view.getByRole('link', { name: 'Help' }).click();

    await expect.poll(() => app.diag().filter((l) => l.message === 'the OS did not open a link').map((l) => l.data)).toEqual([{ url: 'https://help.vendor.test/guide', reason: 'Failed to open path' }]);
    await shell.getByRole('button', { name: '1 problem' }).click();
    await expect(shell.getByRole('alert').filter({ hasText: 'help.vendor.test' })).toContainText('Your computer could not open https://help.vendor.test/guide (Failed to open path).');
    expect((await app.state()).opened).toEqual([]);
    expect(app.diag().filter((l) => l.message.startsWith('unhandled promise rejection')), 'no rejection went unhandled in main').toEqual([]);
  } finally {
    await site.close();
  }
});

test('login items: an unpackaged app registers none; Windows passes --minimized; macOS starts hidden only when opened at login', async ({ launch }) => {
  const startup = { startup: { atLogin: true, minimized: true } };
  const unpackagedData = test.info().outputPath('user-data-unpackaged');
  writeSettings(unpackagedData, startup);
  const unpackaged = await launch({ platform: 'win32', userData: unpackagedData });
  await shellPage(unpackaged);
  expect((await unpackaged.state()).registration.loginItem, 'the bare electron.exe is never registered').toBeNull();
  await unpackaged.kill();

  const windowsData = test.info().outputPath('user-data-win32');
  writeSettings(windowsData, startup);
  const windows = await launch({ platform: 'win32', packaged: true, userData: windowsData });
  await shellPage(windows);
  expect((await windows.state()).registration.loginItem).toEqual({ openAtLogin: true, args: ['--minimized'] });
  await expect.poll(async () => (await windows.state()).windows[0]?.visible, { message: 'started by hand: shown' }).toBe(true);
  await windows.kill();

  for (const openedAtLogin of [false, true]) {
    const userData = test.info().outputPath(`user-data-darwin-${openedAtLogin}`);
    writeSettings(userData, startup);
    const mac = await launch({ platform: 'darwin', packaged: true, userData, env: openedAtLogin ? { ELECTRON_MODEL_OPENED_AT_LOGIN: '1' } : {} });
    const shell = await shellPage(mac);
    await shell.waitForTimeout(1000);
    expect((await mac.state()).registration.loginItem).toEqual({ openAtLogin: true });
    expect((await mac.state()).windows[0]?.visible, openedAtLogin ? 'opened at login: hidden' : 'started by hand: shown').toBe(!openedAtLogin);
    await mac.kill();
  }
});

test('Linux desktop with no tray icons (stock GNOME): closing the window minimizes it instead of stranding it, the agent is told once, and File → Quit quits', async ({ launch }) => {
  const app = await launch({ platform: 'linux', trayHost: false });
  const shell = await shellPage(app);
  await expect.poll(() => app.diag().find((l) => l.message === 'no tray host')?.data, { message: 'the probe asked the session bus' }).toMatchObject({ present: false, reason: expect.stringContaining('GNOME shows no tray icons') });
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: true });

  await app.call('closeWindow');
  await expect.poll(async () => (await app.state()).windows[0], { message: 'minimized, not hidden' }).toMatchObject({ minimized: true });
  await shell.getByRole('button', { name: '1 problem' }).click();
  await expect(shell.getByRole('alert').filter({ hasText: 'minimizes' })).toContainText("Closing the window minimizes Switchboard instead of hiding it: GNOME shows no tray icons (no StatusNotifier host on the session bus; on GNOME the AppIndicator extension adds one), so a hidden window could not be brought back. Quit is in the window's File menu (press Alt).");
  await screenshot(app, test.info().outputPath('no-tray-host.png'));
  await app.call('closeWindow');
  expect(app.diag().filter((l) => l.message === 'no tray host: closing the window minimizes it'), 'told once').toHaveLength(1);

  await app.call('clickMenuItem', { path: ['File', 'Quit'] });
  expect(await app.waitForExit()).toBe(0);
});

test('Linux desktop with a tray host: closing hides the window to the tray, as on Windows and macOS', async ({ launch }) => {
  const app = await launch({ platform: 'linux' });
  await shellPage(app);
  await expect.poll(() => app.diag().some((l) => l.message === 'tray icon shown by a StatusNotifier host')).toBe(true);
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: true });
  await app.call('closeWindow');
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: false, minimized: false });
  expect(app.diag().filter((l) => l.message.startsWith('no tray host'))).toEqual([]);
});

test('Linux, no tray host: a start at login minimized starts minimized, not hidden where nothing could show it', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, { startup: { atLogin: true, minimized: true } });
  const app = await launch({ platform: 'linux', trayHost: false, userData, args: ['--minimized'] });
  await shellPage(app);
  await expect.poll(async () => (await app.state()).windows[0], { message: 'in the taskbar, minimized' }).toMatchObject({ minimized: true });
  expect(app.diag().some((l) => l.message === 'no tray host: started minimized instead of hidden')).toBe(true);
});

test('Linux: a screen lock the desktop reports sets the agent away (no lock events there: the idle poll asks), and unlocking brings them back', async ({ launch }) => {
  test.setTimeout(120_000); // Two of the app's 30 s idle polls (src/main/tray/auto-away-watch.ts).
  const site = await startVendorSite();
  try {
    const userData = test.info().outputPath('user-data');
    writeSettings(userData, {
      profiles: [{ id: 'ef', name: 'Chat desk', vendor: 'expertflow', url: `${site.origin.softphone}/widget`, allowedOrigins: [site.origin.softphone], mode: 'direct' }],
      autoAway: { enabled: true, idleMinutes: 5, onLock: true },
    });
    const app = await launch({ userData, platform: 'linux', env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
    const widget = await app.page(`${site.origin.softphone}/widget`);
    await expect(widget.getByRole('heading', { name: 'Vendor widget' })).toBeVisible();
    // The desk signs in and goes READY (shaped after its crmEventsService.postCRMEvent).
    const [login, ready] = caseMessages('expertflow-crm-postmessage').map((m) => m.data);
    await widget.evaluate((list) => (globalThis as unknown as { widgetPost(l: unknown[]): void }).widgetPost(list), [login, ready]);
    await expect.poll(async () => (await app.state()).trays[0]?.toolTip ?? '').toContain('Available');

    const setStates = () => app.diag().filter((l) => (l.data as { command?: { type?: string } } | undefined)?.command?.type === 'set-state').map((l) => (l.data as { command: { state: string } }).command.state);
    await app.call('screenLock', { locked: true });
    await expect.poll(setStates, { message: 'away at the next poll', timeout: 40_000 }).toEqual(['away']);
    await app.call('screenLock', { locked: false });
    await expect.poll(setStates, { message: 'back at the next poll', timeout: 40_000 }).toEqual(['away', 'available']);
    const sent = app.diag().filter((l) => (l.data as { command?: { type?: string } } | undefined)?.command?.type === 'set-state').map((l) => l.message);
    expect(sent.every((m) => m.startsWith('set-state sent to Chat desk')), sent.join('\n')).toBe(true);
  } finally {
    await site.close();
  }
});
