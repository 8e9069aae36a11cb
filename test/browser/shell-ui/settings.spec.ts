/**
 * Settings: profiles added, validated inline with the contract's messages, saved, reordered and
 * removed; main's own issues; every other option; IT locks; the forwarding connection test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { logDirProblem } from '../../../src/main/settings/log-dir-check';
import { SettingsSchema, type SettingsInput } from '../../../src/shared/contract/settings';
import { POLICY_FILE } from '../../support/shell-main';
import { POLICY, PROFILE_LIST_POLICY, WORKDAY_SETTINGS, workday } from './data';
import { expect, test, type ShellUi } from './fixtures';

async function openSettings(ui: ShellUi, page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await expect.poll(() => ui.argsOf('setOverlay')).toEqual([[false], [true]]);
}

/** The error text a control points at with aria-describedby (and its aria-invalid). */
async function errorOf(page: Page, control: ReturnType<Page['locator']>): Promise<string> {
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ');
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()));
  return texts.flat().join(' ');
}

/** The control is disabled and describes itself by a lock note (with its icon) giving `reason`. */
async function expectLocked(page: Page, control: ReturnType<Page['locator']>, reason: string): Promise<void> {
  await expect(control).toBeDisabled();
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ');
  const note = page.locator(ids.map((id) => `[id="${id}"].lock-note`).join(', '));
  await expect(note).toHaveText(`Locked by IT: ${reason}`);
  await expect(note.locator('svg.lock-icon')).toHaveCount(1);
}

const cards = (page: Page) => page.locator('.profile-card h3');

/** Opens a profile card's "Advanced (IT)" fold (id, view mode, origins, sign-in hosts). */
const openAdvanced = (card: ReturnType<Page['locator']>) => card.locator('summary', { hasText: 'Advanced (IT)' }).click();

test('a new profile with a bad URL, origins, auth host and mode shows each error at its field and is not saved; fixed, it is saved as typed', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(ui, page);
  await page.getByRole('button', { name: 'Add profile' }).click();
  const card = page.locator('.profile-card').last();
  const name = card.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await name.fill('Billing');
  await openAdvanced(card);
  await expect(card.getByRole('textbox', { name: 'Profile ID' })).toHaveValue('billing');
  await card.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'ExpertFlow Agent Desk' });
  const url = card.getByRole('textbox', { name: 'Vendor URL' });
  await url.fill('http://billing.example.com/desk');
  const origins = card.getByRole('textbox', { name: 'Allowed origins' });
  await origins.fill('https://billing.example.com\nbilling.example.com/desk');
  const hosts = card.getByRole('textbox', { name: 'Sign-in popup hosts' });
  await hosts.fill('Login.Example.com');
  await card.getByRole('radio', { name: 'Framed: inside Switchboard’s host page' }).check();
  await card.getByRole('checkbox', { name: 'Camera' }).check();
  await card.getByRole('checkbox', { name: 'Missed calls' }).uncheck();

  await page.getByRole('button', { name: 'Save settings' }).click();
  expect(await errorOf(page, url)).toBe('Use https:// → https://billing.example.com/desk');
  // In plain words, with the fix (logic/plain-errors.ts), not "is not a serialized origin".
  expect(await errorOf(page, origins)).toBe('Line 2: Add https:// and remove the path → https://billing.example.com');
  expect(await errorOf(page, hosts)).toBe('Line 1: Must be a lower-case host name, optionally starting with "*."');
  const mode = card.getByRole('group', { name: 'How the view loads the vendor' });
  expect(await errorOf(page, mode)).toBe('ExpertFlow needs "direct": its events are tapped from the Agent Desk page itself');
  await expect(page.getByRole('alert').filter({ hasText: 'problems to fix before saving' })).toHaveText('4 problems to fix before saving: see the marked fields.');
  // Focus goes to the first field to fix.
  await expect(url).toBeFocused();
  // Nothing to wait for: the click was handled (errors shown, focus moved) without a save.
  expect(await ui.argsOf('saveSettings')).toEqual([]);
  await ui.screenshot('settings-errors-new-profile');

  // Fixing a field clears its error at once.
  await url.fill('https://billing.example.com/desk');
  await expect(url).not.toHaveAttribute('aria-invalid');
  await origins.fill('https://billing.example.com\n\nhttps://*.billing.example.com');
  await hosts.fill('login.example.com');
  await card.getByRole('radio', { name: 'Direct: the vendor page itself' }).check();
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  const expected = SettingsSchema.parse({
    ...WORKDAY_SETTINGS,
    profiles: [
      ...WORKDAY_SETTINGS.profiles!,
      {
        id: 'billing',
        name: 'Billing',
        vendor: 'expertflow',
        url: 'https://billing.example.com/desk',
        allowedOrigins: ['https://billing.example.com', 'https://*.billing.example.com'],
        mode: 'direct',
        media: { audio: true, video: true },
        authHosts: ['login.example.com'],
        notifications: { offered: true, missed: false, messages: true },
      },
    ],
  });
  await expect.poll(() => ui.argsOf('saveSettings')).toEqual([[expected]]);
  // Saved: the page reloads what main now holds.
  await expect.poll(() => ui.argsOf('getSettings')).toHaveLength(2);
});

test('origin patterns over a public suffix or a whole scheme are refused at the field, with the reason', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(ui, page);
  await page.getByRole('button', { name: 'Add profile' }).click();
  const card = page.locator('.profile-card').last();
  await card.getByRole('textbox', { name: 'Name' }).fill('UK desk');
  await card.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'RingCentral Embeddable' });
  await openAdvanced(card);
  const origins = card.getByRole('textbox', { name: 'Allowed origins' });
  await origins.fill('https://*.ringcentral.com\nhttps://*.co.uk\nfile://*\nhttps://app.example.co.uk');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const error = await errorOf(page, origins);
  expect(error).toContain('Line 2: "https://*.co.uk": "co.uk" is a public suffix (anyone can register a name under it), so "*.co.uk" would match sites of every owner');
  expect(error).toContain('Line 3: "file://*": only https:// origins can be allowed (http:// only for localhost); file: is not a vendor\'s web origin');
  expect(error).not.toMatch(/Line [14]:/);
  expect(await ui.argsOf('saveSettings')).toEqual([]);

  await origins.fill('https://*.ringcentral.com\nhttps://app.example.co.uk');
  await expect(origins).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  const saved = (await ui.argsOf('saveSettings'))[0]![0] as { profiles: { name: string; allowedOrigins: string[] }[] };
  expect(saved.profiles.find((p) => p.name === 'UK desk')?.allowedOrigins).toEqual(['https://*.ringcentral.com', 'https://app.example.co.uk']);
});

test('the log folder: a relative path is an error at the field; a file is refused by main, shown at the field', async ({ openShell, page }) => {
  const aFile = join(mkdtempSync(join(tmpdir(), 'log-folder-')), 'not-a-folder');
  writeFileSync(aFile, 'x');
  // What main answers for that path (settings-controller.ts), made by main's own check.
  const ui = await openShell(workday(), { saveSettings: { ok: false, issues: [{ path: 'logs.dir', message: logDirProblem(aFile)! }] } });
  await openSettings(ui, page);
  const folder = page.getByRole('textbox', { name: 'Log folder' });
  await expect(folder).toHaveValue('');
  await folder.fill('logs');
  await page.getByRole('button', { name: 'Save settings' }).click();
  expect(await errorOf(page, folder)).toBe('Must be an absolute folder path, such as /var/log/switchboard or C:\\Logs\\Switchboard (empty: the default folder)');
  expect(await ui.argsOf('saveSettings')).toEqual([]);

  await folder.fill(aFile);
  await expect(folder).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Save settings' }).click();
  expect(await errorOf(page, folder)).toBe(`${aFile} is a file, not a folder`);
  const sent = (await ui.argsOf('saveSettings'))[0]![0] as { logs: { dir: string | null } };
  expect(sent.logs.dir).toBe(aFile);
});

test("main's own issues are shown at their fields (a profile's card opens itself) and in the summary", async ({ openShell, page }) => {
  const ui = await openShell(workday(), {
      saveSettings: {
        ok: false,
        issues: [
          { path: 'profiles.1.url', message: 'this host is not on the machine policy allow-list' },
          { path: 'forwarding.endpoint', message: 'must be on the corporate network' },
          { path: '', message: 'settings are being changed by another window' },
        ],
      },
    });
  await openSettings(ui, page);
  await expect(page.getByRole('textbox', { name: 'Vendor URL' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save settings' }).click();

  const chat = page.locator('.profile-card').filter({ hasText: 'Chat desk' });
  expect(await errorOf(page, chat.getByRole('textbox', { name: 'Vendor URL' }))).toBe('This host is not on the machine policy allow-list');
  await expect(chat.getByRole('button', { name: 'Close Chat desk' })).toHaveAttribute('aria-expanded', 'true');
  expect(await errorOf(page, page.getByRole('textbox', { name: 'Forwarding endpoint' }))).toBe('Must be on the corporate network');
  await expect(page.getByRole('alert').filter({ hasText: 'problems to fix' })).toContainText('Settings are being changed by another window');
  await expect.poll(() => ui.argsOf('saveSettings')).toHaveLength(1);
});

test('profiles are moved up and down and removed; Save sends the new order', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(ui, page);
  await expect(cards(page)).toHaveText([/^Sales US/, /^Chat desk/, /^Support EU/]);
  await expect(page.getByRole('button', { name: 'Move up Sales US' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move down Support EU' })).toBeDisabled();

  const down = page.getByRole('button', { name: 'Move down Sales US' });
  await down.click();
  await expect(cards(page)).toHaveText([/^Chat desk/, /^Sales US/, /^Support EU/]);
  // Focus stays with the moved profile.
  await expect(down).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cards(page)).toHaveText([/^Chat desk/, /^Support EU/, /^Sales US/]);
  await expect(page.getByRole('button', { name: 'Move up Sales US' })).toBeFocused();
  await page.getByRole('button', { name: 'Move up Support EU' }).click();
  await expect(cards(page)).toHaveText([/^Support EU/, /^Chat desk/, /^Sales US/]);

  await page.getByRole('button', { name: 'Remove Chat desk' }).click();
  await expect(cards(page)).toHaveText([/^Support EU/, /^Sales US/]);
  await expect(page.getByRole('button', { name: 'Edit Sales US' })).toBeFocused();

  await page.getByRole('button', { name: 'Save settings' }).click();
  await ui.waitForCalls('saveSettings');
  const [[saved]] = (await ui.argsOf('saveSettings')) as [[SettingsInput]];
  expect(saved.profiles!.map((p) => p.id)).toEqual(['support', 'sales']);

  // Revert brings back what main holds.
  await page.getByRole('button', { name: 'Remove Sales US' }).click();
  await page.getByRole('button', { name: 'Revert changes' }).click();
  await expect(cards(page)).toHaveText([/^Sales US/, /^Chat desk/, /^Support EU/]);
});

test('every other option is edited and saved; an out-of-range number is an inline error', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(ui, page);
  await page.getByRole('checkbox', { name: 'Calls ring through do not disturb' }).check();
  await page.getByRole('checkbox', { name: 'No notification for the profile on screen' }).check();
  await page.getByRole('spinbutton', { name: 'Stop ringing after (seconds)' }).fill('45');
  await page.getByRole('checkbox', { name: 'Turn on do not disturb on a weekly schedule' }).check();
  const days = page.getByRole('group', { name: 'Weekdays' });
  await days.getByRole('checkbox', { name: 'Mon' }).uncheck();
  await days.getByRole('checkbox', { name: 'Sat' }).check();
  await page.getByLabel('From', { exact: true }).fill('19:30');
  await page.getByLabel('Until', { exact: true }).fill('07:15');
  await page.getByRole('checkbox', { name: 'Go away when I am idle' }).check();
  const idle = page.getByRole('spinbutton', { name: 'Idle minutes before going away' });
  await idle.fill('15');
  const onLock = page.getByRole('checkbox', { name: 'Go away when the screen locks' });
  // What Linux can and cannot notice is said next to the option.
  await expect(onLock).toHaveAccessibleDescription(/On Linux a locked screen is noticed within 30 seconds .*; where the desktop does not, only the idle minutes count\./);
  await onLock.uncheck();
  await page.getByRole('checkbox', { name: 'Start Switchboard when I log in' }).check();
  await page.getByRole('checkbox', { name: 'At login, start minimized to the tray' }).check();
  await page.getByRole('combobox', { name: 'Redaction' }).selectOption('numbers');
  const retention = page.getByRole('spinbutton', { name: 'Keep log files for (days)' });
  await retention.fill('0');
  await page.getByRole('textbox', { name: 'Forwarding endpoint' }).fill('https://siem.example.com/in');

  await page.getByRole('button', { name: 'Save settings' }).click();
  expect(await errorOf(page, retention)).toBe('Enter at least 1');
  await expect(retention).toBeFocused();
  await retention.fill('90');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await ui.waitForCalls('saveSettings');
  const [[saved]] = (await ui.argsOf('saveSettings')) as [[SettingsInput]];
  expect(saved).toEqual(
    SettingsSchema.parse({
      ...WORKDAY_SETTINGS,
      notifications: { ringThroughDnd: true, suppressWhenFocused: true, ringTimeoutSeconds: 45 },
      dndSchedule: { enabled: true, days: [2, 3, 4, 5, 6], start: '19:30', end: '07:15' },
      autoAway: { enabled: true, idleMinutes: 15, onLock: false },
      startup: { atLogin: true, minimized: true },
      logs: { redaction: 'numbers', retentionDays: 90 },
      forwarding: { endpoint: 'https://siem.example.com/in' },
    }),
  );
});

/** Every lock main derives from a policy file gives this reason (src/main/settings/policy.ts). */
const POLICY_REASON = `Set by your IT department (policy file ${POLICY_FILE})`;

test('fields IT locked are disabled and show a lock with the reason; Save keeps their values', async ({ openShell, page }) => {
  // The policy forces redaction and the forwarding endpoint, locks the weekdays and the sales profile.
  const ui = await openShell(workday(WORKDAY_SETTINGS, POLICY));
  expect(ui.main.locks).toEqual({ 'logs.redaction': POLICY_REASON, 'forwarding.endpoint': POLICY_REASON, 'profiles.sales': POLICY_REASON, 'dndSchedule.days': POLICY_REASON });
  await openSettings(ui, page);

  const locked = (control: ReturnType<Page['locator']>) => expectLocked(page, control, POLICY_REASON);
  await locked(page.getByRole('combobox', { name: 'Redaction' }));
  await expect(page.getByRole('combobox', { name: 'Redaction' })).toHaveValue('numbers');
  await locked(page.getByRole('textbox', { name: 'Forwarding endpoint' }));
  await expect(page.getByRole('textbox', { name: 'Forwarding endpoint' })).toHaveValue('https://siem.corp.example/in');
  await expect(page.getByRole('spinbutton', { name: 'Keep log files for (days)' })).toBeEnabled();
  for (const day of ['Mon', 'Sun']) await expect(page.getByRole('group', { name: 'Weekdays' }).getByRole('checkbox', { name: day })).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Weekdays' })).toHaveAccessibleDescription(`Locked by IT: ${POLICY_REASON}`);

  // A locked profile: no removing or moving it (nor moving another past it); its fields locked.
  const sales = page.locator('.profile-card').filter({ hasText: 'Sales US' });
  await expect(sales.locator('.lock-note')).toHaveText(`Locked by IT: ${POLICY_REASON}`);
  await expect(page.getByRole('button', { name: 'Remove Sales US' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move down Sales US' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move up Chat desk' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move down Chat desk' })).toBeEnabled();
  await page.getByRole('button', { name: 'View Sales US' }).click();
  await locked(sales.getByRole('textbox', { name: 'Vendor URL' }));
  await openAdvanced(sales);
  await expect(sales.getByRole('radio', { name: 'Direct: the vendor page itself' })).toBeDisabled();
  await page.getByRole('button', { name: 'Edit Chat desk' }).click();
  await expect(page.locator('.profile-card').filter({ hasText: 'Chat desk' }).getByRole('textbox', { name: 'Vendor URL' })).toBeEnabled();
  await page.getByRole('button', { name: 'Close Chat desk' }).click();
  await sales.getByRole('textbox', { name: 'Vendor URL' }).scrollIntoViewIfNeeded();
  await ui.screenshot('settings-locked');

  await page.getByRole('spinbutton', { name: 'Keep log files for (days)' }).fill('60');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await ui.waitForCalls('saveSettings');
  const [[saved]] = (await ui.argsOf('saveSettings')) as [[SettingsInput]];
  expect(saved.logs).toMatchObject({ redaction: 'numbers', retentionDays: 60 });
  expect(saved.forwarding?.endpoint).toBe('https://siem.corp.example/in');
});

test('a lock on the whole profile list freezes adding, removing and moving', async ({ openShell, page }) => {
  const ui = await openShell(workday(WORKDAY_SETTINGS, PROFILE_LIST_POLICY));
  expect(ui.main.locks).toEqual({ 'profiles.sales': POLICY_REASON, 'profiles.chat': POLICY_REASON, 'profiles.support': POLICY_REASON, profiles: POLICY_REASON });
  await openSettings(ui, page);
  await expect(page.getByRole('region', { name: 'Profiles' }).locator('> .lock-note')).toHaveText(`Locked by IT: ${POLICY_REASON}`);
  await expect(page.getByRole('button', { name: 'Add profile' })).toBeDisabled();
  for (const name of ['Sales US', 'Chat desk', 'Support EU']) {
    await expect(page.getByRole('button', { name: `Remove ${name}` })).toBeDisabled();
    await expect(page.getByRole('button', { name: `Move down ${name}` })).toBeDisabled();
  }
  // Every profile's fields point at the list's one lock note.
  await page.getByRole('button', { name: 'View Chat desk' }).click();
  await openAdvanced(page.locator('.profile-card').filter({ hasText: 'Chat desk' }));
  await expectLocked(page, page.getByRole('textbox', { name: 'Allowed origins' }), POLICY_REASON);
  await expect(page.locator('.lock-note')).toHaveCount(1);
});

test('Test connection sends the endpoint as typed and shows the result, success or failure', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await openSettings(ui, page);
  const test = page.getByRole('button', { name: 'Test connection' });
  await expect(test).toBeDisabled();
  await page.getByRole('textbox', { name: 'Forwarding endpoint' }).fill(' https://siem.example.com/in ');
  await test.click();
  await expect(page.getByRole('status').filter({ hasText: 'Connection works' })).toHaveText('Connection works (HTTP 200): the endpoint accepted a test batch');

  await ui.respond('testForwarding', { ok: false, status: 503, message: 'Service Unavailable' });
  await test.click();
  await expect(page.getByRole('alert')).toHaveText('Connection failed (HTTP 503): Service Unavailable');
  await ui.respond('testForwarding', { ok: false, message: 'getaddrinfo ENOTFOUND siem.example.com' });
  await test.click();
  await expect(page.getByRole('alert')).toHaveText('Connection failed: getaddrinfo ENOTFOUND siem.example.com');
  await expect.poll(() => ui.argsOf('testForwarding')).toEqual([['https://siem.example.com/in'], ['https://siem.example.com/in'], ['https://siem.example.com/in']]);
  // Testing saves nothing (the three answers above are shown: every click was handled).
  expect(await ui.argsOf('saveSettings')).toEqual([]);
});
