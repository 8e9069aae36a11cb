/**
 * Missed and unread (issue 14 item 4) and the one presence control (item 5), on snapshots main's
 * own modules produce (test/support/shell-main.ts): the rail's per-profile badges, today's
 * counters, the Missed list with attempts and Call back raising the dialer's question, and "Set
 * all to Break" naming the profile that cannot follow; the presence panel closes on Escape and
 * keeps focus off the rail it covers. Screenshots: missed.png, presence.png.
 */
import { replayed } from '../../support/vendor-traffic';
import type { Sent } from '../../support/shell-main';
import { morning, RC, workday } from './data';
import { expect, test } from './fixtures';

/** The same captured line about another call (a caller who tries again gets a new call id). */
function again(sent: Sent, id: string): Sent {
  const data = structuredClone(sent.data) as { call: Record<string, unknown> };
  data.call = { ...data.call, id, callId: id };
  return { ...sent, data };
}

/** A morning (one call taken), then +14155550123 rings twice unanswered, then an SMS. */
function missedDay() {
  return morning(workday())
    .capture('sales', replayed(RC, 14)) // rc-call-ring-notify from +14155550123
    .advance(20_000)
    .capture('sales', replayed(RC, 15)) // rc-call-end-notify: missed (derived)
    .advance(60_000)
    .capture('sales', again(replayed(RC, 14), 'sip-9c02'))
    .advance(20_000)
    .capture('sales', again(replayed(RC, 15), 'sip-9c02'))
    .capture('sales', replayed(RC, 19)); // rc-inbound-message-notify: an SMS
}

test('badges count what was missed or unread; the Missed list shows who tried how often; Call back asks first', async ({ openShell, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const main = missedDay();
  const ui = await openShell(main);
  const sales = page.getByRole('button', { name: /^Sales US,/ });
  await expect(sales).toHaveAccessibleName(/3 new \(missed or unread\)/);
  await expect(sales.locator('.count-badge')).toHaveText('3');
  const today = page.locator('.today-counters');
  await expect(today).toContainText('Taken1');
  await expect(today).toContainText('Missed2');

  await page.getByRole('button', { name: /^Missed calls/ }).click();
  const list = page.getByRole('list', { name: 'Missed today, newest first' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const item = list.getByRole('listitem').first();
  await expect(item).toContainText('+1 415 555 0123');
  await expect(item).toContainText('called 2 times');
  await expect(item).toContainText('Sales US');
  // Opening the list is seeing the missed calls: the SMS still waits for Sales US to be opened.
  await ui.waitForCalls('missedSeen');
  await expect(sales.locator('.count-badge')).toHaveText('1');
  expect(await ui.seriousViolations(), 'axe on the Missed list').toEqual([]);
  await ui.screenshot('missed');

  await item.getByRole('button', { name: 'Call back +1 415 555 0123' }).click();
  await ui.waitForCalls('callBack');
  await ui.update();
  const dialog = page.getByRole('dialog', { name: 'Call +14155550123 with Sales US?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Call back on your Missed list (Sales US)');
  expect(main.delivered.filter((d) => JSON.stringify(d.result).includes('rc-adapter-new-call'))).toEqual([]); // nothing dialled before Call

  await page.keyboard.press('Escape');
  await sales.click();
  await ui.update();
  await expect(sales.locator('.count-badge')).toHaveCount(0);
});

test('Set all to Break for 15 minutes reaches RingCentral and ExpertFlow and says where to set Engage Digital; Escape closes; focus stays off the rail', async ({ openShell, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const main = workday();
  const ui = await openShell(main);
  const presence = page.getByRole('button', { name: /^Presence:/ });
  await presence.click();
  const panel = page.getByRole('group', { name: 'Presence and do not disturb' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Switchboard stops alerting; your vendors still route calls, except Sales US, which is set to Do not disturb too.');

  await panel.getByLabel('How long').selectOption({ label: 'For 15 minutes, then back' });
  await panel.getByRole('button', { name: 'Break', exact: true }).click();
  await ui.waitForCalls('setAllPresence');
  await ui.update();
  const result = panel.locator('.set-all-result');
  await expect(result).toContainText('Break until');
  await expect(result).toContainText('Sales US: Busy');
  await expect(result).toContainText('Support EU: Away');
  await expect(result).toContainText("Switchboard cannot change your status in Chat desk (Engage Digital): open Chat desk and set it in Engage Digital's own status menu.");
  // main's command router built the vendors' own commands: RingCentral's set-presence, ExpertFlow's changeAgentState.
  const sent = main.delivered.map((d) => [d.profile, JSON.stringify(d.result)] as const);
  expect(sent.map(([p]) => p)).toEqual(['sales', 'support']);
  expect(sent[0]![1]).toContain('rc-adapter-set-presence');
  expect(sent[1]![1]).toContain('changeAgentState');
  expect(await ui.seriousViolations(), 'axe with the presence panel open').toEqual([]);
  await ui.screenshot('presence');

  // Tab through everything after the panel: focus never lands in the rail under it.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const inRail = await page.evaluate(`!!document.activeElement && !!document.activeElement.closest('.rail')`);
    expect(inRail, `Tab ${i + 1} landed in the rail under the open panel`).toBe(false);
  }
  // Escape closes it wherever focus is, and focus goes back to the presence button.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(presence).toBeFocused();
  await expect(page.getByRole('button', { name: /^Sales US,/ })).toBeEnabled();
  expect(await page.evaluate(`document.querySelector('.rail').inert`)).toBe(false);
});
