/**
 * Scenario 4: do-not-disturb set from the tray silences the next ring; a setting the agent saves
 * in the shell UI is there again after a restart, and does what it says.
 */
import { test, expect } from './harness/fixtures';
import { demoPhone, shellPage, waitForToast } from './harness/views';

test('DND from the tray suppresses the next ring; a saved setting survives a restart', async ({ launch }) => {
  const first = await launch();
  let shell = await shellPage(first);
  let { phone } = await demoPhone(first);

  await first.call('clickTrayItem', { path: ['Do not disturb', 'On'] });
  await expect.poll(async () => (await first.state()).trays[0]?.toolTip ?? '').toMatch(/do not disturb/i);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await expect(shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Demo softphone, Ringing/ })).toBeVisible();
  // The ring reached the shell (the rail says so), and no toast came for it.
  expect((await first.state()).toasts).toEqual([]);
  await phone.getByRole('button', { name: 'Decline' }).click();

  await shell.getByRole('button', { name: 'Settings' }).click();
  const ringThrough = shell.getByRole('checkbox', { name: 'Calls ring through do not disturb' });
  await expect(ringThrough).not.toBeChecked();
  await ringThrough.check();
  await shell.getByRole('button', { name: 'Save settings' }).click();
  await expect(shell.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();

  await first.call('clickTrayItem', { path: ['Quit Switchboard'] });
  expect(await first.waitForExit()).toBe(0);

  const second = await launch();
  shell = await shellPage(second);
  ({ phone } = await demoPhone(second));
  await shell.getByRole('button', { name: 'Settings' }).click();
  await expect(shell.getByRole('checkbox', { name: 'Calls ring through do not disturb' })).toBeChecked();
  await shell.getByRole('button', { name: 'Close settings' }).click();
  // DND is still on after the restart, and now a call rings through it with a toast.
  await expect.poll(async () => (await second.state()).trays[0]?.toolTip ?? '').toMatch(/do not disturb/i);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await waitForToast(second, (t) => t.open && t.title.includes('Jane Doe'), 'the call ringing through DND');
});
