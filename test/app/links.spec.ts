/**
 * Scenario 6: a tel: link clicked elsewhere on the desktop starts a second Switchboard, which hands
 * the link to the running one and exits; the running one comes forward, asks "Call … with …?"
 * (a link from another app is not the agent's action in Switchboard) and, once the agent says
 * Call, its default softphone dials the number — also when the link arrives while it is still
 * starting.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import { demoPhone, shellPage } from './harness/views';

test('a second launch with a tel: link focuses the window and the demo softphone dials it', async ({ launch }) => {
  const first = await launch();
  await shellPage(first);
  const { phone } = await demoPhone(first);
  // Shown (on its UI's first load), then closed to the tray, as agents do.
  await expect.poll(async () => (await first.state()).windows[0]?.visible).toBe(true);
  await first.call('closeWindow');
  await expect.poll(async () => (await first.state()).windows[0]?.visible).toBe(false);

  const second = await launch({ args: ['tel:+1-650-555-0123'], waitReady: false, cwd: mkdtempSync(join(tmpdir(), 'elsewhere-')) });
  expect(await second.waitForExit(), 'the second instance hands over and exits').toBe(0);
  await expect.poll(async () => (await first.state()).windows[0]).toMatchObject({ visible: true, focused: true });
  const question = (await shellPage(first)).getByRole('dialog', { name: 'Call +16505550123 with Demo softphone?' });
  await expect(question).toContainText('Asked by a link opened in another app');
  await expect(phone.locator('#log'), 'nothing is dialled before the answer').not.toContainText('Dialing');
  await question.getByRole('button', { name: 'Call' }).click();
  await expect(phone.locator('#log')).toContainText(/Dialing \+1[\s-]?650/);
});

test('a tel: link that arrives while the first instance is still starting is dialled once it is up', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  const first = await launch({ userData, waitReady: false });
  // The first instance holds the lock (its main script ran) but is not ready yet.
  await expect.poll(() => existsSync(join(userData, 'SingletonLock')), { timeout: 10_000, intervals: [20] }).toBe(true);
  const second = await launch({ userData, args: ['tel:+44 20 7946 0999'], waitReady: false });
  expect(await second.waitForExit()).toBe(0);
  await first.ready();
  const { phone } = await demoPhone(first);
  const question = (await shellPage(first)).getByRole('dialog', { name: 'Call +442079460999 with Demo softphone?' });
  await question.getByRole('button', { name: 'Call' }).click();
  await expect(phone.locator('#log')).toContainText(/Dialing \+44/);
});
