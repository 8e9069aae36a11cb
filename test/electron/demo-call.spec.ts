/**
 * The built app, started for real: first start shows the demo softphone; a simulated call in the
 * demo page reaches the core and appears in the shell UI's live feed. Runs only where an Electron
 * binary exists (see run.mjs).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type Page } from '@playwright/test';

async function pageWithUrl(app: Awaited<ReturnType<typeof electron.launch>>, prefix: string): Promise<Page> {
  await expect.poll(() => app.windows().some((p) => p.url().startsWith(prefix)), { timeout: 20_000 }).toBe(true);
  return app.windows().find((p) => p.url().startsWith(prefix))!;
}

test('start → demo → simulated call → core event in the shell feed', async () => {
  const app = await electron.launch({
    executablePath: process.env.SWITCHBOARD_ELECTRON,
    args: ['out/main/index.js'],
    env: { ...process.env, SWITCHBOARD_USER_DATA: mkdtempSync(join(tmpdir(), 'switchboard-e2e-')) },
  });
  try {
    const host = await pageWithUrl(app, 'app://host/profile/demo');
    const shellUi = await pageWithUrl(app, 'app://shell/');
    const demo = host.frames().find((f) => f.url().startsWith('app://demo/'));
    expect(demo, 'the demo softphone is framed in its host page').toBeTruthy();
    await demo!.getByRole('button', { name: 'Simulate incoming call' }).click();
    await expect(shellUi.locator('body')).toContainText('interaction.offered', { timeout: 10_000 });
    await expect(shellUi.getByRole('banner')).toContainText('Ringing');
  } finally {
    await app.close();
  }
});
