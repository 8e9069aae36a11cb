/**
 * Issue 14 items 4 and 5 through the assembled app: a call the agent lets ring out in the demo
 * softphone is on the Missed list, and Call back goes through main's dialer — the same "Call …
 * with …?" question as a link — and the demo softphone dials only after Call. "Set all to Break"
 * reaches the demo softphone and a RingCentral profile (their own presence commands) and names
 * the Engage Digital profile, which cannot follow, with where to set it.
 */
import { test, expect } from './harness/fixtures';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { demoPhone, screenshot, shellPage } from './harness/views';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

test('missed in the demo softphone → the Missed list → Call back → the question → the demo dials', async ({ launch }) => {
  test.setTimeout(300_000);
  const app = await launch();
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  const rail = shell.getByRole('navigation', { name: 'Profiles' });
  await expect(rail.getByRole('button', { name: /^Demo softphone, Ringing/ })).toBeVisible();
  // The agent does not take it: the agent declines it in the demo (RingCentral's ring-then-end, derived missed).
  await phone.getByRole('button', { name: 'Decline' }).click();
  await expect(rail.getByRole('button', { name: /^Demo softphone,.*1 new \(missed or unread\)/ })).toBeVisible();
  await expect(shell.locator('.today-counters')).toContainText('Missed1');

  await shell.getByRole('button', { name: /^Missed calls/ }).click();
  const item = shell.getByRole('list', { name: 'Missed today, newest first' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Jane Doe');
  await expect(item).toContainText('called once');
  await expect(rail.getByRole('button', { name: /new \(missed or unread\)/ })).toHaveCount(0);
  await screenshot(app, test.info().outputPath('missed-app.png'));

  await item.getByRole('button', { name: /^Call back Jane Doe/ }).click();
  const question = shell.getByRole('dialog', { name: /^Call \+?1?6505550100 with Demo softphone\?$/ });
  await expect(question).toBeVisible();
  await expect(question).toContainText('Call back on your Missed list (Demo softphone)');
  await expect(phone.locator('#log')).not.toContainText('Dialing');
  await question.getByRole('button', { name: 'Call' }).click();
  await expect(question).toBeHidden();
  await expect(phone.locator('#log')).toContainText(/Dialing \+?1?6505550100/);
  const dialLog = app.stdout.filter((l) => l.includes('"link dial ')).map((l) => (JSON.parse(l) as { message: string; data: { source: { kind: string } } }));
  expect(dialLog.map((l) => [l.message, l.data.source.kind])).toEqual([
    ['link dial asked', 'call-back'],
    ['link dial confirmed', 'call-back'],
  ]);
});

test('Set all to Break reaches the demo softphone and RingCentral and names Engage Digital, which cannot follow', async ({ launch }) => {
  test.setTimeout(300_000);
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [
      { id: 'demo', name: 'Demo softphone', vendor: 'demo' },
      { id: 'sales', name: 'Sales US', vendor: 'ringcentral-embeddable', url: `${site.origin.softphone}/crm`, allowedOrigins: [site.origin.softphone], mode: 'direct' },
      { id: 'chat', name: 'Chat desk', vendor: 'engage-digital', url: `${site.origin.softphone}/crm`, allowedOrigins: [site.origin.softphone], mode: 'direct' },
    ],
  });
  const app = await launch({ userData, env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);

  await shell.getByRole('button', { name: /^Presence:/ }).click();
  const panel = shell.getByRole('group', { name: 'Presence and do not disturb' });
  await panel.getByLabel('How long').selectOption({ label: 'For 15 minutes, then back' });
  await panel.getByRole('button', { name: 'Break', exact: true }).click();
  const result = panel.locator('.set-all-result');
  await expect(result).toContainText('Demo softphone: Busy');
  await expect(result).toContainText('Sales US: Busy');
  await expect(result).toContainText("Switchboard cannot change your status in Chat desk (Engage Digital): open Chat desk and set it in Engage Digital's own status menu.");
  // The demo softphone obeyed its own presence command; main sent RingCentral's.
  await expect(phone.locator('#log')).toContainText(/Presence: busy/i);
  await expect.poll(() => app.stdout.some((l) => l.includes('set-state sent to Sales US'))).toBe(true);
  await screenshot(app, test.info().outputPath('presence-app.png'));

  // Escape closes the panel and focus returns to its button.
  await shell.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(shell.getByRole('button', { name: /^Presence:/ })).toBeFocused();
});
