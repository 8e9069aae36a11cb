/**
 * Vendor traffic through the real main process: a RingCentral Embeddable widget page, top-level
 * in its view as RC's own Electron app runs it, posts what RC's code posts (the lines of
 * test/fixtures/replay, each naming its source), and the agent sees the toasts, the tray and the
 * problems the way Switchboard shows them.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { writeSettings } from './harness/settings-file';
import { startVendorSite, type VendorSite } from './harness/vendor-site';
import { caseMessages, replayed } from '../support/vendor-traffic';
import { screenshot, shellPage } from './harness/views';

let site: VendorSite;
test.beforeAll(async () => {
  site = await startVendorSite();
});
test.afterAll(async () => {
  await site.close();
});

async function launchWithWidget(launch: (o?: object) => Promise<AppProcess>, notifications: Record<string, unknown> = {}) {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'rc', name: 'Support line', vendor: 'ringcentral-embeddable', url: `${site.origin.softphone}/widget`, allowedOrigins: [site.origin.softphone], mode: 'direct' }],
    notifications,
  });
  const app = await launch({ userData, platform: 'win32', env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const widget = await app.page(`${site.origin.softphone}/widget`);
  await expect(widget.getByRole('heading', { name: 'Vendor widget' })).toBeVisible();
  return { app, widget };
}

/** Posts what the vendor's code posts, from the widget page itself (its origin is the profile's). */
const post = (widget: Page, messages: unknown[]) => widget.evaluate((list) => (globalThis as unknown as { widgetPost(l: unknown[]): void }).widgetPost(list), messages);

const trayTooltip = async (app: AppProcess) => (await app.state()).trays[0]?.toolTip ?? '';

test('a ring the widget never ends stops ringing after the ring timeout: the toast closes, the tray leaves Ringing, the log says why', async ({ launch }) => {
  const { app, widget } = await launchWithWidget(launch, { ringTimeoutSeconds: 10 });
  // Line 5: rc-call-ring-notify for Jane Doe, shaped after RC's ringCallNotify.
  await post(widget, [replayed('ringcentral-embeddable', 5).data]);
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open).map((t) => t.title)).toEqual([expect.stringContaining('Jane Doe')]);
  await expect.poll(() => trayTooltip(app)).toContain('Ringing');
  const shown = Date.now();
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open), { timeout: 20_000 }).toEqual([]);
  expect(Date.now() - shown, 'not before the ring timeout').toBeGreaterThan(8_000);
  await expect.poll(() => trayTooltip(app)).not.toContain('Ringing');
  expect(app.diag().map((l) => l.message)).toContain('ring toast closed: no vendor event ended the ring in time');
});

test('Huawei AICC: a bar that listens late still gets the subscription; its unnamed ring is replaced by the caller\'s toast without a second alert', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'aicc', name: 'Hotline', vendor: 'huawei-aicc', url: `${site.origin.softphone}/aicc`, allowedOrigins: [site.origin.softphone], mode: 'framed' }],
  });
  const app = await launch({ userData, platform: 'win32', env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const host = await app.page('app://host/profile/aicc');
  const bar = await app.frame(host, `${site.origin.softphone}/aicc`);
  // The frame can be found before its page script has run (under load): not defined yet is "not subscribed yet".
  const isSubscribed = (eventType: string) => bar.evaluate((t) => (globalThis as unknown as { isSubscribed?: (t: string) => boolean }).isSubscribed?.(t) ?? false, eventType);
  const barEvent = (eventType: string, content: unknown) =>
    bar.evaluate(([t, c]) => (globalThis as unknown as { barEvent(t: string, c: unknown): boolean }).barEvent(t as string, c), [eventType, content] as const);
  // The first eventpost is lost (the bar is not listening yet); a re-sent one reaches it.
  await expect.poll(() => isSubscribed('AgentEvent_Ringing'), { timeout: 10_000 }).toBe(true);
  expect(await isSubscribed('AgentEvent_MessageData')).toBe(true);

  expect(await barEvent('AgentOther_PhoneAlerting', null)).toBe(true);
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open).map((t) => t.title)).toEqual(['Unknown caller']);
  // Huawei API reference cec_07_0513: AgentEvent_Ringing names the caller 150 ms later.
  expect(await barEvent('AgentEvent_Ringing', { caller: '6505550142', called: '8001', callid: '1700000000-5571', type: 'main', feature: '0', mediaAbility: '1' })).toBe(true);
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open).map((t) => t.title)).toEqual(['6505550142']);
  const toasts = (await app.state()).toasts;
  expect(toasts.map((t) => [t.title, t.silent]), 'one toast for the unnamed ring, then the caller\'s replacing it silently').toEqual([
    ['Unknown caller', false],
    ['6505550142', true],
  ]);
  await expect.poll(() => app.diag().some((l) => l.message.startsWith('handshake answered'))).toBe(true);
  expect(app.diag().filter((l) => l.message.startsWith('handshake sent')).length, 'sent more than once: the first was lost').toBeGreaterThan(1);
  await screenshot(app, test.info().outputPath('aicc-caller-named.png'));
});

test('ExpertFlow: the desk\'s CRM postMessages are a second channel: a chat offer shows and closes on accept, presence reaches the tray', async ({ launch }) => {
  const userData = test.info().outputPath('user-data');
  writeSettings(userData, {
    profiles: [{ id: 'ef', name: 'Chat desk', vendor: 'expertflow', url: `${site.origin.softphone}/widget`, allowedOrigins: [site.origin.softphone], mode: 'direct' }],
  });
  const app = await launch({ userData, platform: 'win32', env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
  const widget = await app.page(`${site.origin.softphone}/widget`);
  await expect(widget.getByRole('heading', { name: 'Vendor widget' })).toBeVisible();
  // Shaped after the desk's crmEventsService.postCRMEvent (each line names its source).
  const [login, ready, offer, accepted] = caseMessages('expertflow-crm-postmessage').map((m) => m.data);
  await post(widget, [login, ready]);
  await expect.poll(() => trayTooltip(app)).toContain('Available');
  await post(widget, [offer]);
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open).map((t) => t.title)).toEqual(['test (0991223) — chat-khurram']);
  await post(widget, [accepted]);
  await expect.poll(async () => (await app.state()).toasts.filter((t) => t.open)).toEqual([]);
  await expect.poll(() => trayTooltip(app)).toContain('On call');
  const kinds = app.eventLog().map((l) => l.kind);
  expect(kinds).toEqual(expect.arrayContaining(['agent.session', 'agent.state', 'interaction.offered', 'interaction.connected']));
  expect(app.eventLog().filter((l) => l.type === 'rejection'), 'no CRM postMessage is refused').toEqual([]);
});

test('RingCentral: a call answered on another device closes its toast and is never announced as missed; a real miss still is', async ({ launch }) => {
  const { app, widget } = await launchWithWidget(launch);
  const open = async () => (await app.state()).toasts.filter((t) => t.open).map((t) => t.title);
  // RC's own traffic for a ring the agent took on the RingCentral app (each line names its source).
  const elsewhere = caseMessages('ringcentral-embeddable-answered-elsewhere').map((m) => m.data);
  await post(widget, elsewhere.slice(0, 2));
  await expect.poll(open).toEqual(['Jane Doe (+16579991394)']);
  await expect.poll(() => trayTooltip(app)).toContain('Ringing');
  await post(widget, elsewhere.slice(2));
  await expect.poll(open).toEqual([]);
  await expect.poll(() => trayTooltip(app)).not.toContain('Ringing');
  await widget.waitForTimeout(500);
  expect((await app.state()).toasts.map((t) => t.title).filter((t) => t.startsWith('Missed')), 'no "Missed call" toast').toEqual([]);
  expect(app.eventLog().filter((l) => l.kind === 'interaction.missed')).toEqual([]);

  // RingCentral's own verdict (missedCall on the agent's party) is a missed call.
  await post(widget, caseMessages('ringcentral-embeddable-missed-verdict').map((m) => m.data));
  await expect.poll(async () => (await app.state()).toasts.map((t) => t.title).filter((t) => t.startsWith('Missed'))).toEqual(['Missed call']);
  await expect.poll(() => app.eventLog().filter((l) => l.kind === 'interaction.missed').length).toBe(1);
});

test('RingCentral: a dial the widget would drop is never claimed as done — refused while signed out, and told when the widget stays silent', async ({ launch }) => {
  test.setTimeout(90_000);
  const { app, widget } = await launchWithWidget(launch);
  const shell = await shellPage(app);
  const problems = () => shell.getByRole('banner').getByRole('button', { name: /problem/ });
  const [signedIn] = caseMessages('ringcentral-embeddable-presence').map((m) => m.data);
  const signedOut = caseMessages('ringcentral-embeddable-presence')[4]!.data;
  // RC posts rc-dialer-status-notify ready once its dialer is up (main fixture line 3); dials
  // wait for it (dial-queue.ts), then go to the adapter, which knows RC said it is signed out.
  await post(widget, [signedOut, replayed('ringcentral-embeddable', 3).data]);

  const dial = async (number: string) => {
    const second = await launch({ userData: test.info().outputPath('user-data'), args: [`tel:${number}`], waitReady: false });
    expect(await second.waitForExit()).toBe(0);
    await shell.getByRole('dialog', { name: /^Call .* with Support line\?$/ }).getByRole('button', { name: 'Call' }).click();
  };
  await dial('+16505550142');
  await expect(problems()).toHaveText(/^1 problem\b/);
  const received = () => widget.locator('#received li').allTextContents();
  expect((await received()).filter((t) => t.includes('rc-adapter-new-call')), 'nothing sent while signed out').toEqual([]);
  expect(app.diag().map((l) => l.message).join('\n')).toContain('RingCentral Embeddable is signed out');

  // Signed in, the widget takes the dial and then does nothing (as RC does while another call is
  // being placed). A second link question waits out the 3 s between questions (dial-confirmation.ts).
  await post(widget, [signedIn]);
  await widget.waitForTimeout(3_500);
  await dial('+16505550143');
  await expect.poll(async () => (await received()).filter((t) => t.includes('rc-adapter-new-call')).length).toBe(1);
  await expect(problems()).toHaveText(/^2 problems\b/, { timeout: 25_000 });
  expect(app.diag().map((l) => l.message).join('\n')).toContain('RingCentral Embeddable did not start the call to');
  await shell.getByRole('banner').getByRole('button', { name: /problem/ }).click();
  await screenshot(app, test.info().outputPath('rc-dial-not-confirmed.png'));
});
