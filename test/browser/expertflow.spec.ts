/**
 * ExpertFlow, direct mode: the Agent Desk simulator is the top frame and talks to a real
 * Socket.IO server with the real socket.io-client. The socket tap (installSocketTap, serialized
 * with toString and injected into the main world before page scripts) relays its WebSocket
 * frames to the isolated-world bridge, and the pipeline decodes them with the ExpertFlow adapter.
 */
import { expertflow } from '../../src/shared/vendors/expertflow';
import { expect, test } from './harness/fixtures';
import { commandContext } from '../support/command-context';

const customer = { firstName: 'Amira', lastName: 'Khan' };
const channelSession = { channel: { channelType: { name: 'WEB' } }, customer, channelData: { channelCustomerIdentifier: 'amira@example.com' } };

/** Wrapped as the Agent Manager sends it (expertflow-cx-documentation@495316a4 Socket_Events agentPresence.md, Example Event). */
const presence = (agentId: string, name: string) => ({
  action: 'AGENT_STATE_CHANGED',
  agentStateChanged: true,
  mrdStateChanges: [],
  agentPresence: {
    agent: { id: agentId, participantType: 'CCUser', keycloakUser: { id: agentId } },
    state: { name, reasonCode: null },
    stateChangeTime: Date.now(),
    agentMrdStates: [],
    agentLoginTime: Date.now(),
  },
});

test('Agent Desk traffic becomes shell events, and setState reaches the Agent Manager as changeAgentState', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-agent-1';
  // socket.io-client's default transports: long-polling first, then the upgrade to a WebSocket.
  const view = await shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId }), allowedOrigins: [servers.origins.vendor] });
  expect(view.config).toMatchObject({ mode: 'direct', socketTap: true });
  const agentManager = await servers.expertflow.agent(agentId);
  await agentManager.webSocket();

  // Without an agentPresence the shell does not know the agent id, so it cannot set the state.
  expect(expertflow.commands.setState!.build('away', commandContext(view.pipeline.session(view.profile.id) ?? {}, view.pipeline.memory(view.profile.id)!))).toHaveProperty('unsupported');

  agentManager.emit('agentPresence', presence(agentId, 'READY'));
  const state = await view.waitForEvent((e) => e.kind === 'agent.state', 'agentPresence');
  expect(state).toMatchObject({ vendorEvent: 'agentPresence', state: 'available' });
  expect(view.pipeline.session(view.profile.id)).toMatchObject({ agentId, namespace: '/' });

  agentManager.emit('taskRequest', { taskId: 'task-77', taskState: { name: 'RESERVED' }, conversationId: 'conv-9', channelSession, taskDirection: 'INBOUND', queue: { id: 'q1', name: 'Support' } });
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'taskRequest');
  expect(offered).toMatchObject({ ref: 'task-77', media: 'chat', queue: 'Support', party: { name: 'Amira Khan', number: 'amira@example.com' } });

  const cimEvent = { id: 'cim-in-1', name: 'CUSTOMER_MESSAGE', type: 'MESSAGE', timestamp: new Date().toISOString(), data: { header: { sender: { type: 'CUSTOMER', participant: customer }, channelSession }, body: { type: 'PLAIN', markdownText: 'Is my order shipped?' } } };
  agentManager.emit('onCimEvent', { cimEvent });
  const inbound = await view.waitForEvent((e) => e.kind === 'message.inbound', 'onCimEvent');
  expect(inbound).toMatchObject({ ref: 'cim-in-1', text: 'Is my order shipped?', party: { name: 'Amira Khan' } });

  // The desk publishes the agent's reply on its own socket: the tap sees it going out.
  const outId = await view.page.evaluate(() => (globalThis as unknown as { publish(c: string, t: string): string }).publish('conv-9', 'Yes, it left today.'));
  const outbound = await view.waitForEvent((e) => e.kind === 'message.outbound', 'publishCimEvent');
  expect(outbound).toMatchObject({ ref: outId, text: 'Yes, it left today.' });
  expect((await agentManager.waitForReceived('publishCimEvent')).args[0]).toMatchObject({ agentId, conversationId: 'conv-9' });

  // The tray sets "away": the command is a Socket.IO frame sent on the desk's own socket.
  const command = expertflow.commands.setState!.build('away', commandContext(view.pipeline.session(view.profile.id)!, view.pipeline.memory(view.profile.id)!));
  if (!('messages' in command)) throw new Error(command.unsupported);
  expect(await view.deliver(command.messages)).toEqual([]);
  const changed = await agentManager.waitForReceived('changeAgentState');
  expect(changed.args).toEqual([{ agentId, action: 'agentState', state: { name: 'NOT_READY', reasonCode: null } }]);
  // The tap reports the frame it sent, like any other outgoing frame.
  await view.waitForEvent((e) => e.vendorEvent === 'changeAgentState', 'the tapped changeAgentState frame');
  expect(view.captures().every((c) => c.transport === 'socket.io' && c.origin === servers.origins.vendor)).toBe(true);
  expect(view.rejections()).toEqual([]);
  expect(view.undeliverable()).toEqual([]);
});

test('the tap is in place before page scripts: the first frames of a WebSocket-only client are captured', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-agent-2';
  const opened = shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId, transports: 'websocket' }), allowedOrigins: [servers.origins.vendor] });
  // The documented first server event, sent the moment the desk connects, while its page loads.
  const agentManager = await servers.expertflow.agent(agentId);
  agentManager.emit('agentPresence', presence(agentId, 'NOT_READY'));
  const view = await opened;
  const state = await view.waitForEvent((e) => e.kind === 'agent.state', 'the first agentPresence');
  expect(state.state).toBe('away');
  // socket.io-client took window.WebSocket when its script ran: it got the tapped constructor.
  const frames = view.captures().map((c) => [c.direction, String(c.data).slice(0, 2)]);
  expect(frames.slice(0, 3)).toEqual([
    ['in', '0{'],
    ['out', '40'],
    ['in', '40'],
  ]);
});

test('before (or without) the WebSocket upgrade, long-polling traffic is tapped too', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-agent-3';
  // A polling-only client: every packet travels in XHR payloads, never on a WebSocket.
  const view = await shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId, transports: 'polling' }), allowedOrigins: [servers.origins.vendor] });
  const agentManager = await servers.expertflow.agent(agentId);
  agentManager.emit('agentPresence', presence(agentId, 'READY'));
  agentManager.emit('taskRequest', { taskId: 'task-88', taskState: { name: 'RESERVED' }, conversationId: 'conv-10', channelSession, taskDirection: 'INBOUND', queue: { id: 'q1', name: 'Sales' } });
  expect(await view.waitForEvent((e) => e.kind === 'agent.state', 'agentPresence over polling')).toMatchObject({ state: 'available' });
  expect(await view.waitForEvent((e) => e.kind === 'interaction.offered', 'taskRequest over polling')).toMatchObject({ ref: 'task-88', queue: 'Sales' });
  expect(view.pipeline.session(view.profile.id)).toMatchObject({ agentId });

  const outId = await view.page.evaluate(() => (globalThis as unknown as { publish(c: string, t: string): string }).publish('conv-10', 'Polling reply'));
  expect(await view.waitForEvent((e) => e.kind === 'message.outbound', 'publishCimEvent over polling')).toMatchObject({ ref: outId, text: 'Polling reply' });
  // Both directions really went over XHR: the connect packet came in a polling payload.
  expect(view.captures().some((c) => c.direction === 'in' && String(c.data).startsWith('0{'))).toBe(true);
  expect(view.rejections()).toEqual([]);
});

test('the desk’s CRM postMessage events are a second channel: posted to window.parent, captured and read', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-agent-4';
  const view = await shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId }), allowedOrigins: [servers.origins.vendor] });
  // expertflow/agent-desk-ui@f04b6b9d main.3f924a1f254f066c7376.js crmEventsService.sendEventMessage:
  // window.parent.postMessage({eventName, agentData}, '*'); AGENT_STATE_CHANGE's agentData is
  // {id, firstName, agentData: <the agentPresence event>}. In direct mode the desk is the top
  // frame, so window.parent is the window itself.
  await view.page.evaluate((id) => {
    const event = { action: 'AGENT_STATE_CHANGED', agentStateChanged: true, mrdStateChanges: [], agentPresence: { agent: { id, participantType: 'CCUser', keycloakUser: { id } }, state: { name: 'NOT_READY', reasonCode: null }, agentMrdStates: [{ mrd: { id: 'm1', name: 'CHAT' }, state: 'NOT_READY' }] } };
    (globalThis as unknown as { parent: { postMessage(data: unknown, target: string): void } }).parent.postMessage({ eventName: 'AGENT_STATE_CHANGE', agentData: { id, firstName: 'Ann', agentData: event } }, '*');
  }, agentId);
  const state = await view.waitForEvent((e) => e.vendorEvent === 'AGENT_STATE_CHANGE', 'the CRM AGENT_STATE_CHANGE');
  expect(state).toMatchObject({ kind: 'agent.state', state: 'away', text: 'MRDs: CHAT NOT_READY' });
  expect(view.pipeline.session(view.profile.id)).toMatchObject({ agentId });
  expect(view.captures().filter((c) => c.transport === 'postMessage')).toHaveLength(1);
  expect(view.rejections()).toEqual([]);
});
