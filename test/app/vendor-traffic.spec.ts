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
import { screenshot } from './harness/views';

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
  const isSubscribed = (eventType: string) => bar.evaluate((t) => (globalThis as unknown as { isSubscribed(t: string): boolean }).isSubscribed(t), eventType);
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
