/**
 * Toll fraud from a vendor page: a third-party widget framed inside a vendor view calls
 * window.open('tel:+19005550199') on load, with no gesture. Nothing reaches the OS (which would
 * hand the link straight back to Switchboard, its registered tel: handler) and nothing is
 * dialled until the agent answers "Call +19005550199 with Sales US?" in the shell window.
 * Cancel dials nothing; more links meanwhile are refused and logged; Call dials through the
 * demo softphone. A plain same-window tel: link in the vendor page asks the same way; a mailto:
 * link opens the OS mail app.
 */
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { PREMIUM_NUMBER, startVendorSite, type VendorSite } from './harness/vendor-site';
import { demoPhone, screenshot, shellPage } from './harness/views';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

/** The diagnostics lines about link dials, as main wrote them. */
function linkDialLog(app: AppProcess): Array<{ message: string; data: { profile: string; source: { kind: string; profile?: string; via?: string }; number: string; reason?: string } }> {
  return app.stdout
    .filter((l) => l.includes('"link dial '))
    .map((l) => JSON.parse(l) as { message: string; data: never });
}

const dialsToOs = async (app: AppProcess) => (await app.state()).opened.filter((o) => /^(tel|callto|sips?):/i.test(o.target));

/** How many vendor views the window draws now (the shell UI's own view not counted). */
async function vendorViewsShown(app: AppProcess): Promise<number> {
  const state = await app.state();
  const shellContents = state.contents.find((c) => c.url.startsWith('app://shell/'))!.id;
  return state.windows[0]!.views.filter((v) => v.contents !== shellContents && v.visible).length;
}

async function shownVendorPage(app: AppProcess): Promise<string | undefined> {
  const state = await app.state();
  const shown = state.windows[0]!.views.filter((v) => v.visible).map((v) => state.contents.find((c) => c.id === v.contents)?.url);
  return shown.find((url) => url !== undefined && !url.startsWith('app://shell/'));
}

test('a third-party frame in a vendor view cannot place a call: the agent is asked in the shell window, Cancel dials nothing, Call dials', async ({ launch }) => {
  // Two cooldowns of the rate limit and two views to load, on a loaded machine.
  test.setTimeout(120_000);
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [
      { id: 'sales-us', name: 'Sales US', vendor: 'demo' },
      {
        id: 'support',
        name: 'Support',
        vendor: 'ringcentral-embeddable',
        url: `${site.origin.softphone}/crm`,
        // The vendor page embeds the widget, so IT allowed its origin for the page to work.
        allowedOrigins: [site.origin.softphone, site.origin.widget],
        mode: 'direct',
      },
    ],
  });
  const app = await launch({ userData, args: ['--profile', 'support'], env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app, 'sales-us');
  const crm = await app.page(`${site.origin.softphone}/crm`);
  const widget = await app.frame(crm, `${site.origin.widget}/chat`);
  await expect(widget.getByRole('button', { name: 'Call us' })).toBeVisible();

  // The widget's window.open on load: asked in the shell, naming the number and the profile.
  const question = shell.getByRole('dialog', { name: `Call ${PREMIUM_NUMBER} with Sales US?` });
  await expect(question).toBeVisible();
  await expect(question).toContainText('Asked by a page in Support');
  await expect(question.getByRole('button', { name: 'Cancel' }), 'focus starts on Cancel').toBeFocused();
  expect(await dialsToOs(app), 'the OS was never asked to open the tel: link').toEqual([]);
  await expect(phone.locator('#log')).not.toContainText('Dialing');
  expect(await vendorViewsShown(app), 'no vendor view is drawn over the question').toBe(0);
  expect((await app.state()).windows[0], 'the window came forward to ask').toMatchObject({ visible: true, focused: true });
  await screenshot(app, test.info().outputPath('dial-question.png'));

  // Escape is Cancel: nothing is dialled.
  await shell.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect.poll(() => linkDialLog(app).map((l) => l.message)).toEqual(['link dial asked', 'link dial cancelled']);
  expect(await vendorViewsShown(app)).toBe(1);

  // Right after: the widget asks again and is refused (rate limit), and that is logged.
  await widget.getByRole('button', { name: 'Call us' }).click();
  await expect.poll(() => linkDialLog(app).map((l) => l.message)).toEqual(['link dial asked', 'link dial cancelled', 'link dial refused']);
  await expect(shell.getByRole('dialog')).toHaveCount(0);
  expect(linkDialLog(app)[0]!.data).toMatchObject({ profile: 'sales-us', source: { kind: 'view', profile: 'support', via: 'window-open' } });

  // After the cooldown the widget may ask again; this time the agent says Call.
  await expect
    .poll(async () => {
      await widget.getByRole('button', { name: 'Call us' }).click();
      return question.isVisible();
    }, { timeout: 10_000, intervals: [1_000] })
    .toBe(true);
  await expect(phone.locator('#log')).not.toContainText('Dialing');
  await question.getByRole('button', { name: 'Call' }).click();
  await expect(question).toBeHidden();
  await expect(phone.locator('#log')).toContainText(`Dialing ${PREMIUM_NUMBER}`);
  // main says the command went, and the agent is not told it failed.
  await expect.poll(() => app.stdout.some((l) => l.includes('"dial sent to Sales US"'))).toBe(true);
  expect(app.stdout.filter((l) => /command not run|Could not call/.test(l))).toEqual([]);
  // Placing the call brought the dialling profile (Sales US) forward; the agent goes back to
  // Support, as they would to click a link in it (a hidden view's page gets no clicks).
  await shell.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Support/ }).click();
  await expect.poll(() => shownVendorPage(app)).toBe(`${site.origin.softphone}/crm`);

  // A plain same-window tel: link in the vendor page asks the same way (before, it was dead).
  const callLink = shell.getByRole('dialog', { name: 'Call +19005550100 with Sales US?' });
  // One click once the 3 s cooldown after the last question is over: headless Chromium stops
  // reporting repeated same-window navigations to tel: from one document after two were cancelled,
  // so this part does not poll with clicks as the widget part does.
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  await crm.getByRole('link', { name: 'Call the customer' }).click();
  await expect(callLink).toBeVisible();
  await expect(callLink).toContainText('Asked by a link in Support');
  await callLink.getByRole('button', { name: 'Cancel' }).click();
  await expect(callLink).toBeHidden();
  await expect(phone.locator('#log')).not.toContainText('+19005550100');

  // A mailto: link opens the OS mail app (a draft the agent sends or not).
  await crm.getByRole('link', { name: 'Write to the customer' }).click();
  await expect.poll(async () => (await app.state()).opened).toContainEqual({ kind: 'external', target: 'mailto:customer@example.com' });

  expect(await dialsToOs(app), 'no dial link ever reached the OS').toEqual([]);
  // Every link dial is in the diagnostics log with its profile and source (the polling clicks
  // above may add refusals while a question was open).
  const log = linkDialLog(app);
  expect(log.filter((l) => l.message === 'link dial confirmed')).toHaveLength(1);
  expect(log.at(-1)).toMatchObject({ message: 'link dial cancelled', data: { profile: 'sales-us', number: '+19005550100', source: { kind: 'view', profile: 'support', via: 'navigation' } } });
  expect(log.every((l) => l.data.profile === 'sales-us' && l.data.source.profile === 'support')).toBe(true);
});
