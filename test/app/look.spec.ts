/**
 * The compact rail (issue 14 item 6): below 1000 px of content the shell UI draws its icons-only
 * rail (src/renderer/shell/styles/compact.css) and main lays the vendor view out beside that
 * narrower rail (SHELL_CHROME in src/main/shell/shell-window.ts). Both decide on the same width,
 * so the vendor page never covers the rail nor leaves a gap: checked against the real rendered
 * shell UI in Chromium and the bounds main gave the vendor view.
 */
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { shellPage } from './harness/views';

async function vendorViewX(app: AppProcess): Promise<number | undefined> {
  const state = await app.state();
  const win = state.windows[0]!;
  return win.views.find((v) => state.contents.find((c) => c.id === v.contents)?.url.startsWith('app://host/profile/demo'))?.bounds.x;
}

test('a 900 px window: the rendered rail and the vendor view’s left edge are both the compact 72 px; back at 1280 px both are 280 px', async ({ launch }) => {
  const app = await launch();
  const shell = await shellPage(app);
  const railWidth = () => shell.locator('.rail').evaluate((el) => el.getBoundingClientRect().width);
  await expect.poll(() => vendorViewX(app)).toBe(280);
  expect(await railWidth()).toBe(280);

  const id = (await app.state()).windows[0]!.id;
  await app.call('resize', { window: id, width: 900, height: 600 });
  await expect.poll(() => vendorViewX(app), { message: 'main moved the vendor view' }).toBe(72);
  await expect.poll(railWidth, { message: 'the shell UI drew the compact rail' }).toBe(72);

  await app.call('resize', { window: id, width: 1280, height: 820 });
  await expect.poll(() => vendorViewX(app)).toBe(280);
  await expect.poll(railWidth).toBe(280);
});
