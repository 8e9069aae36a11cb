/**
 * The ring surface in the shell window: every ring shows a banner across the content area with
 * the caller (number formatted for reading), queue, profile and ring time, and Answer / Decline
 * where the vendor's adapter has those commands ("Open <profile> to answer" where not). Enter
 * answers, Escape declines; an assertive live region names the caller. Scenes are main's own:
 * vendor traffic through the real pipeline, effect router and ShellState (test/support/shell-main.ts).
 * The ring window's page (main's RING_WINDOW_URL) is the same surface on its own.
 */
import { ENGAGE, MORNING, RC, firstRun, workday } from './data';
import { ShellMain } from '../../support/shell-main';
import { replayed } from '../../support/vendor-traffic';
import { expect, test } from './fixtures';

const UNSIGNED = 'Notifications are not allowed for this application';

test('a call rings: the banner names the caller, number, queue, profile and ring time; Enter answers, Escape declines; the live region is assertive', async ({ openShell, page }) => {
  const main = workday();
  const ui = await openShell(main);
  const banner = page.getByRole('region', { name: 'Incoming call' });
  await expect(banner).toHaveCount(0);

  main.capture('sales', replayed(RC, 5)); // rc-call-ring-notify: Jane Doe, +16505550100, Sales queue
  const ring = main.snapshot().rings.at(-1)!;
  await page.clock.setFixedTime(ring.since + 12_000);
  await ui.update();
  await expect(banner.locator('.ring-who')).toHaveText('Jane Doe+1 650 555 0100');
  await expect(banner.locator('.ring-details')).toHaveText('Incoming call · Sales queue · Sales US · ringing 0:12');
  await expect(banner.getByRole('button')).toHaveText(['Answer', 'Decline']);
  await expect(page.locator('[aria-live="assertive"]')).toHaveText('Incoming call from Jane Doe, +1 650 555 0100, Sales queue, on Sales US');
  // The polite region does not say it a second time.
  await expect(page.locator('[aria-live="polite"]')).not.toContainText('Jane Doe');
  // Across the content area, right under the header: where main keeps the vendor view off (layout.ts).
  expect(await banner.boundingBox()).toEqual({ x: 280, y: 48, width: 1280 - 280, height: 64 });
  expect(await ui.seriousViolations(), 'axe: serious or critical violations with the banner up').toEqual([]);
  await ui.screenshot('ring-banner-shell-ui');

  await page.keyboard.press('Enter');
  await expect.poll(() => main.ringCommands.map((c) => `${c.profile} ${c.action}`)).toEqual(['sales answer']);
  expect(main.ringCommands[0]!.ref).toBeTruthy();
  await page.keyboard.press('Escape');
  await expect.poll(() => main.ringCommands.map((c) => c.action)).toEqual(['answer', 'decline']);
  // Enter in a field is the field's: Settings' inputs keep their keys.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox').first().press('Enter');
  await page.getByRole('textbox').first().press('Escape');
  expect(main.ringCommands.map((c) => c.action)).toEqual(['answer', 'decline']);

  main.capture('sales', replayed(RC, 9)); // rc-call-start-notify: answered (here or in the widget)
  await ui.update();
  await expect(banner).toHaveCount(0);
  await expect(page.locator('[aria-live="assertive"]')).toHaveText('');
});

test('a vendor without answer/decline commands: "Open <profile> to answer", and Enter or Escape send nothing', async ({ openShell, page }) => {
  const main = workday();
  const ui = await openShell(main);
  main.capture('chat', replayed(ENGAGE, 3)); // smcc:task:ring from Jane Doe
  await ui.update();
  const banner = page.getByRole('region', { name: /^Incoming/ });
  await expect(banner.getByRole('button')).toHaveText(['Open Chat desk to answer']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  expect(main.ringCommands).toEqual([]);
  expect(await ui.seriousViolations()).toEqual([]);
  await banner.getByRole('button', { name: 'Open Chat desk to answer' }).click();
  await expect.poll(() => main.ringCommands.map((c) => `${c.profile} ${c.action}`)).toEqual(['chat open']);
  await ui.update();
  await expect(page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Chat desk,/ })).toHaveAttribute('aria-current', 'page');
});

test('the toast fails: the banner also says the system notification could not be shown, until the ring ends', async ({ openShell, page }) => {
  const { main, phone } = firstRun();
  main.osRefusesToasts(UNSIGNED);
  const ui = await openShell(main);
  phone.ring(); // the demo's first caller
  await ui.update();
  const banner = page.getByRole('region', { name: 'Incoming call' });
  await expect(banner.locator('.ring-who')).toHaveText('Jane Doe+1 650 555 0100');
  await expect(banner.locator('.ring-note')).toHaveText('The system notification could not be shown.');
  phone.answer();
  await ui.update();
  await expect(banner).toHaveCount(0);
});

test('two calls ring: the newest is shown and the other counted; each leaves with its own ring', async ({ openShell, page }) => {
  const main = workday();
  const ui = await openShell(main);
  const banner = page.getByRole('region', { name: 'Incoming call' });
  main.capture('sales', replayed(RC, 5));
  await ui.update();
  main.capture('sales', replayed(RC, 14)); // a second call rings: +14155550123
  await ui.update();
  await expect(banner.locator('.ring-who')).toHaveText('+1 415 555 0123');
  await expect(banner.locator('.ring-details')).toContainText('+1 more ringing');
  await expect(page.locator('[aria-live="assertive"]')).toHaveText('Incoming call from +1 415 555 0123, on Sales US');
  main.capture('sales', replayed(RC, 15)); // that one ends unanswered
  await ui.update();
  await expect(banner.locator('.ring-who')).toHaveText('Jane Doe+1 650 555 0100');
  await expect(banner.locator('.ring-details')).not.toContainText('more ringing');
});

test('eight profiles: the ringing one, last in the list, is scrolled into view, and the header names it and jumps there', async ({ openShell, page }) => {
  const profiles = Array.from({ length: 8 }, (_, i) => ({ id: `line-${i + 1}`, name: `Line ${i + 1}`, vendor: RC, url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html' }));
  const main = new ShellMain({ stored: { profiles }, start: MORNING });
  for (const p of profiles) main.viewLoaded(p.id);
  const ui = await openShell(main);
  const rail = page.getByRole('navigation', { name: 'Profiles' });
  const last = rail.getByRole('button', { name: /^Line 8,/ });
  await expect(last).not.toBeInViewport();
  main.capture('line-8', replayed(RC, 5));
  await ui.update();
  await expect(last).toBeInViewport();
  const header = page.getByRole('banner').getByRole('button', { name: /^Ringing: Line 8 — Jane Doe/ });
  await expect(header).toHaveText('Ringing: Line 8 — Jane Doe');
  await ui.screenshot('ring-banner-8-profiles');
  await header.click();
  await expect(last).toHaveAttribute('aria-current', 'page');
});

test('the ring window page: the same surface alone; Escape declines; axe finds nothing serious', async ({ openShell, page }) => {
  await page.setViewportSize({ width: 420, height: 168 });
  const main = workday();
  main.capture('sales', replayed(RC, 5));
  await page.clock.setFixedTime(main.snapshot().rings.at(-1)!.since + 7_000);
  const ui = await openShell(main, {}, { page: 'ring-window' });
  const surface = page.getByRole('region', { name: 'Incoming call' });
  await expect(surface.locator('.ring-who')).toContainText('Jane Doe');
  await expect(surface.getByRole('button')).toHaveText(['Answer', 'Decline']);
  await expect(surface.locator('.ring-details')).toHaveText('Incoming call · Sales queue · Sales US · ringing 0:07');
  expect(await ui.seriousViolations(), 'axe on the ring window page').toEqual([]);
  await ui.screenshot('ring-window-shell-ui');
  await page.keyboard.press('Escape');
  await expect.poll(() => main.ringCommands.map((c) => c.action)).toEqual(['decline']);
  main.capture('sales', replayed(RC, 13)); // the caller hung up
  await ui.update();
  await expect(surface).toHaveCount(0);
  expect(await ui.violations()).toEqual([]);
});
