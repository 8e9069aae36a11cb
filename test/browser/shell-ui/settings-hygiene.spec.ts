/**
 * Settings as an agent meets it (issue 14 item 7): leaving with unsaved edits asks first; errors
 * say what to do; IT's fields are folded away; a policy is announced; times are 24-hour; the
 * shortcuts say ⌘ on macOS.
 */
import type { Page } from '@playwright/test';
import { POLICY, WORKDAY_SETTINGS, workday } from './data';
import { expect, test, type ShellUi } from './fixtures';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
}

const question = (page: Page) => page.getByRole('dialog', { name: 'Save your changes?' });
const retention = (page: Page) => page.getByRole('spinbutton', { name: 'Keep log files for (days)' });

test('leaving Settings with unsaved edits asks Save / Discard / Keep editing; without edits it just closes', async ({ openShell, page }) => {
  const ui: ShellUi = await openShell(workday());
  // No edits: Close closes.
  await openSettings(page);
  await page.getByRole('button', { name: 'Close settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toHaveCount(0);

  // An edit, then Close: asked; focus on Keep editing (a stray Enter loses nothing).
  await openSettings(page);
  await retention(page).fill('60');
  await page.getByRole('button', { name: 'Close settings' }).click();
  await expect(question(page)).toBeVisible();
  await expect(question(page).getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await ui.screenshot('settings-unsaved');
  await page.keyboard.press('Escape');
  await expect(question(page)).toHaveCount(0);
  await expect(retention(page)).toHaveValue('60');

  // Picking a profile in the rail asks too; Discard goes there and saves nothing.
  await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Chat desk/ }).click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(retention(page)).toHaveValue('60');
  await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Chat desk/ }).click();
  await question(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toHaveCount(0);
  await expect.poll(() => ui.argsOf('selectProfile')).toEqual([['chat']]);
  expect(await ui.argsOf('saveSettings')).toEqual([]);

  // Back in Settings the saved value is shown; an invalid edit and Save in the question: stays, shows the error.
  await openSettings(page);
  await expect(retention(page)).toHaveValue('30');
  await retention(page).fill('0');
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await question(page).getByRole('button', { name: 'Save' }).click();
  await expect(retention(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(await ui.argsOf('saveSettings')).toEqual([]);

  // Fixed, Save in the question saves and then goes where the agent was going (the activity page).
  await retention(page).fill('45');
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await question(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const [[saved]] = (await ui.argsOf('saveSettings')) as [[{ logs: { retentionDays: number } }]];
  expect(saved.logs.retentionDays).toBe(45);
});

test('errors say what to type: the origin with https:// added, the smallest number allowed, a 24-hour time', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(page);
  await page.getByRole('button', { name: 'Edit Chat desk' }).click();
  const card = page.locator('.profile-card').filter({ hasText: 'Chat desk' });
  await card.locator('summary', { hasText: 'Advanced (IT)' }).click();
  const origins = card.getByRole('textbox', { name: 'Allowed origins' });
  await origins.fill('cc.acme-telecom.com');
  await retention(page).fill('0');
  const from = page.getByRole('textbox', { name: 'From' });
  await from.fill('6:30 PM');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const errorOf = async (control: ReturnType<Page['locator']>) => {
    const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ');
    return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()))).flat().join(' ');
  };
  expect(await errorOf(origins)).toBe('Line 1: Add https:// → https://cc.acme-telecom.com');
  expect(await errorOf(retention(page))).toBe('Enter at least 1');
  expect(await errorOf(from)).toBe('Enter a 24-hour time such as 18:00');
  expect(await ui.argsOf('saveSettings')).toEqual([]);
  await origins.scrollIntoViewIfNeeded();
  await ui.screenshot('settings-errors');
});

test('IT’s fields (id, view mode, origins, sign-in hosts) are folded under "Advanced (IT)", which opens by itself for an error there', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(page);
  await page.getByRole('button', { name: 'Edit Sales US' }).click();
  const card = page.locator('.profile-card').filter({ hasText: 'Sales US' });
  await expect(card.getByRole('textbox', { name: 'Vendor URL' })).toBeVisible();
  for (const hidden of [card.getByRole('textbox', { name: 'Profile ID' }), card.getByRole('group', { name: 'How the view loads the vendor' }), card.getByRole('textbox', { name: 'Allowed origins' }), card.getByRole('textbox', { name: 'Sign-in popup hosts' })]) {
    await expect(hidden).toBeHidden();
  }
  await card.getByRole('button', { name: 'Close Sales US' }).click();

  // main refuses an origin (its issue is keyed by the profile's id): the card and its fold open at the error.
  await ui.respond('saveSettings', { ok: false, issues: [{ path: 'profiles.sales.allowedOrigins', message: 'Not allowed by the machine policy' }] });
  await retention(page).fill('31');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(card.getByRole('textbox', { name: 'Allowed origins' })).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Allowed origins' })).toHaveAttribute('aria-invalid', 'true');
});

test('a policy that applies is announced at the top of Settings: "Managed by your organisation"', async ({ openShell, page }) => {
  await openShell(workday(WORKDAY_SETTINGS, POLICY));
  await openSettings(page);
  const banner = page.getByRole('note', { name: 'Managed by your organisation' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Your IT team sets some of these settings');

  await page.goto('about:blank');
  await openShell(workday());
  await openSettings(page);
  await expect(page.getByText('Managed by your organisation')).toHaveCount(0);
});

test('the DND schedule is typed and shown in 24-hour time, like the rest of the app', async ({ openShell, page }) => {
  await openShell(workday());
  await openSettings(page);
  const from = page.getByRole('textbox', { name: 'From' });
  const until = page.getByRole('textbox', { name: 'Until' });
  // Not an <input type=time>: Chromium shows those as 06:00 PM in an en-US locale.
  await expect(from).toHaveAttribute('type', 'text');
  await expect(from).toHaveValue('18:00');
  await expect(until).toHaveValue('08:00');
  await expect(from).toHaveAccessibleDescription('24-hour, such as 18:00.');
});

test('shortcut hints: ⌘1 on macOS (aria-keyshortcuts Meta+1), Ctrl+1 elsewhere', async ({ openShell, page }) => {
  await openShell(workday());
  const sales = page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Sales US/ });
  await expect(sales.locator('kbd')).toHaveText('Ctrl+1');
  await expect(sales).toHaveAttribute('aria-keyshortcuts', 'Control+1');

  // Chromium reports "MacIntel" as navigator.platform on every Mac.
  await page.goto('about:blank');
  await page.addInitScript('Object.defineProperty(Navigator.prototype, "platform", { get: () => "MacIntel" })');
  await openShell(workday());
  await expect(sales.locator('kbd')).toHaveText('⌘1');
  await expect(sales).toHaveAttribute('aria-keyshortcuts', 'Meta+1');
});
