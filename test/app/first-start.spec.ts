/**
 * Scenario 1: a new agent starts Switchboard for the first time.
 */
import { test, expect } from './harness/fixtures';
import { demoPhone, screenshot, shellPage } from './harness/views';

test('first start: the window shows the shell UI beside the demo softphone, with the guide', async ({ launch }) => {
  const app = await launch();
  await expect.poll(async () => (await app.state()).windows[0]?.visible, { message: 'the window is shown' }).toBe(true);
  const shell = await shellPage(app);
  await expect(shell.getByRole('navigation', { name: 'Profiles' })).toContainText('Demo softphone');
  await expect(shell.getByRole('region', { name: /guide|get started|welcome/i }).or(shell.getByText(/Simulate incoming call/))).toBeVisible();
  const { phone } = await demoPhone(app);
  await expect(phone.getByRole('button', { name: 'Simulate incoming call' })).toBeVisible();

  // Shell and demo are laid out side by side in the one window: the demo view right of the rail.
  const state = await app.state();
  const win = state.windows[0]!;
  const shellView = win.views.find((v) => state.contents.find((c) => c.id === v.contents)?.url.startsWith('app://shell/'));
  const demoView = win.views.find((v) => state.contents.find((c) => c.id === v.contents)?.url.startsWith('app://host/profile/demo'));
  expect(shellView?.visible).toBe(true);
  expect(demoView?.visible).toBe(true);
  expect(demoView!.bounds.x).toBeGreaterThan(0);
  expect(demoView!.bounds.x + demoView!.bounds.width).toBe(win.bounds.width);
  await screenshot(app, test.info().outputPath('first-start.png'));
});

test('our pages load only through app:// handlers on their own sessions, and every session denies what it does not grant', async ({ launch }) => {
  const app = await launch();
  await shellPage(app);
  const state = await app.state();
  const shellContents = state.contents.find((c) => c.url.startsWith('app://shell/'))!;
  const shellSession = state.sessions.find((s) => s.partition === shellContents.partition)!;
  expect(shellSession.handlesApp, 'the shell session serves app://').toBe(true);
  expect(shellSession.handlers).toEqual({ request: true, check: true });
  // Electron grants every permission on a session without handlers: the default session must have them too.
  const defaultSession = state.sessions.find((s) => s.partition === '');
  expect(defaultSession?.handlers, 'the default session has permission handlers').toEqual({ request: true, check: true });
  expect(await app.call('requestPermission', { contents: shellContents.id, permission: 'media', details: { mediaTypes: ['audio'] } })).toBe(false);
  expect(await app.call('requestPermission', { contents: shellContents.id, permission: 'notifications' })).toBe(false);
  expect(await app.call('checkPermission', { contents: shellContents.id, permission: 'geolocation' })).toBe(false);
});
