/**
 * Accessibility of every screen: axe (@axe-core/playwright) finds no serious or critical
 * violation, and the keyboard alone reaches every control, each with an accessible name
 * (Chromium's own accessibility tree, read over CDP).
 */
import type { CDPSession, Page } from '@playwright/test';
import { BROKEN_LOGS_SETTINGS, firstRun, POLICY, ringingDay, WORKDAY_SETTINGS, workday } from './data';
import { expect, test, type ShellUi } from './fixtures';

/** axe on the screen as it is, in the light and the dark theme (styles/theme.css follows prefers-color-scheme). */
async function expectNoSeriousViolations(ui: ShellUi, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await ui.page.emulateMedia({ colorScheme });
    const found = await ui.seriousViolations();
    if (found.length > 0) console.log(`axe on ${screen} (${colorScheme}):\n  ${found.join('\n  ')}`);
    expect(found, `axe: serious or critical violations on ${screen} in the ${colorScheme} theme`).toEqual([]);
  }
  await ui.page.emulateMedia({ colorScheme: 'light' });
}

// Each screen is checked in both themes: twice the axe runs of one screen.
test.describe.configure({ timeout: 90_000 });

// One screen (or two) per test: a full axe run takes seconds, more on a loaded machine, and six
// of them in one test outran its 30 s.
test('axe: the main screen (ringing, a settings problem, a recovering view, the feed) and the presence panel', async ({ openShell, page }) => {
  const ui = await openShell(ringingDay());
  await expectNoSeriousViolations(ui, 'main (ringing, problems, recovering view, feed)');
  await page.getByRole('button', { name: /^Presence:/ }).click();
  await expect(page.getByRole('group', { name: 'Presence and do not disturb' })).toBeVisible();
  await expectNoSeriousViolations(ui, 'presence panel');
});

test('axe: the feed page with a raw payload open', async ({ openShell, page }) => {
  const ui = await openShell(ringingDay());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await page.getByRole('button', { name: 'Diagnostics (for IT)' }).click();
  await page.getByRole('button', { name: /^Show raw of interaction\.offered/ }).first().click();
  await expect(page.locator('#feed-raw')).not.toHaveText('Loading…');
  await expectNoSeriousViolations(ui, 'feed expanded');
});

test('axe: settings, plain and with errors', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit Sales US' }).click();
  await expectNoSeriousViolations(ui, 'settings');

  await page.getByRole('button', { name: 'Add profile' }).click();
  await page.getByRole('textbox', { name: 'Vendor URL' }).last().fill('ftp://nope');
  await page.locator('.profile-card').last().locator('summary', { hasText: 'Advanced (IT)' }).click();
  await page.getByRole('textbox', { name: 'Allowed origins' }).last().fill('nope');
  await page.getByRole('spinbutton', { name: 'Keep log files for (days)' }).fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectNoSeriousViolations(ui, 'settings with errors');
});

test('axe: settings with IT locks', async ({ openShell, page }) => {
  const ui = await openShell(workday(WORKDAY_SETTINGS, POLICY));
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'View Sales US' }).click();
  await expect(page.locator('.lock-note').first()).toBeVisible();
  await expect(page.getByRole('note', { name: 'Managed by your organisation' })).toBeVisible();
  await expectNoSeriousViolations(ui, 'settings with locks and the managed banner');
});

test('axe: the compact rail at 900×600, and settings there with the Advanced (IT) fold open', async ({ openShell, page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const ui = await openShell(ringingDay());
  await expectNoSeriousViolations(ui, 'compact main screen');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Edit Sales US' }).click();
  await page.locator('.profile-card').filter({ hasText: 'Sales US' }).locator('summary', { hasText: 'Advanced (IT)' }).click();
  await expectNoSeriousViolations(ui, 'compact settings with the Advanced fold');
});

test('axe: the unsaved-changes question', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Keep log files for (days)' }).fill('60');
  await page.getByRole('button', { name: 'Close settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Save your changes?' })).toBeVisible();
  await expectNoSeriousViolations(ui, 'unsaved-changes question');
});

test('axe: first run with the guide', async ({ openShell, page }) => {
  const ui = await openShell(firstRun().main);
  await expect(page.getByRole('complementary', { name: 'Welcome to Switchboard' })).toBeVisible();
  await expectNoSeriousViolations(ui, 'first run with the guide');
});

interface Stop {
  probe: string | null;
  role: string;
  name: string;
}

interface ProbeElement {
  type?: string;
  name?: string;
  checked?: boolean;
  getAttribute(n: string): string | null;
  setAttribute(n: string, v: string): void;
  removeAttribute(n: string): void;
  getClientRects(): { length: number };
  closest(s: string): unknown;
  matches(s: string): boolean;
}

/**
 * Marks every visible, enabled, tabbable control in `scope` (a CSS selector) and returns their
 * count. A radio group is one tab stop (its checked radio; arrow keys move within it).
 */
function markTabbables(page: Page, scope: string): Promise<number> {
  return page.evaluate((sel) => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<ProbeElement> } }).document;
    for (const el of doc.querySelectorAll('[data-tab-probe]')) el.removeAttribute('data-tab-probe');
    const candidates = [...doc.querySelectorAll(`${sel} :is(a[href], button, input, select, textarea, [tabindex])`)];
    const tabbable = candidates.filter((el) => !el.matches(':disabled') && el.getAttribute('tabindex') !== '-1' && el.getClientRects().length > 0 && !el.closest('[hidden]'));
    const stops = tabbable.filter((el) => el.type !== 'radio' || el.checked || !tabbable.some((o) => o.type === 'radio' && o.name === el.name && o.checked));
    const groups = new Set<string>();
    const unique = stops.filter((el) => el.type !== 'radio' || (!groups.has(el.name ?? '') && Boolean(groups.add(el.name ?? ''))));
    unique.forEach((el, i) => el.setAttribute('data-tab-probe', String(i)));
    return unique.length;
  }, scope);
}

async function focused(cdp: CDPSession): Promise<Stop> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  const probe = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement?.getAttribute("data-tab-probe") ?? null', returnByValue: true });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId!, fetchRelatives: false });
  const node = nodes[0];
  return { probe: (probe.result.value as string | null) ?? null, role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? '').trim() };
}

/**
 * Presses Tab until focus comes back round to the first stop (or `max` presses), returning every
 * stop once (a time input keeps focus while Tab walks its hour and minute parts).
 */
async function tabRound(page: Page, cdp: CDPSession, max: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(cdp);
    if (stop.probe !== null && stop.probe === stops.find((s) => s.probe !== null)?.probe) break;
    if (stop.probe !== null && stop.probe === stops.at(-1)?.probe) continue;
    stops.push(stop);
  }
  return stops;
}

function expectAllReachedAndNamed(stops: Stop[], count: number, screen: string): void {
  const reached = new Set(stops.map((s) => s.probe).filter((p) => p !== null));
  const missing = Array.from({ length: count }, (_, i) => String(i)).filter((p) => !reached.has(p));
  expect(missing, `${screen}: controls the Tab key never reached`).toEqual([]);
  const unnamed = stops.filter((s) => s.probe !== null && s.name === '');
  expect(unnamed, `${screen}: controls without an accessible name`).toEqual([]);
}

test('keyboard only: Tab reaches every control of the main screen, the presence panel, the feed page and settings; each has a name', async ({ openShell, page }) => {
  // First run: the guide's button is a stop between the profiles and the feed.
  await openShell(firstRun().main);
  let cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  let count = await markTabbables(page, 'body');
  let stops = await tabRound(page, cdp, count + 5);
  expectAllReachedAndNamed(stops, count, 'first run');
  expect(stops.filter((s) => s.probe !== null).map((s) => s.name)).toEqual(['Presence: Available', 'Settings', 'Demo softphone, Available', 'Missed calls', 'Got it, hide the guide', 'Expand activity']);

  await page.goto('about:blank');
  await openShell(ringingDay({ ...BROKEN_LOGS_SETTINGS, forwarding: { endpoint: 'https://siem.example.com/in' } }));
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');

  // Main screen: header, rail (profiles, feed panel).
  count = await markTabbables(page, 'body');
  expect(count).toBeGreaterThanOrEqual(8);
  stops = await tabRound(page, cdp, count + 5);
  expectAllReachedAndNamed(stops, count, 'main screen');
  expect(stops.filter((s) => s.probe !== null).map((s) => s.name)).toEqual([
    'Presence: Ringing',
    'Ringing: Sales US — +1 415 555 0123',
    '1 problem with the settings: show them',
    'Settings',
    'Answer',
    'Decline',
    'Sales US, RingCentral Embeddable, Ringing, +14155550123',
    'Chat desk, RingCentral Engage Digital, Available',
    'Support EU, ExpertFlow Agent Desk, Available, page not responding for 15 s; reloading in 1 s',
    'Missed calls',
    'Expand activity',
    'Latest activity, newest first',
  ]);

  // The presence panel opens from the keyboard and its controls follow the button.
  const presence = page.getByRole('button', { name: /^Presence:/ });
  await presence.focus();
  await page.keyboard.press('Enter');
  await expect(presence).toHaveAttribute('aria-expanded', 'true');
  count = await markTabbables(page, '.presence-panel');
  stops = await tabRound(page, cdp, count);
  expect(stops.map((s) => s.name)).toEqual(['Available', 'Break', 'Away', 'Offline', 'How long', 'On', 'For 1 hour', 'Until tomorrow 08:00', 'Off', 'Sales US — Ringing', 'Support EU — Available']);
  expectAllReachedAndNamed(stops, count, 'presence panel');
  await page.keyboard.press('Escape');

  // The feed page, opened with Enter; a raw payload opened with the keyboard is focusable too.
  await page.getByRole('button', { name: 'Expand activity' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeFocused();
  count = await markTabbables(page, '.content');
  stops = await tabRound(page, cdp, 2 * count + 20);
  expectAllReachedAndNamed(stops, count, 'activity page');
  expect(stops.map((s) => s.name)).toContain('Activity, newest first');
  // Diagnostics, from the Activity page with Enter.
  await page.getByRole('button', { name: 'Diagnostics (for IT)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeFocused();
  await page.getByRole('button', { name: /^Show raw of interaction\.offered/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#feed-raw')).not.toHaveText('Loading…');
  await page.getByRole('heading', { level: 1, name: 'Diagnostics' }).focus();
  count = await markTabbables(page, '.content');
  stops = await tabRound(page, cdp, 2 * count + 20);
  expectAllReachedAndNamed(stops, count, 'diagnostics page');
  expect(stops.map((s) => s.name)).toContain('Raw payload of interaction.offered');

  // Settings, opened with Enter on the header button.
  await page.getByRole('button', { name: 'Settings', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await page.getByRole('button', { name: 'Edit Chat desk' }).focus();
  await page.keyboard.press('Enter');
  // The IT fold opens from the keyboard too.
  await page.locator('.profile-card').filter({ hasText: 'Chat desk' }).locator('summary', { hasText: 'Advanced (IT)' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).focus();
  count = await markTabbables(page, '.content');
  expect(count).toBeGreaterThan(40);
  stops = await tabRound(page, cdp, 2 * count + 20);
  expectAllReachedAndNamed(stops, count, 'settings');
  for (const name of ['Name', 'Vendor', 'Vendor URL', 'Allowed origins', 'Sign-in popup hosts', 'Camera', 'Missed calls', 'Test connection', 'Save settings', 'Redaction']) {
    expect(stops.map((s) => s.name), name).toContain(name);
  }
});
