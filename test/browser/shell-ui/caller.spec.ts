/**
 * Who is calling: a ringing profile shows its caller in the rail (text and accessible name),
 * beside the header's presence control, and in the screen-reader announcement; the layout holds
 * at the window's usual and smallest sizes.
 */
import type { Locator, Page } from '@playwright/test';
import { replayed } from '../../support/vendor-traffic';
import { EXPERTFLOW, firstRun, RC, workday } from './data';
import { expect, test } from './fixtures';

/** A ring on the ring surface is announced by its assertive region (RingAnnouncer), not the polite one. */
const announcer = (page: Page) => page.locator('[aria-live="assertive"][aria-atomic="true"]');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

/** The header's parts sit side by side inside its 48 px, none over another. */
async function expectTidyHeader(page: Page): Promise<void> {
  const header = await box(page.locator('header.top'));
  const parts = await Promise.all(['.brand', '.presence-button', '.ringing-now', '.top-actions'].map((s) => box(page.locator(`header.top ${s}`))));
  for (const p of parts) {
    expect(p.y).toBeGreaterThanOrEqual(header.y);
    expect(p.y + p.height).toBeLessThanOrEqual(header.y + header.height);
  }
  for (let i = 1; i < parts.length; i++) expect(parts[i]!.x).toBeGreaterThanOrEqual(parts[i - 1]!.x + parts[i - 1]!.width);
  expect(parts.at(-1)!.x + parts.at(-1)!.width).toBeLessThanOrEqual(header.x + header.width);
}

test('the demo softphone rings: the rail, the header and the announcement say who is calling', async ({ openShell, page }) => {
  const { main, phone } = firstRun();
  const ui = await openShell(main);
  const demo = page.getByRole('navigation', { name: 'Profiles' }).getByRole('button');
  await expect(demo).toHaveAccessibleName('Demo softphone, Available');
  await expect(page.locator('.ringing-now')).toHaveCount(0);

  phone.ring(); // what "Simulate incoming call" does: the demo's first caller
  await ui.update();
  await expect(demo).toHaveAccessibleName('Demo softphone, Ringing, Jane Doe +1 650 555 0100');
  await expect(demo.locator('.profile-caller')).toHaveText('Jane Doe +1 650 555 0100');
  const header = page.locator('header.top .ringing-now');
  await expect(header).toHaveText('Ringing: Demo softphone — Jane Doe');
  await expect(page.getByRole('button', { name: 'Presence: Ringing' })).toBeVisible();
  await expect(announcer(page)).toHaveText('Incoming call from Jane Doe, +1 650 555 0100, Support queue, on Demo softphone');
  await expectTidyHeader(page);
  await ui.screenshot('caller-1280x800');

  // Below 1000 px the rail shows icons only (styles/compact.css): the caller stays in the
  // profile's accessible name and tooltip, and in the header.
  await page.setViewportSize({ width: 900, height: 600 });
  await expectTidyHeader(page);
  await expect(demo).toHaveAccessibleName('Demo softphone, Ringing, Jane Doe +1 650 555 0100');
  await expect(demo).toHaveAttribute('title', /Jane Doe/);
  await expect(header).toHaveText('Ringing: Demo softphone — Jane Doe');
  await ui.screenshot('caller-900x600');

  // Answered: the caller goes with the ring; the assertive region empties (nothing new is said).
  phone.answer();
  await ui.update();
  await expect(demo).toHaveAccessibleName('Demo softphone, On call');
  await expect(demo.locator('.profile-caller')).toHaveCount(0);
  await expect(header).toHaveCount(0);
  await expect(announcer(page)).toHaveText('');
  expect(await ui.violations()).toEqual([]);
});

test('two profiles ring: each rail entry names its caller, the header shows the first and counts the rest', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  const rail = page.getByRole('navigation', { name: 'Profiles' });
  ui.main.capture('sales', replayed(RC, 14)); // rc-call-ring-notify from +14155550123, no name, no queue
  await ui.update();
  await expect(rail.getByRole('button', { name: /^Sales US,/ })).toHaveAccessibleName('Sales US, RingCentral Embeddable, Ringing, +14155550123');
  await expect(announcer(page)).toHaveText('Incoming call from +1 415 555 0123, on Sales US');

  ui.main.capture('support', replayed(EXPERTFLOW, 5)); // taskRequest from Jane Doe, Web Support queue
  await ui.update();
  await expect(rail.getByRole('button', { name: /^Support EU,/ })).toHaveAccessibleName('Support EU, ExpertFlow Agent Desk, Ringing, Jane Doe 43466');
  await expect(announcer(page)).toHaveText('Incoming chat from Jane Doe, 43466, Web Support queue, on Support EU');
  await expect(page.locator('header.top .ringing-now')).toHaveText('Ringing: Support EU — Jane Doe (+1 more ringing)');
  await expectTidyHeader(page);
  await page.setViewportSize({ width: 900, height: 600 });
  await expectTidyHeader(page);
  await ui.screenshot('caller-two-ringing-900x600');

  // The RingCentral call ends unanswered: only the task rings now, and the header says so; the
  // missed call is counted on its profile until the agent has seen it.
  ui.main.capture('sales', replayed(RC, 15));
  await ui.update();
  await expect(rail.getByRole('button', { name: /^Sales US,/ })).toHaveAccessibleName('Sales US, RingCentral Embeddable, Available, 1 new (missed or unread)');
  await expect(page.locator('header.top .ringing-now')).toHaveText('Ringing: Support EU — Jane Doe');
});
