/**
 * Fault injection in the real app (issue 7): the demo view's renderer crashes. The shell says so,
 * reloads the view with backoff, and the call captured before the crash stays in the live feed
 * (and in the durable event log). Runs only where an Electron binary exists (see run.mjs).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type Page } from '@playwright/test';

async function pageWithUrl(app: Awaited<ReturnType<typeof electron.launch>>, prefix: string): Promise<Page> {
  await expect.poll(() => app.windows().some((p) => p.url().startsWith(prefix)), { timeout: 20_000 }).toBe(true);
  return app.windows().find((p) => p.url().startsWith(prefix))!;
}

test('a crashed vendor view is reported, reloaded, and nothing captured is lost', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'switchboard-crash-'));
  const app = await electron.launch({ executablePath: process.env.SWITCHBOARD_ELECTRON, args: ['out/main/index.js'], env: { ...process.env, SWITCHBOARD_USER_DATA: userData } });
  try {
    const host = await pageWithUrl(app, 'app://host/profile/demo');
    const shellUi = await pageWithUrl(app, 'app://shell/');
    const demo = host.frames().find((f) => f.url().startsWith('app://demo/'))!;
    await demo.getByRole('button', { name: 'Simulate incoming call' }).click();
    await expect(shellUi.locator('body')).toContainText('interaction.offered', { timeout: 10_000 });

    await app.evaluate(({ webContents }) => {
      const view = webContents.getAllWebContents().find((w) => w.getURL().startsWith('app://host/profile/demo'));
      view?.forcefullyCrashRenderer();
    });
    await expect(shellUi.locator('body')).toContainText('view recovering: renderer', { timeout: 15_000 });
    // Reloaded: the demo page is back and works again.
    const again = await pageWithUrl(app, 'app://host/profile/demo');
    await expect.poll(() => again.frames().some((f) => f.url().startsWith('app://demo/')), { timeout: 20_000 }).toBe(true);
    await expect(shellUi.locator('body')).toContainText('interaction.offered');

    const logs = join(userData, 'logs');
    const events = readdirSync(logs).filter((f) => f.startsWith('events.')).map((f) => readFileSync(join(logs, f), 'utf8')).join('');
    expect(events).toContain('"kind":"interaction.offered"');
  } finally {
    await app.close();
  }
});
