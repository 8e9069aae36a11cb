/**
 * Huawei AICC's connection bar sends nothing until the host subscribes: the bridge posts the
 * adapter's eventpost handshake into the frame named ccbarclient each time that frame loads.
 */
import { huaweiAicc } from '../../src/shared/vendors/huawei-aicc';
import { expect, simCall, test, vendorFrame, waitForReceived, type Received } from './harness/fixtures';

const isHandshake = (r: Received) => typeof r.data === 'string' && r.data.includes('"eventpost"');

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
  expect(subscription.param).toEqual(expect.arrayContaining(['AgentEvent_Ringing', 'AgentEvent_Talking', 'AgentState_Ready', 'AgentOther_PhoneAlerting']));
  expect(await simCall(bar, 'handshakes')).toHaveLength(1);
  const loadId = await bar.evaluate(() => (globalThis as unknown as { loadId: string }).loadId);

  // The bar reloads (it does on sign-in and on errors): its new document must be subscribed again.
  const navigated = view.page.waitForEvent('framenavigated', (f) => f === bar);
  await simCall(bar, 'reloadBar');
  await navigated;
  await bar.waitForLoadState('load');
  expect(await bar.evaluate(() => (globalThis as unknown as { loadId: string }).loadId)).not.toBe(loadId);
  const second = await waitForReceived(bar, isHandshake);
  expect(second).toEqual(first);
  expect(await simCall(bar, 'handshakes')).toHaveLength(1);

  // And the re-subscribed bar's events flow again.
  expect(await simCall(bar, 'barEvent', 'AgentState_Ready', null)).toBe(true);
  expect(await view.waitForEvent((e) => e.kind === 'agent.state', 'AgentState_Ready after the reload')).toMatchObject({ state: 'available' });
  expect(view.undeliverable()).toEqual([]);
});
