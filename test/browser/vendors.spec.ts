/**
 * Accepted events. Framed mode: each vendor simulator runs in the real host page's iframe on
 * another origin, posts its documented messages, and the real bridge (isolated world) forwards
 * them to the real core pipeline in the test process, which turns them into ShellEvents.
 */
import type { ShellEvent } from '../../src/shared/contract/shell-event';
import { expect, simCall, test, vendorFrame } from './harness/fixtures';
import type { ShellView } from './harness/shell-view';

const byRef = (view: ShellView, ref: string) => view.events().filter((e) => e.ref === ref);
const kindsOf = (events: ShellEvent[]) => events.map((e) => e.kind);

test('RingCentral Embeddable: ring, answer, end and presence become shell events', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);
  const call = { id: 'rc-call-1', fromUserName: 'Jane Doe', fromNumber: '+16505550100', callQueueName: 'Support - ' };

  await simCall(frame, 'ring', call);
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the ring to be offered');
  expect(offered).toMatchObject({ vendorEvent: 'rc-call-ring-notify', ref: 'rc-call-1', media: 'voice', queue: 'Support', party: { name: 'Jane Doe', number: '+16505550100' } });
  // The capture carries the vendor frame's origin; profile and vendor come from the view.
  expect(offered).toMatchObject({ profile: view.profile.id, vendor: 'ringcentral-embeddable' });
  expect(view.captures().at(-1)?.origin).toBe(servers.origins.vendor);
  const notify = view.records.at(-1)?.result;
  expect(notify?.accepted && notify.effects.find((f) => f.type === 'notify')).toMatchObject({ title: 'Jane Doe (+16505550100) — Support', actions: ['answer', 'decline'] });

  await simCall(frame, 'start', call);
  await simCall(frame, 'end', call);
  await simCall(frame, 'presence', 'Busy', 'TakeAllCalls');
  await view.waitForEvent((e) => e.kind === 'agent.state', 'the presence update');
  expect(kindsOf(byRef(view, 'rc-call-1'))).toEqual(['interaction.offered', 'interaction.connected', 'interaction.ended']);
  expect(view.events().find((e) => e.kind === 'agent.state')?.state).toBe('busy');
  // The login the widget posted while its page was still parsing arrived too.
  expect(view.events().find((e) => e.kind === 'agent.session')).toMatchObject({ loggedIn: true });
  expect(view.rejections()).toEqual([]);
  expect(view.senderProblems).toEqual([]);
});

test('RingCentral Embeddable: a ring that ends unanswered is derived as missed', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);
  await simCall(frame, 'ring', { id: 'rc-call-2', fromNumber: '+442079460321' });
  await simCall(frame, 'end', { id: 'rc-call-2', fromNumber: '+442079460321' });
  await view.waitForEvent((e) => e.kind === 'interaction.missed', 'the derived missed call');
  expect(kindsOf(byRef(view, 'rc-call-2'))).toEqual(['interaction.offered', 'interaction.ended', 'interaction.missed']);
});

test('Engage Digital: task ring, customer message and missed task', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'engage-digital', url: servers.sim('engage.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);

  await simCall(frame, 'taskRing', { Id: 'task-1', body: 'Where is my parcel?', author: 'Amira Khan' });
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the task ring');
  expect(offered).toMatchObject({ vendorEvent: 'smcc:task:ring', ref: 'task-1', media: 'task', queue: 'global', text: 'Where is my parcel?', party: { name: 'Amira Khan' } });

  await simCall(frame, 'taskUpdated', { Id: 'task-1', lastIdentityContentBody: 'Hello, anyone there?', identitySignature: 'Amira Khan' });
  await simCall(frame, 'taskMissed', { Id: 'task-2' });
  await view.waitForEvent((e) => e.kind === 'interaction.missed', 'the missed task');
  expect(view.events().find((e) => e.kind === 'message.inbound')).toMatchObject({ ref: 'task-1', text: 'Hello, anyone there?', party: { name: 'Amira Khan' } });
  expect(kindsOf(view.events())).toEqual(['interaction.offered', 'message.inbound', 'interaction.missed']);
  expect(view.rejections()).toEqual([]);
});

test('uContact: assigned, disposition and finished interactions', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ucontact', url: servers.sim('ucontact.html'), allowedOrigins: [servers.origins.vendor] });
  expect(await view.page.locator('iframe#vendor').getAttribute('name')).toBe('uContact');
  const frame = await vendorFrame(view.page);

  await simCall(frame, 'assigned', { guid: 'uc-1', campaign: 'Sales', channel: 'telephony', clientId: '+59899123456' });
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the assigned interaction');
  expect(offered).toMatchObject({ vendorEvent: 'assignedInteraction', ref: 'uc-1', media: 'voice', queue: 'Sales', party: { number: '+59899123456' } });

  await simCall(frame, 'disposition', 'uc-1', 'Sold the premium plan');
  await simCall(frame, 'finished', 'uc-1');
  await view.waitForEvent((e) => e.kind === 'interaction.ended', 'the finished interaction');
  expect(kindsOf(byRef(view, 'uc-1'))).toEqual(['interaction.offered', 'interaction.wrapup', 'interaction.ended']);
  expect(view.events().find((e) => e.kind === 'interaction.wrapup')?.text).toBe('Sold the premium plan');
});

test('Huawei AICC: subscribed bar events (JSON strings) become call and state events', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'huawei-aicc', url: servers.sim('aicc.html'), allowedOrigins: [servers.origins.vendor] });
  const bar = await vendorFrame(view.page);
  expect(bar.name()).toBe('ccbarclient');
  // The bar posts nothing until the host subscribed (handshake.spec.ts looks at the handshake itself).
  await expect.poll(() => simCall(bar, 'isSubscribed', 'AgentEvent_Ringing')).toBe(true);

  const ringing = { caller: '+8613800138000', called: '10086', callid: '1717-0001', type: 'main', feature: 0, mediaAbility: 1 };
  expect(await simCall(bar, 'barEvent', 'AgentEvent_Ringing', ringing)).toBe(true);
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the ringing call');
  expect(offered).toMatchObject({ vendorEvent: 'AgentEvent_Ringing', ref: '1717-0001', media: 'voice', party: { number: '+8613800138000' } });
  expect(typeof view.captures().at(-1)?.data).toBe('string');

  await simCall(bar, 'barEvent', 'AgentEvent_Talking', { ...ringing });
  await simCall(bar, 'barEvent', 'AgentEvent_Hold', '1717-0001');
  await simCall(bar, 'barEvent', 'AgentEvent_Customer_Release', { callid: '1717-0001', number: '+8613800138000' });
  await simCall(bar, 'barEvent', 'AgentState_Work', null);
  await view.waitForEvent((e) => e.kind === 'agent.state', 'the wrap-up state');
  expect(byRef(view, '1717-0001').map((e) => [e.kind, e.on])).toEqual([
    ['interaction.offered', undefined],
    ['interaction.connected', undefined],
    ['interaction.hold', true],
    ['interaction.ended', undefined],
  ]);
  expect(view.events().at(-1)).toMatchObject({ kind: 'agent.state', state: 'wrap-up' });
  expect(view.rejections()).toEqual([]);
});

test('RingCentral Embeddable, direct mode (widget as the top frame): calls and presence become shell events', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  expect(view.config.mode).toBe('direct');
  const widget = view.page.mainFrame();
  const call = { id: 'rc-direct-1', fromUserName: 'Omar Haddad', fromNumber: '+442079460321' };
  await simCall(widget, 'ring', call);
  await simCall(widget, 'start', call);
  await simCall(widget, 'presence', 'Available', 'DoNotAcceptAnyCalls');
  await view.waitForEvent((e) => e.kind === 'agent.state', 'the DND presence');
  expect(view.events().map((e) => e.kind)).toEqual(['agent.session', 'interaction.offered', 'interaction.connected', 'agent.state']);
  expect(view.events()[1]).toMatchObject({ ref: 'rc-direct-1', party: { name: 'Omar Haddad' } });
  expect(view.events()[3]?.state).toBe('dnd');
  expect(view.captures().every((c) => c.origin === servers.origins.vendor)).toBe(true);
  expect(view.rejections()).toEqual([]);
});
