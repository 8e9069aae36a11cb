/**
 * A ring whose system notification the OS refused (Notification 'failed': an unsigned macOS
 * build, no notification daemon) rings in the window: a banner across the content area names
 * the caller and the profile, until the ring ends. The scene is main's own: the demo softphone's
 * ring through the real pipeline, notifier and ring fallback (test/support/shell-main.ts), with
 * the OS refusing the toast.
 */
import { RC, firstRun, workday } from './data';
import { replayed } from '../../support/vendor-traffic';
import { expect, test } from './fixtures';

const UNSIGNED = 'Notifications are not allowed for this application';

test('the toast fails: the banner names the caller and the profile, sits above the vendor area, and goes when the call is answered', async ({ openShell, page }) => {
  const { main, phone } = firstRun();
  main.osRefusesToasts(UNSIGNED);
  const ui = await openShell(main);
  const banner = page.getByRole('region', { name: 'Ringing call' });
  await expect(banner).toHaveCount(0);

  phone.ring(); // the demo's first caller
  await ui.update();
  await expect(banner.locator('p')).toHaveText(['Incoming call from Jane Doe (+1 650 555 0100) — Support on Demo softphone', 'The system notification could not be shown.']);
  expect(main.diagnostics).toContainEqual({ message: 'notification failed: the system did not show it', data: { kind: 'interaction.offered', profile: 'demo', error: UNSIGNED } });
  // Across the content area, right under the header: where main keeps the vendor view off (layout.ts).
  const box = (await banner.boundingBox())!;
  expect(box).toEqual({ x: 280, y: 48, width: 1280 - 280, height: 44 });
  const found = await ui.seriousViolations();
  expect(found, 'axe: serious or critical violations with the banner up').toEqual([]);
  await ui.screenshot('ring-banner-1280x800');
  await page.setViewportSize({ width: 900, height: 600 });
  await ui.screenshot('ring-banner-900x600');

  phone.answer();
  await ui.update();
  await expect(banner).toHaveCount(0);
});

test('two rings nobody saw: the newest is named and the other counted; each leaves with its own ring', async ({ openShell, page }) => {
  const main = workday().osRefusesToasts('');
  const ui = await openShell(main);
  const banner = page.getByRole('region', { name: 'Ringing call' });
  main.capture('sales', replayed(RC, 5)); // rc-call-ring-notify: Jane Doe, +16505550100, Sales queue
  await ui.update();
  await expect(banner.locator('p').first()).toHaveText('Incoming call from Jane Doe (+16505550100) — Sales on Sales US');
  main.capture('sales', replayed(RC, 14)); // a second call rings: +14155550123
  await ui.update();
  await expect(banner.locator('p')).toHaveText(['Incoming call from +14155550123 on Sales US (+1 more ringing)', 'The system notification could not be shown.']);
  main.capture('sales', replayed(RC, 15)); // that one ends unanswered
  await ui.update();
  await expect(banner.locator('p').first()).toHaveText('Incoming call from Jane Doe (+16505550100) — Sales on Sales US');
});
