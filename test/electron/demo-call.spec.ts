/**
 * The built app, started for real: first start shows the demo softphone; a simulated call in the
 * demo page reaches the core and appears in the shell UI's live feed, and the header and the rail
 * say the demo is ringing. Runs only where an Electron binary exists (see run.mjs).
 */
import { expect, test } from '@playwright/test';
import { demoFrame, launchSwitchboard, liveFeed, shellUi } from './app';

test('start → demo → simulated call → core event in the shell feed', async () => {
  const { app } = await launchSwitchboard('e2e');
  try {
    const shell = await shellUi(app);
    const demoProfile = shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Demo softphone,/ });
    await expect(demoProfile).toBeVisible();
    const demo = await demoFrame(app);

    await demo.getByRole('button', { name: 'Simulate incoming call' }).click();
    await expect(liveFeed(shell).filter({ hasText: 'interaction.offered' }).first()).toBeVisible({ timeout: 10_000 });
    await expect(shell.getByRole('banner').getByRole('button', { name: /^Presence: Ringing/ })).toBeVisible();
    await expect(demoProfile).toHaveAccessibleName(/^Demo softphone, Ringing/);
  } finally {
    await app.close();
  }
});
