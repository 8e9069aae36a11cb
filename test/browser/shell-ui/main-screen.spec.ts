/**
 * The shell UI's main screen against a fake ShellApi: first run, a ringing call, switching
 * profiles (click, Ctrl+1..9), DND (Ctrl+Shift+D, header) and per-profile presence.
 */
import { replayed } from '../../support/vendor-traffic';
import { firstRun, RC, workday } from './data';
import { expect, test } from './fixtures';

test('first run: the demo softphone profile and the guide; dismissing the guide calls dismissGuide', async ({ openShell, page }) => {
  const ui = await openShell(firstRun().main);
  const demo = page.getByRole('navigation', { name: 'Profiles' }).getByRole('button');
  await expect(demo).toHaveCount(1);
  await expect(demo).toHaveAccessibleName('Demo softphone, Available');
  await expect(demo).toHaveAttribute('aria-current', 'page');
  await expect(demo.getByRole('img', { name: 'Demo softphone' })).toBeVisible();

  const guide = page.getByRole('complementary', { name: 'Welcome to Switchboard' });
  await expect(guide.getByRole('listitem')).toHaveText([
    /^Simulate a call:.*Simulate incoming call/,
    /^See who is calling: a banner/,
    /^Answer it: press Answer on the banner/,
    /^Set do not disturb: open the presence menu/,
  ]);
  // Nothing covers the vendor view on the main screen.
  await expect.poll(() => ui.argsOf('setOverlay')).toEqual([[false]]);
  await ui.screenshot('first-run');

  await guide.getByRole('button', { name: 'Got it, hide the guide' }).click();
  await expect(guide).toHaveCount(0);
  await expect.poll(() => ui.argsOf('dismissGuide')).toEqual([[]]);
  // The page's strict CSP (no inline scripts or styles) held throughout.
  expect(await ui.violations()).toEqual([]);
});

test('a ringing call is unmistakable: the word, a bell, a strong colour and motion, and it is announced', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  const sales = page.getByRole('button', { name: /^Sales US,/ });
  await expect(sales).toHaveAccessibleName('Sales US, RingCentral Embeddable, Available');

  ui.main.capture('sales', replayed(RC, 5)); // rc-call-ring-notify: Jane Doe
  await ui.update();

  await expect(sales).toHaveAccessibleName('Sales US, RingCentral Embeddable, Ringing, Jane Doe +16505550100');
  await expect(sales).toHaveAttribute('data-state', 'ringing');
  const badge = sales.locator('.badge');
  await expect(badge).toHaveText('Ringing');
  await expect(badge.locator('svg.bell-icon')).toHaveCount(1);
  await expect(badge).toHaveCSS('background-color', 'rgb(194, 65, 12)');
  await expect(badge).toHaveCSS('animation-name', 'ring-pulse');
  await expect(sales).toHaveCSS('animation-name', 'rail-ring');
  // The header mirrors the tray's aggregate state.
  await expect(page.getByRole('button', { name: /^Presence: Ringing/ })).toBeVisible();
  // Said assertively by the ring surface's region (RingAnnouncer), with the number and queue.
  await expect(page.locator('[aria-live="assertive"][aria-atomic="true"]')).toHaveText('Incoming call from Jane Doe, +1 650 555 0100, Sales queue, on Sales US');
  await ui.screenshot('ringing');

  // With reduced motion: no pulse, a steady outline instead; still the word and the colour.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(badge).toHaveCSS('animation-name', 'none');
  await expect(sales).toHaveCSS('animation-name', 'none');
  await expect(sales).toHaveCSS('outline-style', 'solid');
  await expect(badge).toHaveText('Ringing');

  // Answered: no longer ringing; ended: available again.
  ui.main.capture('sales', replayed(RC, 9)); // rc-call-start-notify
  await ui.update();
  await expect(sales).toHaveAccessibleName('Sales US, RingCentral Embeddable, On call');
  await expect(badge.locator('svg.bell-icon')).toHaveCount(0);
  ui.main.capture('sales', replayed(RC, 13)); // rc-call-end-notify
  await ui.update();
  await expect(sales).toHaveAccessibleName('Sales US, RingCentral Embeddable, Available');
});

test('profiles are selected by click and by Ctrl/Cmd+1..9', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  const rail = page.getByRole('navigation', { name: 'Profiles' });
  const current = rail.locator('[aria-current="page"]');
  await expect(current).toHaveAccessibleName(/^Sales US,/);
  for (const [i, name] of ['Sales US', 'Chat desk', 'Support EU'].entries()) {
    await expect(rail.getByRole('button', { name: new RegExp(`^${name},`) })).toHaveAttribute('aria-keyshortcuts', `Control+${i + 1}`);
  }

  await rail.getByRole('button', { name: /^Chat desk,/ }).click();
  await expect(current).toHaveAccessibleName(/^Chat desk,/);

  await page.keyboard.press('Control+3');
  await expect(current).toHaveAccessibleName(/^Support EU,/);
  await page.keyboard.press('Meta+1');
  await expect(current).toHaveAccessibleName(/^Sales US,/);
  // No ninth profile: nothing happens. Nor without the modifier.
  await page.keyboard.press('Control+9');
  await page.keyboard.press('2');
  await page.keyboard.press('Control+2');
  await expect(current).toHaveAccessibleName(/^Chat desk,/);
  await expect.poll(() => ui.argsOf('selectProfile')).toEqual([['chat'], ['support'], ['sales'], ['chat']]);
});

test('Ctrl+Shift+D toggles do-not-disturb through setDnd: on, then off', async ({ openShell, page }) => {
  const ui = await openShell(workday());
  const presence = page.getByRole('button', { name: /^Presence:/ });
  await expect(presence).toHaveAccessibleName('Presence: Available');

  await page.keyboard.press('Control+Shift+D');
  await expect(presence).toHaveAccessibleName('Presence: Do not disturb');
  await page.keyboard.press('Control+Shift+D');
  await expect(presence).toHaveAccessibleName('Presence: Available');
  await expect.poll(() => ui.argsOf('setDnd')).toEqual([['on'], ['off']]);
});

test('the header presence control mirrors the tray: DND choices and per-profile presence, with the reason a command failed', async ({ openShell, page }) => {
  const ui = await openShell(workday(), { setPresence: { ok: false, reason: 'RingCentral is not signed in' } });
  // The page reads the same clock as main, so "for 1 hour" ends at a known time on any day.
  await page.clock.setFixedTime(ui.main.now);
  const presence = page.getByRole('button', { name: /^Presence:/ });
  await expect(presence).toHaveAttribute('aria-expanded', 'false');
  await presence.click();
  await expect(presence).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('group', { name: 'Presence and do not disturb' });

  // The tray's four DND choices, the current one pressed.
  const dnd = panel.getByRole('group', { name: /^Do not disturb/ });
  await expect(dnd.getByRole('button')).toHaveText(['On', 'For 1 hour', 'Until tomorrow 08:00', 'Off']);
  await expect(dnd.getByRole('button', { name: 'Off' })).toHaveAttribute('aria-pressed', 'true');
  await dnd.getByRole('button', { name: 'For 1 hour' }).click();
  await expect(dnd.getByRole('button', { name: 'For 1 hour' })).toHaveAttribute('aria-pressed', 'true');
  await expect(dnd).toHaveAccessibleName('Do not disturb: On until 10:20');
  await expect.poll(() => ui.argsOf('setDnd')).toEqual([['hour']]);

  // Per profile: the states its vendor can be set to (the rest listed, disabled), as in the tray.
  const sales = panel.getByRole('combobox', { name: 'Sales US — Available' });
  await expect(sales).toHaveValue('available');
  const enabled = await sales.locator('option:not([disabled])').allTextContents();
  expect(enabled).toEqual(['Available', 'Busy', 'Do not disturb', 'Invisible (calls still ring)']);
  await sales.selectOption('busy');
  await expect(panel.getByRole('alert')).toHaveText('Could not set Busy: RingCentral is not signed in');
  await expect.poll(() => ui.argsOf('setPresence')).toEqual([['sales', 'busy']]);

  await ui.respond('setPresence', { ok: true, detail: 'Away sent to ExpertFlow' });
  await panel.getByRole('combobox', { name: 'Support EU — Available' }).selectOption('away');
  await expect(panel.getByRole('status').filter({ hasText: 'Away sent to ExpertFlow' })).toBeVisible();
  await expect.poll(async () => (await ui.argsOf('setPresence')).at(-1)).toEqual(['support', 'away']);

  // A vendor without presence commands: no control, the reason instead.
  await expect(panel.getByRole('combobox', { name: /^Chat desk/ })).toHaveCount(0);
  await expect(panel.getByText("Switchboard cannot change this status: open Chat desk and set it in Engage Digital's own status menu.")).toBeVisible();
  await ui.screenshot('presence-panel');

  // Escape closes the panel and returns to the button.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(presence).toBeFocused();
});
