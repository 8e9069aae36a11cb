/**
 * ExpertFlow as its desk really speaks: the replay cases in test/fixtures/replay/cases/expertflow-*
 * (each line names the agent-desk-ui bundle function or the documentation sample it is shaped
 * after), run through the real pipeline, and what each means for the agent: tray state, toasts,
 * refs, parties, and what a state command says it will do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { isOfferName, vendorEventName } from '../../../src/shared/vendors/event-name';
import { expertflow } from '../../../src/shared/vendors/expertflow';
import { readyOutcome } from '../../../src/shared/vendors/expertflow-commands';
import { AdapterMemory } from '../../../src/shared/vendors/memory';
import { commandContext } from '../../support/command-context';
import { replayCase } from '../../support/replay-case';

/** From expertflow-cx-documentation@495316a4 Socket_Events agentPresence.md and taskRequest.md. */
const AGENT = 'eed4c6de-27b0-4321-b057-2a618dcad6d1';
const TASK = '8d0e3f28-3094-4f08-8d53-f2758b8bd06d:0b5e04fa-8b51-4aaf-ae6c-aa0004aa38aa';

const kinds = (events: readonly ShellEvent[]) => events.map((e) => e.kind);
const profilePresence = (run: ReturnType<typeof replayCase>) => run.pipeline.presence().profiles.find((p) => p.profile === 'expertflow');

describe('ExpertFlow: the wrapped agentPresence', () => {
  const run = replayCase('expertflow-presence-wrapped');

  it('reaches the tray: NOT_READY → away, READY → available, LOGOUT → offline', () => {
    expect(run.lines.map((l) => l.events.map((e) => e.state ?? '-').join())).toEqual(['away', 'available', '-', 'offline']);
    expect(profilePresence(run)).toMatchObject({ agentState: 'offline', state: 'offline' });
  });

  it('learns the agent id from agentPresence.agent, so set state is possible', () => {
    expect(run.pipeline.session('expertflow')).toEqual({ agentId: AGENT, namespace: '/' });
    // From the presence itself, not only from a changeAgentState the desk sends later.
    const first = JSON.parse(readFileSync(new URL('../../fixtures/replay/cases/expertflow-presence-wrapped.jsonl', import.meta.url), 'utf8').split('\n')[0]!) as { data: string };
    const r = expertflow.normalize({ profile: 'p', vendor: 'expertflow', origin: 'https://cx.example.com', transport: 'socket.io', direction: 'in', data: first.data, at: 1 }, new AdapterMemory());
    expect('session' in r && r.session).toEqual({ agentId: AGENT, namespace: '/' });
  });

  it('logs the MRD states beside the global state', () => {
    expect(run.lines[1]!.events[0]!.text).toBe('MRDs: CX VOICE NOT_READY, CHAT READY, CISCO CC READY');
  });
});

describe('ExpertFlow: set state says what READY routes', () => {
  it('READY after the documented presence names the MRDs that will and will not route', () => {
    const run = replayCase('expertflow-presence-wrapped');
    const session = run.pipeline.session('expertflow')!;
    const result = expertflow.commands.setState!.build('available', commandContext(session, run.pipeline.memory('expertflow')!));
    if (!('messages' in result)) throw new Error(result.unsupported);
    const payload = { agentId: AGENT, action: 'agentState', state: { name: 'READY', reasonCode: null } };
    expect(result.messages).toEqual([{ transport: 'socket.io', frame: `42${JSON.stringify(['changeAgentState', payload])}` }]);
    // The last agentPresence (LOGOUT) listed CX VOICE NOT_READY, CHAT and CISCO CC READY.
    expect(result.confirm!.what).toBe('report the agent READY (tasks will route on CHAT, CISCO CC; not on CX VOICE, which stay NOT_READY until switched on in Agent Desk)');
    expect(result.confirm!.by(run.lines[1]!.events[0]!)).toBe(true);
    expect(result.confirm!.by(run.lines[0]!.events[0]!)).toBe(false);
  });

  it('says plainly when no MRD is ready, or none is known', () => {
    expect(readyOutcome([{ name: 'CHAT', state: 'NOT_READY' }])).toBe('report the agent READY; no media routing domain is READY (CHAT), so no task will route until one is switched on in Agent Desk');
    expect(readyOutcome([])).toMatch(/^report the agent READY \(tasks route only on the media routing domains switched on in Agent Desk/);
    expect(readyOutcome([{ name: 'CHAT', state: 'BUSY' }])).toBe('report the agent READY (tasks will route on CHAT)');
  });

  it('NOT_READY and LOGOUT are confirmed by the agentPresence that follows', () => {
    const run = replayCase('expertflow-presence-wrapped');
    const ctx = commandContext(run.pipeline.session('expertflow')!, run.pipeline.memory('expertflow')!);
    const off = expertflow.commands.setState!.build('offline', ctx);
    if (!('messages' in off)) throw new Error(off.unsupported);
    expect(off.confirm!.what).toBe('report the agent LOGOUT');
    expect(off.confirm!.by(run.lines[3]!.events[0]!)).toBe(true);
  });
});

describe('ExpertFlow: a chat offer and what became of it', () => {
  it('accepted: topicSubscription closes the toast; the connector customer message and the agent reply are logged, typing and read receipts are not messages', () => {
    const run = replayCase('expertflow-chat-accepted');
    expect(run.toasts).toEqual(['show test (0991223) — chat-khurram', `close ${TASK}`, 'show test (0991223) · ExpertFlow Agent Desk']);
    const [offer, accepted, inbound, typing, outbound, receipt] = run.lines.map((l) => l.events[0]!);
    expect(offer).toMatchObject({ kind: 'interaction.offered', ref: TASK, media: 'chat', party: { name: 'test', number: '0991223' }, queue: 'chat-khurram' });
    expect(accepted).toMatchObject({ kind: 'interaction.connected', ref: TASK, media: 'chat', party: { name: 'test', number: '0991223' }, vendorEvent: 'topicSubscription' });
    // cimEvent arrived as a JSON string; its CONNECTOR sender is the customer (header.customer names it).
    expect(inbound).toMatchObject({ kind: 'message.inbound', ref: '65b3acc0f5827022ac07f4bb', text: 'Hi, my order has not arrived', party: { name: 'test', number: '0991223' } });
    expect(typing).toMatchObject({ kind: 'vendor.info', vendorEvent: 'publishCimEvent' });
    expect(outbound).toMatchObject({ kind: 'message.outbound', ref: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c', text: 'Sorry about that, let me check', party: { name: 'test', number: '0991223' } });
    expect(receipt).toMatchObject({ kind: 'vendor.info', vendorEvent: 'publishCimEvent' });
    expect(profilePresence(run)).toMatchObject({ state: 'on-call' });
  });

  it('revoked: revokeTask closes the toast and the agent is told the chat was missed', () => {
    const run = replayCase('expertflow-chat-revoked');
    expect(run.toasts).toEqual(['show test (0991223) — chat-khurram', `close ${TASK}`, 'show Missed chat']);
    expect(run.lines[1]!.events[0]).toMatchObject({ kind: 'interaction.missed', ref: TASK, media: 'chat', party: { name: 'test', number: '0991223' }, queue: 'chat-khurram' });
  });

  it('a taskRequest already STARTED is an accepted task: no toast, no second connect from the desk’s own subscription', () => {
    const run = replayCase('expertflow-task-started');
    expect(run.toasts).toEqual([]);
    expect(kinds(run.events)).toEqual(['interaction.connected', 'vendor.info']);
    expect(run.events[0]).toMatchObject({ ref: TASK, party: { name: 'test' } });
    expect(profilePresence(run)).toMatchObject({ state: 'on-call' });
  });
});

describe('ExpertFlow: the CRM postMessage channel', () => {
  it('login, state, an offer and its accept arrive by postMessage as well', () => {
    const run = replayCase('expertflow-crm-postmessage');
    expect(run.lines.every((l) => l.accepted)).toBe(true);
    expect(run.lines[0]!.events[0]).toMatchObject({ kind: 'agent.session', loggedIn: true, vendorEvent: 'AGENT_LOGIN' });
    expect(run.lines[1]!.events[0]).toMatchObject({ kind: 'agent.state', state: 'available', vendorEvent: 'AGENT_STATE_CHANGE' });
    expect(run.pipeline.session('expertflow')).toEqual({ agentId: AGENT });
    expect(run.toasts).toEqual(['show test (0991223) — chat-khurram', `close ${TASK}`]);
    expect(run.lines[3]!.events[0]).toMatchObject({ kind: 'interaction.connected', ref: TASK });
    // The CRM page's own snippet ({action, agentPresence} without the desk's {id, agentData} wrapper).
    expect(run.lines[4]!.events[0]).toMatchObject({ kind: 'agent.state', state: 'away', text: 'MRDs: CHAT NOT_READY' });
  });

  const post = (data: unknown): RawCapture => ({ profile: 'p', vendor: 'expertflow', origin: 'https://cx.example.com', transport: 'postMessage', data, at: 1 });

  it('the same task by both channels is one story: the CRM repeat of the socket offer adds nothing', () => {
    const memory = new AdapterMemory();
    const task = { taskId: 't-1', conversationId: 'c-1', taskState: { name: 'RESERVED' }, channelSession: { channel: { channelType: { name: 'WEB' } } } };
    const socket = expertflow.normalize({ ...post(`42${JSON.stringify(['taskRequest', task])}`), transport: 'socket.io', direction: 'in' }, memory);
    const crm = expertflow.normalize(post({ eventName: 'AGENT_TASK_STATE', agentData: task }), memory);
    expect('events' in socket && kinds(socket.events)).toEqual(['interaction.offered']);
    // No ref: a vendor.info with the task's ref would close its toast.
    expect('events' in crm && crm.events.map((e) => [e.kind, e.ref])).toEqual([['vendor.info', undefined]]);
  });

  it('the capture bridge names CRM postMessages for its rate fairness, and AGENT_TASK_STATE gets the ring budget', () => {
    expect(vendorEventName('expertflow', { eventName: 'AGENT_TASK_STATE', agentData: {} })).toBe('AGENT_TASK_STATE');
    expect(vendorEventName('expertflow', { event: 'CHAT_SWITCHING', agentData: {} })).toBe('CHAT_SWITCHING');
    expect(isOfferName('expertflow', 'AGENT_TASK_STATE')).toBe(true);
    // Socket.IO frames as before: an offer only from the Agent Manager.
    expect(vendorEventName('expertflow', '42["taskRequest",{}]')).toBe('taskRequest');
    expect(isOfferName('expertflow', 'taskRequest', 'out')).toBe(false);
  });

  it('other page messages are refused with a reason; unknown CRM names are vendor.other', () => {
    const memory = new AdapterMemory();
    expect(expertflow.normalize(post('hello'), memory)).toEqual({ reject: 'not an ExpertFlow CRM event: expected an {eventName, agentData} object' });
    expect(expertflow.normalize(post({ type: 'webpackOk' }), memory)).toEqual({ reject: 'not an ExpertFlow CRM event: it has no eventName' });
    expect(expertflow.normalize(post({ eventName: 'AGENT_LOGIN', agentData: 'x' }), memory)).toEqual({ reject: 'not an ExpertFlow AGENT_LOGIN event: agentData is not an object' });
    const other = expertflow.normalize(post({ eventName: 'SOMETHING_NEW', agentData: {} }), memory);
    expect('events' in other && other.events.map((e) => [e.kind, e.vendorEvent])).toEqual([['vendor.other', 'SOMETHING_NEW']]);
  });
});

describe('ExpertFlow: onCimEvent as a JSON string is bounded and validated', () => {
  const socket = (payload: unknown): RawCapture => ({ profile: 'p', vendor: 'expertflow', origin: 'https://cx.example.com', transport: 'socket.io', direction: 'in', data: `42${JSON.stringify(['onCimEvent', payload])}`, at: 1 });
  const run = (payload: unknown) => expertflow.normalize(socket(payload), new AdapterMemory());

  it('a string that is not JSON, not an object, or too deep is refused with the reason', () => {
    expect(run({ cimEvent: '{"id":' })).toEqual({ reject: 'not an ExpertFlow onCimEvent event: its cimEvent string is not JSON' });
    expect(run({ cimEvent: '[1,2]' })).toEqual({ reject: 'not an ExpertFlow onCimEvent event: its cimEvent is not an object' });
    expect(run({ cimEvent: `${'['.repeat(100)}${']'.repeat(100)}` })).toMatchObject({ reject: expect.stringMatching(/^not an ExpertFlow onCimEvent event: its cimEvent is .*deep/) });
  });

  it('a string and an object say the same thing', () => {
    const cim = { id: 'm1', name: 'CUSTOMER_MESSAGE', type: 'MESSAGE', data: { header: { sender: { type: 'CUSTOMER', participant: { firstName: 'Ann' } } }, body: { type: 'PLAIN', markdownText: 'hi' } } };
    const asString = run({ cimEvent: JSON.stringify(cim), conversationId: 'c' });
    const asObject = run({ cimEvent: cim, conversationId: 'c' });
    expect('events' in asString && asString.events.map((e) => [e.kind, e.text, e.party])).toEqual([['message.inbound', 'hi', { name: 'Ann' }]]);
    expect('events' in asObject && asObject.events.map((e) => [e.kind, e.text, e.party])).toEqual([['message.inbound', 'hi', { name: 'Ann' }]]);
  });
});
