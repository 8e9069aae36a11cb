/**
 * Huawei AICC's connection bar sends nothing until the host subscribes: the bridge posts the
 * adapter's eventpost handshake into the frame named ccbarclient each time that frame loads, and
 * again with backoff until the bar answers with its first event (preload/handshake-retry.ts),
 * reporting each step to main.
 */
import { huaweiAicc } from '../../src/shared/vendors/huawei-aicc';
import { expect, simCall, test, vendorFrame, waitForReceived, type Received } from './harness/fixtures';

const isHandshake = (r: Received) => typeof r.data === 'string' && r.data.includes('"eventpost"');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('eventpost arrives in ccbarclient as a JSON string from the host origin, and again after the bar reloads', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'huawei-aicc', url: servers.sim('aicc.html'), allowedOrigins: [servers.origins.vendor] });
  const bar = await vendorFrame(view.page);
  expect(bar.name()).toBe('ccbarclient');
  const [expected] = huaweiAicc.handshake!();
  expect(expected?.transport).toBe('postMessage');

  const first = await waitForReceived(bar, isHandshake);
  // Exactly the adapter's string (not an object), posted by the host page with targetOrigin = bar origin.
  expect(first).toEqual({ data: (expected as { data: unknown }).data, origin: servers.origins.host, fromParent: true });
  const subscription = JSON.parse(first.data as string) as { name: string; param: string[] };
  expect(subscription.name).toBe('eventpost');
  expect(subscription.param).toEqual(expect.arrayContaining(['AgentEvent_Ringing', 'AgentEvent_Talking', 'AgentState_Ready', 'AgentOther_PhoneAlerting', 'AgentEvent_MessageData', 'AgentEvent_linkagePhoneHold', 'AgentEvent_Inside_Call_Fail']));
  // The bar answers: the bridge stops re-sending.
  expect(await simCall(bar, 'barEvent', 'AgentState_Ready', null)).toBe(true);
  await view.waitFor(() => view.handshakes().find((h) => h.state === 'answered'), 'the handshake answered');
  const sentBeforeAnswer = ((await simCall(bar, 'handshakes')) as unknown[]).length;
  await pause(1_200);
  expect(await simCall(bar, 'handshakes')).toHaveLength(sentBeforeAnswer);
  const loadId = await bar.evaluate(() => (globalThis as unknown as { loadId: string }).loadId);

  // The bar reloads (it does on sign-in and on errors): its new document must be subscribed again.
  const navigated = view.page.waitForEvent('framenavigated', (f) => f === bar);
  await simCall(bar, 'reloadBar');
  await navigated;
  await bar.waitForLoadState('load');
  expect(await bar.evaluate(() => (globalThis as unknown as { loadId: string }).loadId)).not.toBe(loadId);
  const second = await waitForReceived(bar, isHandshake);
  expect(second).toEqual(first);

  // And the re-subscribed bar's events flow again; the new document's handshake counts from 1.
  expect(await simCall(bar, 'barEvent', 'AgentState_Ready', null)).toBe(true);
  expect(await view.waitForEvent((e) => e.kind === 'agent.state' && view.handshakes().filter((h) => h.state === 'answered').length === 2, 'AgentState_Ready after the reload')).toMatchObject({ state: 'available' });
  const afterReload = view.handshakes().slice(view.handshakes().findIndex((h) => h.state === 'answered') + 1);
  expect(afterReload[0]).toMatchObject({ state: 'sent', attempts: 1 });
  expect(afterReload.at(-1)).toMatchObject({ state: 'answered' });
  expect(view.undeliverable()).toEqual([]);
});

test('a bar that starts listening late is subscribed by a re-sent eventpost, and the state reaches main', async ({ shell }) => {
  const { servers } = shell;
  // The bar's listener appears 1.2 s after load: the eventposts at 0 and 0.5 s are lost, the one at 1.5 s lands.
  const view = await shell.open({ vendor: 'huawei-aicc', url: servers.sim('aicc.html', { listenAfter: '1200' }), allowedOrigins: [servers.origins.vendor] });
  const bar = await vendorFrame(view.page);
  await expect.poll(() => simCall(bar, 'isSubscribed', 'AgentEvent_Ringing'), { timeout: 10_000 }).toBe(true);
  expect(((await simCall(bar, 'handshakes')) as unknown[]).length).toBeGreaterThanOrEqual(3);

  const ringing = { caller: '49997', transfer: 'no', callid: '1456404043-37', transfrom: '', called: '49999', type: 'main', mediaAbility: '1', feature: '0' };
  expect(await simCall(bar, 'barEvent', 'AgentEvent_Ringing', ringing)).toBe(true);
  expect(await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the ring after the late subscription')).toMatchObject({ ref: '1456404043-37', party: { number: '49997' } });
  const answered = await view.waitFor(() => view.handshakes().find((h) => h.state === 'answered'), 'the handshake answered');
  const sent = view.handshakes().filter((h) => h.state === 'sent');
  expect(sent.map((h) => h.attempts)).toEqual(sent.map((_h, i) => i + 1));
  expect(sent.length).toBeGreaterThanOrEqual(3);
  // Backoff: 0, ~0.5 s, ~1.5 s after load.
  expect(sent[1]!.elapsedMs).toBeGreaterThanOrEqual(450);
  expect(sent[2]!.elapsedMs).toBeGreaterThanOrEqual(1_400);
  expect(answered.attempts).toBe(sent.length);
  expect(answered.elapsedMs).toBeGreaterThanOrEqual(sent.at(-1)!.elapsedMs);

  // Answered: no more eventposts (the next would have gone at 3.5 s, then 7.5 s).
  const count = ((await simCall(bar, 'handshakes')) as unknown[]).length;
  await pause(2_500);
  expect(await simCall(bar, 'handshakes')).toHaveLength(count);
  expect(view.handshakes().filter((h) => h.state === 'sent')).toHaveLength(sent.length);
  expect(view.handshakes().some((h) => h.state === 'gave-up')).toBe(false);
  expect(view.undeliverable()).toEqual([]);
});
