/**
 * The window, the tray and the desktop around them, per OS (issue 13 item 5): views follow a
 * maximize or full screen on Linux; the Windows tray click hides the window the agent was using;
 * a link the OS refuses to open is told, not an unhandled rejection; closing the window on a
 * desktop without a tray host does not strand the agent; auto-away notices a locked screen on
 * Linux; login items start the app hidden and never register a bare Electron.
 */
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { shellPage } from './harness/views';

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
