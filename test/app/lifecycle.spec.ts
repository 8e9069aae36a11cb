/**
 * Scenario 7 and the app's life around it: Quit flushes the logs and exits; no key in a vendor
 * view reloads it behind the agent's back; packaged builds carry no reload or developer tools; a
 * window closed to the tray comes back from the macOS Dock; a crashed shell UI comes back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import type { ModelState } from './model/control';
import { demoPhone, shellPage } from './harness/views';

test('Quit from the tray flushes the event and diagnostics logs and exits with 0', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  const app = await launch({ userData });
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await phone.getByRole('button', { name: 'Decline' }).click();
  await app.call('clickTrayItem', { path: ['Quit Switchboard'] });
  expect(await app.waitForExit()).toBe(0);
  const kinds = app.eventLog().map((l) => l.kind);
  expect(kinds).toEqual(expect.arrayContaining(['interaction.offered', 'interaction.ended']));
  const logs = join(userData, 'logs');
  const diagnostics = readdirSync(logs).filter((f) => f.startsWith('diagnostics.'));
  expect(diagnostics.length).toBeGreaterThan(0);
  const lines = diagnostics.flatMap((f) => readFileSync(join(logs, f), 'utf8').split('\n').filter(Boolean));
  for (const line of lines) expect(() => JSON.parse(line), 'every diagnostics line is whole').not.toThrow();
  expect(lines.some((l) => l.includes('"started"'))).toBe(true);
  expect(existsSync(join(userData, 'SingletonLock')), 'the instance lock is released').toBe(false);
});

function menuRoles(items: ModelState['applicationMenu']): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role.toLowerCase()] : []), ...menuRoles(i.submenu ?? [])]);
}

test('Ctrl+R and zoom keys in a softphone view do nothing to it: the call in progress survives', async ({ launch }) => {
  const app = await launch();
  await shellPage(app);
  const { host, phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await phone.getByRole('button', { name: 'Answer' }).click();
  await expect(phone.locator('#phase')).toHaveText('On call');
  await phone.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const contents = await app.contentsOf(host);
  for (const accelerator of ['CmdOrCtrl+R', 'Shift+CmdOrCtrl+R', 'F5', 'CmdOrCtrl+Plus', 'CmdOrCtrl+-']) {
    const { handledBy } = await app.call<{ handledBy: string }>('press', { contents, accelerator });
    expect(handledBy, `${accelerator} is not a menu command in the vendor view`).not.toBe('menu');
  }
  await host.waitForTimeout(500);
  expect(await phone.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(phone.locator('#phase')).toHaveText('On call');
  expect((await app.state()).contents.find((c) => c.id === contents)?.zoomLevel).toBe(0);
});

test('packaged builds have an application menu with edit commands and no reload, zoom or developer tools', async ({ launch }) => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    const app = await launch({ platform, packaged: true, userData: test.info().outputPath(`user-data-${platform}`) });
    await shellPage(app);
    const roles = menuRoles((await app.state()).applicationMenu);
    expect(roles, platform).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectall', 'undo', 'redo']));
    for (const banned of ['reload', 'forcereload', 'toggledevtools', 'zoomin', 'zoomout', 'resetzoom', 'viewmenu']) expect(roles, platform).not.toContain(banned);
    await app.kill();
  }
});

test('macOS: a window closed to the tray comes back when the agent clicks the Dock icon', async ({ launch }) => {
  const app = await launch({ platform: 'darwin' });
  await shellPage(app);
  await expect.poll(async () => (await app.state()).windows[0]?.visible).toBe(true);
  await app.call('closeWindow');
  await expect.poll(async () => (await app.state()).windows[0]?.visible).toBe(false);
  await app.call('activate');
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: true, focused: true });
});

test('a crashed shell UI is reloaded and works again', async ({ launch }) => {
  const app = await launch();
  const shell = await shellPage(app);
  const contents = await app.contentsOf(shell);
  await app.call('crash', { contents });
  await expect.poll(async () => (await app.state()).contents.find((c) => c.id === contents)?.crashed, { message: 'the shell renderer crashed' }).toBe(true);
  await expect.poll(async () => (await app.state()).contents.find((c) => c.id === contents)?.crashed, { timeout: 20_000, message: 'the shell renderer came back' }).toBe(false);
  await app.reconnect();
  const again = await shellPage(app);
  await expect(again.getByRole('navigation', { name: 'Profiles' })).toContainText('Demo softphone');
});
