/**
 * The agent's activity list and IT's Diagnostics, fed by main's real modules
 * (test/support/shell-main.ts) through main's real deltas (ShellState.deltaSince, as ShellWindow
 * pushes them): one plain-words line per interaction, newest first; the vendor's event names,
 * rejections and permission decisions only in Diagnostics, raw payloads fetched when opened.
 */
import { EXPERTFLOW, morning, RC } from './data';
import { expect, test } from './fixtures';
import { replayed } from '../../support/vendor-traffic';

/** A realistic day on three profiles: the morning, a missed call, a call out, an SMS, a chat task. */
function day() {
  const minutes = (n: number) => n * 60_000;
  return morning() // 09:20
    .advance(minutes(44))
    .capture('sales', replayed(RC, 14)) // 10:04 rc-call-ring-notify from +14155550123
    .advance(20_000)
    .capture('sales', replayed(RC, 15)) // rc-call-end-notify: never answered → missed
    .advance(minutes(86))
    .capture('sales', replayed(RC, 16)) // 11:30 rc-call-init-notify to Bob Smith
    .advance(minutes(4))
    .capture('sales', replayed(RC, 18)) // rc-call-end-notify
    .advance(minutes(68))
    .capture('sales', replayed(RC, 19)) // 12:42 rc-inbound-message-notify: an SMS
    .advance(minutes(33))
    .capture('support', replayed(EXPERTFLOW, 5)); // 13:15 taskRequest: Jane Doe, Web Support
}

const lineTexts = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

test('one line per interaction in plain words, newest first; a ring folds into its outcome as main’s deltas arrive', async ({ openShell, page }) => {
  const ui = await openShell(day());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeFocused();
  const rows = page.getByRole('list', { name: 'Activity, newest first', exact: true }).getByRole('listitem');
  await expect(page.locator('.feed-count')).toHaveText('6 interactions');
  expect(lineTexts(await rows.allInnerTexts())).toEqual([
    '13:15 Incoming chat — Jane Doe, 43466 (Web Support) Support EU ringing',
    '12:42 Incoming SMS — +1 415 555 0123 “Can you call me back?” Sales US 1 message',
    '11:30 Outgoing call — Bob Smith, +442071234567 Sales US ended',
    '10:04 Incoming call — +1 415 555 0123 Sales US missed',
    '09:20 Incoming call — Jane Doe, +1 650 555 0100 (Sales) Sales US answered',
    '09:20 Incoming task — Jane Doe (global) “Are you still there?” Chat desk in progress',
  ]);
  // Icons say the channel; no vendor event name, rejection or permission reaches this list.
  await expect(rows.first().getByRole('img', { name: 'Chat' })).toBeVisible();
  await expect(rows.nth(1).getByRole('img', { name: 'SMS' })).toBeVisible();
  await expect(rows.nth(3).getByRole('img', { name: 'Call' })).toBeVisible();
  await expect(page.locator('#activity-page')).not.toContainText(/rc-call|interaction\.|notify:|rejected|granted|suppressed/);

  // A call rings now (one delta), then is answered and ends (another): still one line, updated in place.
  ui.main.capture('sales', replayed(RC, 5)); // Jane Doe rings again on sip-7f3a (it ended: a new call)
  await ui.update();
  await expect(rows.first()).toContainText('Incoming call — Jane Doe, +1 650 555 0100 (Sales)');
  await expect(rows.first()).toContainText('ringing');
  ui.main.capture('sales', replayed(RC, 9)).capture('sales', replayed(RC, 13));
  await ui.update();
  await expect(page.locator('.feed-count')).toHaveText('7 interactions');
  await expect(rows.first()).toContainText('answered');
  // What travelled were deltas: after the first, none carried the whole feed.
  const deltas = await ui.deltas();
  expect(deltas.length).toBeGreaterThanOrEqual(2);
  expect(deltas.at(-1)!.feed.length).toBeLessThan(10);
  expect(deltas.at(-1)!.activity.map((a) => a.outcome)).toEqual(['answered']);

  await ui.screenshot('activity');
});

test('search ignores spaces, + and punctuation in numbers, and finds names and queues', async ({ openShell, page }) => {
  await openShell(day());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  const rows = page.getByRole('list', { name: 'Activity, newest first', exact: true }).getByRole('listitem');
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const typed of ['650 555 0100', '+1 (650) 555-0100', '6505550100']) {
    await search.fill(typed);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Jane Doe, +1 650 555 0100 (Sales)');
  }
  await search.fill('415 555 0123');
  await expect(rows).toHaveCount(2);
  await search.fill('web support');
  await expect(rows).toHaveCount(1);
  await expect(page.locator('.feed-count')).toHaveText('1 of 6 interactions match');
  await search.fill('650 555 0199');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
});

test('Diagnostics, for IT: every vendor event, rejection and permission decision; raw payloads fetched from main when opened; the kind never prints over the summary', async ({ openShell, page }) => {
  const ui = await openShell(day());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await page.getByRole('button', { name: 'Diagnostics (for IT)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeFocused();
  const list = page.getByRole('list', { name: 'Events, newest first' });
  await expect(list).toContainText('rejected: bridge: origin https://evil.example is not allowed');
  await expect(list).toContainText('media (audio) granted to https://cx.example.com');
  await expect(list).toContainText('[rc-call-ring-notify]');

  // No payload travelled with the feed; opening one asks main for it.
  expect((await ui.snapshot()).feed.every((e) => !('detail' in e))).toBe(true);
  const ring = ui.main.snapshot().feed.find((e) => e.summary.startsWith('interaction.offered Jane Doe +16505550100'))!;
  await page.getByRole('searchbox', { name: 'Search' }).fill('rc-call-ring-notify');
  await list.getByRole('button', { name: /^Show raw of interaction\.offered/ }).last().click();
  await expect(page.locator('#feed-raw')).toHaveText(JSON.stringify(replayed(RC, 5).data, null, 2));
  expect(await ui.argsOf('rawPayload')).toEqual([[ring.id]]);
  await page.getByRole('button', { name: 'Close raw' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Every row: the kind's box ends before the summary's starts.
  const overlaps = await page.locator('.feed-row').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const kind = row.querySelector('.feed-kind')!.getBoundingClientRect();
      const summary = row.querySelector('.feed-summary')!.getBoundingClientRect();
      return kind.right > summary.left ? [row.textContent] : [];
    }),
  );
  expect(overlaps).toEqual([]);

  // Long lists are virtualized: 600 entries, a screenful of rows in the DOM.
  for (let i = 0; i < 500; i++) ui.main.bridgeRejected('chat', `too many messages (burst ${i})`);
  await ui.update();
  await expect(page.locator('.feed-count')).toHaveText('500 events');
  expect(await page.locator('.feed-row').count()).toBeLessThan(60);
  await ui.screenshot('diagnostics');
});

// One view per test: a full axe run takes seconds, more on a loaded machine (as in a11y.spec.ts).
test('axe: the activity view', async ({ openShell, page }) => {
  test.setTimeout(60_000);
  const ui = await openShell(day());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await expect(page.getByRole('list', { name: 'Activity, newest first', exact: true })).toBeVisible();
  expect(await ui.seriousViolations()).toEqual([]);
});

test('axe: the diagnostics view with a raw payload open', async ({ openShell, page }) => {
  test.setTimeout(60_000);
  const ui = await openShell(day());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await page.getByRole('button', { name: 'Diagnostics (for IT)' }).click();
  await page.getByRole('button', { name: /^Show raw of interaction\.offered/ }).first().click();
  await expect(page.locator('#feed-raw')).not.toHaveText('Loading…');
  expect(await ui.seriousViolations()).toEqual([]);
});
