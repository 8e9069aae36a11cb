/**
 * Commands main builds with the adapters' command builders, delivered through the bridge's
 * deliver(): they must arrive in the vendor frame posted by the host page with the exact vendor
 * origin as targetOrigin (never '*'), and must not reach a document of any other origin.
 */
import type { CommandResult, OutboundMessage } from '../../src/shared/contract/outbound';
import { huaweiAicc } from '../../src/shared/vendors/huawei-aicc';
import { ringcentralEmbeddable } from '../../src/shared/vendors/ringcentral-embeddable';
import { ucontact } from '../../src/shared/vendors/ucontact';
import { expect, received, simCall, test, vendorFrame, waitForReceived, type Received } from './harness/fixtures';
import { commandContext } from '../support/command-context';

function messagesOf(result: CommandResult): OutboundMessage[] {
  if ('unsupported' in result) throw new Error(`unsupported: ${result.unsupported}`);
  return result.messages;
}
const ctx = commandContext();
const typed = (type: string) => (r: Received) => (r.data as { type?: string } | null)?.type === type;

test('RingCentral: answer and presence arrive in the vendor frame from the host origin', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);

  expect(await view.deliver(messagesOf(ringcentralEmbeddable.commands.answer!('rc-call-9', ctx)))).toEqual([]);
  expect(await waitForReceived(frame, typed('rc-adapter-control-call'))).toEqual({
    data: { type: 'rc-adapter-control-call', callAction: 'answer', callId: 'rc-call-9' },
    origin: servers.origins.host,
    fromParent: true,
  });
  expect(await view.deliver(messagesOf(ringcentralEmbeddable.commands.setState!.build('dnd', ctx)))).toEqual([]);
  expect((await waitForReceived(frame, typed('rc-adapter-set-presence'))).data).toEqual({ type: 'rc-adapter-set-presence', dndStatus: 'DoNotAcceptAnyCalls' });
  expect(view.undeliverable()).toEqual([]);
});

test('Huawei AICC: callout is posted as an object to ccbarclient from the host origin', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'huawei-aicc', url: servers.sim('aicc.html'), allowedOrigins: [servers.origins.vendor] });
  const bar = await vendorFrame(view.page);
  expect(await view.deliver(messagesOf(huaweiAicc.commands.dial!('88889007', ctx)))).toEqual([]);
  const callout = await waitForReceived(bar, (r) => (r.data as { name?: string } | null)?.name === 'callout');
  expect(callout).toEqual({ data: { name: 'callout', param: ['88889007', 'audio'] }, origin: servers.origins.host, fromParent: true });
});

test('uContact: dial within a campaign is posted as startInteraction', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ucontact', url: servers.sim('ucontact.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);
  expect(ucontact.commands.dial!('+59899123456', ctx)).toHaveProperty('unsupported');
  expect(await view.deliver(messagesOf(ucontact.commands.dial!('+59899123456', ctx, { campaign: 'Sales' })))).toEqual([]);
  const start = await waitForReceived(frame, (r) => (r.data as { event?: string } | null)?.event === 'startInteraction');
  expect(start).toEqual({ data: { event: 'startInteraction', data: { campaign: 'Sales', channel: 'telephony', clientId: '+59899123456' } }, origin: servers.origins.host, fromParent: true });
});

test('a Socket.IO command for a postMessage profile is reported undeliverable', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'engage-digital', url: servers.sim('engage.html'), allowedOrigins: [servers.origins.vendor] });
  const problems = await view.deliver([{ transport: 'socket.io', frame: '42["changeAgentState",{}]' }]);
  expect(problems).toEqual(['this profile does not tap a Socket.IO connection']);
  await view.waitFor(() => (view.undeliverable().length > 0 ? true : undefined), 'the undeliverable report');
  expect(view.undeliverable()).toEqual(problems);
});

test.describe('a vendor frame whose document has another origin gets no command', () => {
  test('framed: the vendor document became opaque (sandboxed itself)', async ({ shell }) => {
    const { servers } = shell;
    const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
    const frame = await vendorFrame(view.page);
    await simCall(frame, 'navigateTo', servers.sim('ringcentral.html', { opaque: '1' }));
    await frame.waitForURL(/opaque=1/);
    await frame.waitForLoadState('load');

    expect(await view.deliver(messagesOf(ringcentralEmbeddable.commands.hangup!('rc-call-1', ctx)))).toEqual([]);
    // A probe posted after it with targetOrigin '*' arrives; messages from one window to another
    // are delivered in order, so the command, posted first, was dropped by its targetOrigin.
    await view.evaluateIsolated(`document.getElementById('vendor').contentWindow.postMessage({ probe: 1 }, '*')`);
    await waitForReceived(frame, (r) => (r.data as { probe?: number } | null)?.probe === 1);
    expect((await received(frame)).map((r) => r.data)).toEqual([{ probe: 1 }]);
  });

  test('framed: the host page CSP (frame-src) keeps the vendor frame from navigating to another origin', async ({ shell }) => {
    const { servers } = shell;
    const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
    const frame = await vendorFrame(view.page);
    await simCall(frame, 'navigateTo', servers.sim('third.html', {}, servers.origins.third));
    await frame.waitForURL((url) => !url.href.startsWith(servers.origins.vendor));
    expect(frame.url()).toBe('chrome-error://chromewebdata/');
  });

  test('direct: the view navigated to another origin', async ({ shell }) => {
    const { servers } = shell;
    const view = await shell.open({ vendor: 'ringcentral-embeddable', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
    const page = view.page.mainFrame();
    // In direct mode commands are posted to the page's own window, with its vendor origin.
    expect(await view.deliver(messagesOf(ringcentralEmbeddable.commands.answer!('rc-call-3', ctx)))).toEqual([]);
    const answer = await waitForReceived(page, typed('rc-adapter-control-call'));
    expect(answer.origin).toBe(servers.origins.vendor);
    // The bridge hears its own command too, and drops it as an echo instead of capturing it.
    expect(await view.page.evaluate(() => (globalThis as unknown as { emit(m: unknown): boolean }).emit({ type: 'rc-route-changed-notify', path: '/after' }))).toBe(true);
    await view.waitForEvent((e) => e.vendorEvent === 'rc-route-changed-notify', 'the route change');
    expect(view.captures().some((c) => (c.data as { type?: string }).type === 'rc-adapter-control-call')).toBe(false);

    await view.page.goto(servers.sim('third.html', {}, servers.origins.third));
    expect(await view.deliver(messagesOf(ringcentralEmbeddable.commands.answer!('rc-call-4', ctx)))).toEqual([]);
    await view.evaluateIsolated(`window.postMessage({ probe: 2 }, '*')`);
    await waitForReceived(page, (r) => (r.data as { probe?: number } | null)?.probe === 2);
    expect((await received(page)).map((r) => r.data)).toEqual([{ probe: 2 }]);
  });
});
