/**
 * The live event feed: in the rail as it happens, expanded into a page over the content area
 * (main hides the vendor view), filtered by profile, kind and text, raw payloads expanded and
 * copied, the log exported and its folder opened.
 */
import { FEED, feedEntry, init, OFFERED, workday } from './data';
import { expect, test } from './fixtures';

const withFeed = () => workday({ feed: FEED });

test('the rail shows events as they happen, newest first; Expand opens the feed page and main hides the view under it', async ({ openShell, page }) => {
  const ui = await openShell(init(withFeed()));
  const panel = page.locator('.rail').getByRole('region', { name: 'Live events' });
  const items = panel.getByRole('list', { name: 'Latest events, newest first' }).getByRole('listitem');
  await expect(items).toHaveCount(FEED.length);
  await expect(items.first()).toContainText('interaction.ended Jane Doe');

  await ui.push(withFeed());
  const fresh = feedEntry({ profile: 'support', type: 'event', kind: 'interaction.offered', summary: 'interaction.offered Ada Lovelace [NEW_TASK]' });
  await ui.push(workday({ feed: [fresh, ...FEED] }));
  await expect(items.first()).toContainText('Ada Lovelace');

  const expand = panel.getByRole('button', { name: 'Expand live events' });
  await expand.click();
  const heading = page.getByRole('heading', { level: 1, name: 'Event feed' });
  await expect(heading).toBeFocused();
  const collapse = panel.getByRole('button', { name: 'Collapse live events' });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  expect(await ui.argsOf('setOverlay')).toEqual([[false], [true]]);
  await expect(page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem').first()).toContainText('Ada Lovelace');

  await page.getByRole('button', { name: 'Close event feed' }).click();
  await expect(heading).toHaveCount(0);
  expect(await ui.argsOf('setOverlay')).toEqual([[false], [true], [false]]);
  await expect(panel.getByRole('button', { name: 'Expand live events' })).toBeFocused();
});

test('filters by profile, kind and text, alone and combined', async ({ openShell, page }) => {
  const ui = await openShell(init(withFeed()));
  await page.getByRole('button', { name: 'Expand live events' }).click();
  const list = page.getByRole('list', { name: 'Events, newest first' });
  const rows = list.locator('.feed-row .feed-summary');
  const count = page.locator('.feed-count');
  await expect(count).toHaveText('6 events');

  const profile = page.getByRole('combobox', { name: 'Profile' });
  const kind = page.getByRole('combobox', { name: 'Kind' });
  const search = page.getByRole('searchbox', { name: 'Search' });

  await profile.selectOption({ label: 'Chat desk' });
  await expect(rows).toHaveText([/^rejected: origin/, /^message\.inbound Omar/]);
  await expect(count).toHaveText('2 of 6 events match');

  await kind.selectOption('rejection');
  await expect(rows).toHaveText([/^rejected: origin https:\/\/evil\.example/]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('6 events');
  await kind.selectOption('permission');
  await expect(rows).toHaveText([/^media \(audio\) granted/]);

  await kind.selectOption('');
  await search.fill('JANE');
  await expect(rows).toHaveText([/^interaction\.ended Jane Doe/, /^interaction\.offered Jane Doe/]);
  // Text is searched in the raw payload too.
  await search.fill('call-42');
  await expect(rows).toHaveText([/^interaction\.offered Jane Doe/]);

  await search.fill('jane');
  await kind.selectOption('interaction.offered');
  await profile.selectOption({ label: 'Sales US' });
  await expect(rows).toHaveText([/^interaction\.offered Jane Doe \+1 650 555 0100/]);
  await expect(count).toHaveText('1 of 6 events match');
  await list.getByRole('button', { name: /^Show raw of interaction\.offered/ }).click();
  await ui.screenshot('feed-filtered');

  await profile.selectOption({ label: 'Chat desk' });
  await expect(page.getByText('No event matches these filters.')).toBeVisible();
});

test('an entry expands to its raw payload, which scrolls, and Copy copies it as is', async ({ openShell, page }) => {
  const ui = await openShell(init(withFeed()));
  await page.getByRole('button', { name: 'Expand live events' }).click();
  const offered = page.locator('.feed-item').filter({ hasText: 'interaction.offered Jane Doe' });
  const show = offered.getByRole('button', { name: /^Show raw of interaction\.offered/ });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  const hide = offered.getByRole('button', { name: /^Hide raw of interaction\.offered/ });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');

  const raw = offered.getByLabel('Raw payload of interaction.offered');
  await expect(raw).toHaveText(OFFERED.detail!);
  await expect(hide).toHaveAttribute('aria-controls', (await raw.getAttribute('id'))!);
  // Long payloads scroll inside their box, which keyboard users can focus to scroll.
  expect(await raw.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(raw).toHaveAttribute('tabindex', '0');

  await offered.getByRole('button', { name: /^Copy interaction\.offered/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the raw payload.' })).toBeVisible();
  expect(await ui.argsOf('copyText')).toEqual([[OFFERED.detail]]);

  // An entry without a payload copies its line; "Copy shown" copies every shown entry.
  await page.locator('.feed-item').filter({ hasText: 'media (audio) granted' }).getByRole('button', { name: /^Copy permission/ }).click();
  await ui.waitForCalls('copyText', 2);
  expect((await ui.argsOf('copyText'))[1]![0]).toMatch(/^\d{4}-\d\d-\d\dT.* support permission media \(audio\) granted/);
  await page.getByRole('searchbox', { name: 'Search' }).fill('jane');
  await page.getByRole('button', { name: 'Copy shown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied 2 events.' })).toBeVisible();
  const shown = (await ui.argsOf('copyText'))[2]![0] as string;
  expect(shown.split('\n')).toHaveLength(2);

  await hide.click();
  await expect(raw).toHaveCount(0);
});

test('Export log… and Open logs folder ask main and show what it answered, success or failure', async ({ openShell, page }) => {
  const ui = await openShell(init(withFeed()));
  await page.getByRole('button', { name: 'Expand live events' }).click();

  await page.getByRole('button', { name: 'Export log…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to /home/agent/switchboard-events.jsonl' })).toBeVisible();

  await ui.respond('exportLog', { ok: false, reason: 'Export cancelled: no file was chosen' });
  await page.getByRole('button', { name: 'Export log…' }).click();
  await expect(page.getByRole('alert')).toHaveText('Export cancelled: no file was chosen');

  await page.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the logs folder' })).toBeVisible();
  await ui.respond('openLogsFolder', { ok: false, reason: 'The logs folder does not exist yet' });
  await page.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(page.getByRole('alert')).toHaveText('The logs folder does not exist yet');

  expect((await ui.calls()).filter((c) => c.method === 'exportLog' || c.method === 'openLogsFolder').map((c) => c.method)).toEqual([
    'exportLog',
    'exportLog',
    'openLogsFolder',
    'openLogsFolder',
  ]);
});

test('when main selects a profile (a notification was clicked), the page over the content closes to show its view', async ({ openShell, page }) => {
  const ui = await openShell(init(withFeed()));
  await page.getByRole('button', { name: 'Expand live events' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Event feed' })).toBeVisible();
  // An unrelated update leaves the page open.
  await ui.push(withFeed());
  await expect(page.getByRole('heading', { level: 1, name: 'Event feed' })).toBeVisible();
  await ui.push(workday({ feed: FEED, selected: 'support' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Event feed' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Profiles' }).locator('[aria-current="page"]')).toHaveAccessibleName(/^Support EU,/);
  expect(await ui.argsOf('setOverlay')).toEqual([[false], [true], [false]]);
});
