/**
 * ExpertFlow commands go on the socket that carried the agent desk's own events, and a command
 * that cannot be sent is reported as not sent. The Agent Desk simulator talks to a real Socket.IO
 * server with the real socket.io-client; a second Socket.IO connection in the same page (opened
 * later, so the newest) stands in for a chat widget.
 */
import { encodeSocketIoEvent } from '../../src/shared/vendors/socket-io-frames';
import { expertflow } from '../../src/shared/vendors/expertflow';
import { expect, test } from './harness/fixtures';
import { commandContext } from '../support/command-context';

type SimGlobals = { openWidgetSocket(): Promise<boolean>; closeDesk(): boolean };
/** Wrapped as the Agent Manager sends it (expertflow-cx-documentation@495316a4 Socket_Events agentPresence.md). */
const presence = (agentId: string) => ({
  action: 'AGENT_STATE_CHANGED',
  agentStateChanged: true,
  mrdStateChanges: [],
  agentPresence: { agent: { id: agentId, keycloakUser: { id: agentId } }, state: { name: 'READY', reasonCode: null }, agentMrdStates: [] },
});

test('with a second Socket.IO connection in the page, setState reaches the agent desk’s connection, not the newest', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-two-sockets';
  const view = await shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId }), allowedOrigins: [servers.origins.vendor] });
  const desk = await servers.expertflow.agent(agentId);
  await desk.webSocket();
  desk.emit('agentPresence', presence(agentId));
  await view.waitForEvent((e) => e.kind === 'agent.state', 'agentPresence on the desk socket');

  await view.page.evaluate(() => (globalThis as unknown as SimGlobals).openWidgetSocket());
  const widget = await servers.expertflow.agent(`widget-${agentId}`);
  // The widget talks too (its traffic is captured, as vendor.other): it is still not the desk.
  widget.emit('widgetHello', { text: 'hi' });
  await view.waitForEvent((e) => e.vendorEvent === 'widgetHello', 'the widget frame');

  const command = expertflow.commands.setState!.build('away', commandContext(view.pipeline.session(view.profile.id)!, view.pipeline.memory(view.profile.id)!));
  if (!('messages' in command)) throw new Error(command.unsupported);
  expect(await view.deliver(command.messages)).toEqual([]);
  expect((await desk.waitForReceived('changeAgentState')).args[0]).toMatchObject({ agentId, state: { name: 'NOT_READY' } });
  expect(widget.received.map((p) => p.event)).not.toContain('changeAgentState');
});

test('a command with no agent desk connection, or with it closed, fails with the reason', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-closed';
  const view = await shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId, transports: 'websocket' }), allowedOrigins: [servers.origins.vendor] });
  const desk = await servers.expertflow.agent(agentId);
  await desk.webSocket();
  const frame = encodeSocketIoEvent('/', 'changeAgentState', [{ agentId, action: 'agentState', state: { name: 'READY', reasonCode: null } }]);

  // Connected, but no frame the adapter reads as an Agent Desk event yet: no connection to pick.
  await view.page.evaluate(() => (globalThis as unknown as SimGlobals).openWidgetSocket());
  expect(await view.deliver([{ transport: 'socket.io', frame }])).toEqual([
    'no Socket.IO connection has carried Agent Desk events yet, so there is none to send the command on',
  ]);

  desk.emit('agentPresence', presence(agentId));
  await view.waitForEvent((e) => e.kind === 'agent.state', 'agentPresence');
  await view.page.evaluate(() => (globalThis as unknown as SimGlobals).closeDesk());
  await expect.poll(() => view.page.evaluate(() => (globalThis as unknown as { transport(): string }).transport())).toBe('disconnected');
  expect(await view.deliver([{ transport: 'socket.io', frame }])).toEqual(['the command was not sent: the Agent Desk socket is closed']);
  const widget = await servers.expertflow.agent(`widget-${agentId}`);
  expect(widget.received.map((p) => p.event)).not.toContain('changeAgentState');
});

test('a desk still on HTTP long-polling gets no command, and the bridge says why', async ({ shell }) => {
  const { servers } = shell;
  const agentId = 'ef-polling-only';
  const view = await shell.open({ vendor: 'expertflow', url: servers.sim('expertflow.html', { agent: agentId, transports: 'polling' }), allowedOrigins: [servers.origins.vendor] });
  const desk = await servers.expertflow.agent(agentId);
  desk.emit('agentPresence', presence(agentId));
  await view.waitForEvent((e) => e.kind === 'agent.state', 'agentPresence over polling');
  const frame = encodeSocketIoEvent('/', 'changeAgentState', [{ agentId, action: 'agentState', state: { name: 'READY', reasonCode: null } }]);
  expect(await view.deliver([{ transport: 'socket.io', frame }])).toEqual([
    'the command was not sent: the Agent Desk connection is on HTTP long-polling, where commands cannot be sent',
  ]);
});
