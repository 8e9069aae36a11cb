/**
 * Shared by the Electron tier's specs: launch the built app with a fresh user-data folder, and
 * wait for its pages as a person would see them — the shell UI rendered, the demo softphone
 * attached in its host page and started — rather than taking whichever page or frame exists
 * first. Views and frames attach asynchronously after launch (and again after a crash).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, type ElectronApplication, type Frame, type Page } from '@playwright/test';

export const SHELL_URL = 'app://shell/index.html';
export const DEMO_HOST_URL = 'app://host/profile/demo';
const DEMO_ORIGIN = 'app://demo/';
const TIMEOUT = 20_000;

/** The built app (out/main) on the binary run.mjs found, its user data in a new temporary folder. */
export async function launchSwitchboard(name: string): Promise<{ app: ElectronApplication; userData: string }> {
  const userData = mkdtempSync(join(tmpdir(), `switchboard-${name}-`));
  const app = await electron.launch({
    executablePath: process.env.SWITCHBOARD_ELECTRON,
    args: ['out/main/index.js'],
    env: { ...process.env, SWITCHBOARD_USER_DATA: userData },
  });
  return { app, userData };
}

/** Polls `find` until it returns something, and returns that. */
async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  let found: T | undefined;
  await expect.poll(() => (found = find()) !== undefined, { message: `waiting for ${what}`, timeout: TIMEOUT }).toBe(true);
  return found as T;
}

/** An open page (window or view) whose URL starts with `prefix`. */
export function pageWithUrl(app: ElectronApplication, prefix: string): Promise<Page> {
  return waitFor(() => app.windows().find((p) => !p.isClosed() && p.url().startsWith(prefix)), `a page at ${prefix}`);
}

/** The shell UI once it has rendered main's first snapshot: its header and the profile rail. */
export async function shellUi(app: ElectronApplication): Promise<Page> {
  const page = await pageWithUrl(app, SHELL_URL);
  await expect(page.locator('header.top')).toBeVisible({ timeout: TIMEOUT });
  await expect(page.getByRole('navigation', { name: 'Profiles' })).toBeVisible({ timeout: TIMEOUT });
  return page;
}

/**
 * The demo softphone: a live frame at app://demo/ inside the demo profile's host page, once its
 * script has started (it sets body[data-phase]; a click before that would do nothing).
 * `not` skips the frame from before a crash, so a reloaded view is really waited for.
 */
export async function demoFrame(app: ElectronApplication, not?: Frame): Promise<Frame> {
  const frame = await waitFor(() => {
    for (const page of app.windows()) {
      if (page.isClosed() || !page.url().startsWith(DEMO_HOST_URL)) continue;
      const found = page.frames().find((f) => f !== not && !f.isDetached() && f.parentFrame() === page.mainFrame() && f.url().startsWith(DEMO_ORIGIN));
      if (found) return found;
    }
    return undefined;
  }, `the demo softphone framed in ${DEMO_HOST_URL}`);
  await expect(frame.locator('body')).toHaveAttribute('data-phase', 'idle', { timeout: TIMEOUT });
  return frame;
}

/** The shell's live feed in the rail: one list item per entry, newest first. */
export const liveFeed = (shell: Page) => shell.getByRole('list', { name: 'Latest events, newest first' }).getByRole('listitem');
