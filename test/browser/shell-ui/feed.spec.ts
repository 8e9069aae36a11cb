/**
 * Diagnostics, IT's view of the feed: a page over the content area (main hides the vendor view),
 * filtered by profile, kind and text, raw payloads fetched from main and copied, the log exported
 * and its folder opened. The agent's Activity is activity.spec.ts.
 */
import type { Page } from '@playwright/test';
import { EXPERTFLOW, morning, RC } from './data';
import { expect, test } from './fixtures';
import { replayed } from '../../support/vendor-traffic';

/** The rail's Activity → the Activity page → Diagnostics (where this file's feed is). */
async function openDiagnostics(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Expand activity' }).click();
  await page.getByRole('button', { name: 'Diagnostics (for IT)' }).click();
}

test('Diagnostics lists every entry newest first, below the Activity page; main hides the view under it', async ({ openShell, page }) => {
  const ui = await openShell(morning());
  await openDiagnostics(page);
  const heading = page.getByRole('heading', { level: 1, name: 'Diagnostics' });
  await expect(heading).toBeFocused();
  const rows = page.getByRole('list', { name: 'Events, newest first' }).locator('.feed-summary');
  await expect(rows.first()).toHaveText('interaction.ended Jane Doe +16505550100 — Sales [rc-call-end-notify]');
  await expect(rows.last()).toHaveText('agent.session logged in [rc-login-status-notify]');
  ui.main.capture('support', replayed(EXPERTFLOW, 5)); // taskRequest from Jane Doe, Web Support
  await ui.update();
  await expect(rows.nth(0)).toContainText('notify: Jane Doe (43466) — Web Support');
  await expect(rows.nth(1)).toContainText('interaction.offered Jane Doe 43466 — Web Support [taskRequest]');
  await expect.poll(() => ui.argsOf('setOverlay')).toEqual([[false], [true]]);
  await page.getByRole('button', { name: 'Close diagnostics' }).click();
  await expect(heading).toHaveCount(0);
  await expect.poll(() => ui.argsOf('setOverlay')).toEqual([[false], [true], [false]]);
  await expect(page.getByRole('button', { name: 'Expand activity' })).toBeFocused();
});

test('filters by profile, kind and text, alone and combined', async ({ openShell, page }) => {
  const ui = await openShell(morning());
  await openDiagnostics(page);
  const list = page.getByRole('list', { name: 'Events, newest first' });
  const rows = list.locator('.feed-row .feed-summary');
  const count = page.locator('.feed-count');
  await expect(count).toHaveText('14 events');

  const profile = page.getByRole('combobox', { name: 'Profile' });
  const kind = page.getByRole('combobox', { name: 'Kind' });
  const search = page.getByRole('searchbox', { name: 'Search' });

  await profile.selectOption({ label: 'Chat desk' });
  await expect(rows).toHaveText([
    /^rejected: bridge: origin https:\/\/evil\.example is not allowed/,
    /^notify: Jane Doe · Chat desk — Are you still there\?/,
    /^message\.inbound Jane Doe “Are you still there\?”/,
    /^vendor\.info \[smcc:task:selected\]/,
    /^notify: Jane Doe — global — Incoming task · Chat desk/,
    /^interaction\.offered Jane Doe — global “Hello, my order #4411 has not arrived”/,
  ]);
  await expect(count).toHaveText('6 of 14 events match');

  await kind.selectOption('rejection');
  await expect(rows).toHaveText([/^rejected: bridge: origin https:\/\/evil\.example/]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('14 events');
  await kind.selectOption('permission');
  await expect(rows).toHaveText(['media (audio) granted to https://cx.example.com: allowed origin']);

  await kind.selectOption('');
  await search.fill('JANE');
  await expect(rows).toHaveText([
    /^interaction\.ended Jane Doe/,
    /^interaction\.connected Jane Doe/,
    /^notify: Jane Doe \(\+16505550100\)/,
    /^interaction\.offered Jane Doe \+16505550100/,
    /^notify: Jane Doe · Chat desk/,
    /^message\.inbound Jane Doe/,
    /^notify: Jane Doe — global/,
    /^interaction\.offered Jane Doe — global/,
  ]);
  // Raw payloads stay in main (fetched when opened): they are not searched.
  await search.fill('endTime');
  await expect(page.getByText('No event matches these filters.')).toBeVisible();

  await search.fill('jane');
  await kind.selectOption('interaction.offered');
  await profile.selectOption({ label: 'Sales US' });
  await expect(rows).toHaveText(['interaction.offered Jane Doe +16505550100 — Sales [rc-call-ring-notify]']);
  await expect(count).toHaveText('1 of 14 events match');
  await list.getByRole('button', { name: /^Show raw of interaction\.offered/ }).click();
  await expect(page.locator('#feed-raw')).not.toHaveText('Loading…');
  await ui.screenshot('feed-filtered');

  await profile.selectOption({ label: 'Support EU' });
  await expect(page.getByText('No event matches these filters.')).toBeVisible();
});

test('an entry’s raw payload is fetched from main when opened, scrolls, and copies as is', async ({ openShell, page }) => {
  const ui = await openShell(morning());
  const ring = ui.main.snapshot().feed.find((e) => e.summary.startsWith('interaction.offered Jane Doe +16505550100'))!;
  await openDiagnostics(page);
  const offered = page.locator('.feed-row').filter({ hasText: ring.summary });
  const show = offered.getByRole('button', { name: /^Show raw of interaction\.offered/ });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(offered.getByRole('button', { name: /^Hide raw of interaction\.offered/ })).toHaveAttribute('aria-pressed', 'true');
  const raw = page.locator('#feed-raw');
  // RingCentral's ring notice as the widget posted it, pretty-printed by main on request.
  await expect(raw).toHaveText(JSON.stringify(replayed(RC, 5).data, null, 2));
  expect(await ui.argsOf('rawPayload')).toEqual([[ring.id]]);
  expect(await raw.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(raw).toHaveAttribute('tabindex', '0');
  await page.getByRole('button', { name: 'Copy raw' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the raw payload.' })).toBeVisible();
  await expect.poll(() => ui.argsOf('copyText')).toEqual([[JSON.stringify(replayed(RC, 5).data, null, 2)]]);

  // An entry copies its line; "Copy shown" copies every shown entry.
  await page.locator('.feed-row').filter({ hasText: 'media (audio) granted' }).getByRole('button', { name: /^Copy permission/ }).click();
  await ui.waitForCalls('copyText', 2);
  expect((await ui.argsOf('copyText'))[1]![0]).toMatch(/^\d{4}-\d\d-\d\dT.* support permission media \(audio\) granted/);
  await page.getByRole('searchbox', { name: 'Search' }).fill('jane');
  await page.getByRole('button', { name: 'Copy shown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied 8 events.' })).toBeVisible();
  const shown = (await ui.argsOf('copyText'))[2]![0] as string;
  expect(shown.split('\n')).toHaveLength(8);
  // The payload closed when the filters changed (its row may no longer be shown).
  await expect(raw).toHaveCount(0);
});

test('Export log… and Open logs folder ask main and show what it answered, success or failure', async ({ openShell, page }) => {
  const ui = await openShell(morning());
  await openDiagnostics(page);

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

  await expect.poll(async () => (await ui.calls()).filter((c) => c.method === 'exportLog' || c.method === 'openLogsFolder').map((c) => c.method)).toEqual([
    'exportLog',
    'exportLog',
    'openLogsFolder',
    'openLogsFolder',
  ]);
});

test('when main selects a profile (a notification was clicked), the page over the content closes to show its view', async ({ openShell, page }) => {
  const ui = await openShell(morning());
  await openDiagnostics(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  // An unrelated update leaves the page open.
  ui.main.capture('sales', replayed(RC, 19)); // an SMS arrives
  await ui.update();
  await expect(page.locator('.feed-count')).toHaveText('16 events');
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  ui.main.select('support');
  await ui.update();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Profiles' }).locator('[aria-current="page"]')).toHaveAccessibleName(/^Support EU,/);
  await expect.poll(() => ui.argsOf('setOverlay')).toEqual([[false], [true], [false]]);
});
