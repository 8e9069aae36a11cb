/**
 * Fault injection in the real app (issue 7): the demo view's renderer crashes. The shell says so,
 * reloads the view with backoff, and the call captured before the crash stays in the live feed
 * (and in the durable event log); the reloaded softphone captures calls again. Runs only where
 * an Electron binary exists (see run.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_HOST_URL, demoFrame, launchSwitchboard, liveFeed, shellUi } from './app';

test('a crashed vendor view is reported, reloaded, and nothing captured is lost', async () => {
  const { app, userData } = await launchSwitchboard('crash');
  try {
    const shell = await shellUi(app);
    const feed = liveFeed(shell);
    const offered = feed.filter({ hasText: 'interaction.offered' });
    const demo = await demoFrame(app);
    await demo.getByRole('button', { name: 'Simulate incoming call' }).click();
    await expect(offered.first()).toBeVisible({ timeout: 10_000 });
    const offeredBefore = await offered.count();

    await app.evaluate(({ webContents }, hostUrl) => {
      const view = webContents.getAllWebContents().find((w) => w.getURL().startsWith(hostUrl));
      if (!view) throw new Error(`no webContents at ${hostUrl}`);
      view.forcefullyCrashRenderer();
    }, DEMO_HOST_URL);
    await expect(feed.filter({ hasText: 'view recovering: renderer' }).first()).toBeVisible({ timeout: 15_000 });

    // Reloaded: a new demo softphone frame, and it works again; the call from before is still listed.
    const again = await demoFrame(app, demo);
    await again.getByRole('button', { name: 'Simulate incoming call' }).click();
    await expect.poll(() => offered.count(), { timeout: 10_000 }).toBeGreaterThan(offeredBefore);

    const logs = join(userData, 'logs');
    const events = readdirSync(logs).filter((f) => f.startsWith('events.')).map((f) => readFileSync(join(logs, f), 'utf8')).join('');
    expect(events).toContain('"kind":"interaction.offered"');
  } finally {
    await app.close();
  }
});
