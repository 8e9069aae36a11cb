/**
 * The pages an agent looks at, found the way the agent finds them: the shell UI (rendered: its
 * header and profile rail are on screen) and a profile's vendor page, with the demo softphone
 * inside its host page once its script runs.
 */
import type { Frame, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { AppProcess } from './app-process';
import type { ModelState } from '../model/control';

export async function shellPage(app: AppProcess): Promise<Page> {
  const page = await app.page('app://shell/');
  await expect(page.locator('header.top')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Profiles' })).toBeVisible();
  return page;
}

export async function demoPhone(app: AppProcess, profile = 'demo'): Promise<{ host: Page; phone: Frame }> {
  const host = await app.page(`app://host/profile/${profile}`);
  const phone = await app.frame(host, 'app://demo/');
  // The buttons are in the HTML before the page script runs; the script sets the phone's phase.
  await expect(phone.locator('body[data-phase]')).toHaveCount(1);
  return { host, phone };
}

export type Toast = ModelState['toasts'][number];

export async function waitForToast(app: AppProcess, match: (t: Toast) => boolean, what: string): Promise<Toast> {
  let found: Toast | undefined;
  await expect
    .poll(async () => {
      found = (await app.state()).toasts.find(match);
      return found !== undefined;
    }, { message: `a toast: ${what}` })
    .toBe(true);
  return found!;
}

export async function screenshot(app: AppProcess, path: string): Promise<void> {
  await app.call('screenshot', { path });
}

/** Settings → Forwarding status, as the agent reads it: the value shown next to `term`. */
export async function openForwardingStatus(shell: Page): Promise<(term: string) => Locator> {
  await shell.getByRole('button', { name: 'Settings' }).click();
  const forwarding = shell.locator('.service-status').filter({ hasText: 'Forwarding status' });
  return (term) => forwarding.locator(`dt:text-is("${term}") + dd`);
}
