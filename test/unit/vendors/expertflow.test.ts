import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { ShellEventSchema, type ShellEvent } from '../../../src/shared/contract/shell-event';
import type { NormalizeResult } from '../../../src/shared/vendors/adapter';
import { EXPERTFLOW_MAPPING, expertflow } from '../../../src/shared/vendors/expertflow';
import { decodeSocketIoFrame } from '../../../src/shared/vendors/socket-io-frames';
import { CRM_EVENTS } from '../../../src/shared/vendors/expertflow-crm';
import { commandContext } from '../../support/command-context';
import { AdapterMemory } from '../../../src/shared/vendors/memory';

const AT = 1700000000000;
const AGENT = 'a13a49f4-7ec6-436b-91b0-0fd1be205799';
const CONV = '261c271a-58e6-4571-9d25-77ad26d745d6';
const WRONG: readonly unknown[] = [null, 0, -1.5, true, '', '   ', [], ['a'], {}, { a: 1 }, 'x'.repeat(5000)];

const capture = (data: unknown, direction: RawCapture['direction'] = 'in', transport: RawCapture['transport'] = 'socket.io'): RawCapture => ({
  profile: 'p1',
  vendor: 'expertflow',
  origin: 'https://cc.example.com',
  transport,
  direction,
  data,
  at: AT,
});
const frame = (name: string, ...args: unknown[]) => `42${JSON.stringify([name, ...args])}`;

/** Normalizes and checks what holds for every input: no throw, a reason, or valid events. */
function run(data: unknown, direction: RawCapture['direction'] = 'in', transport: RawCapture['transport'] = 'socket.io'): NormalizeResult {
  let r: NormalizeResult | undefined;
  expect(() => (r = expertflow.normalize(capture(data, direction, transport), new AdapterMemory()))).not.toThrow();
  if ('reject' in r!) {
    expect(r.reject.length).toBeGreaterThan(0);
    expect(r.reject.length).toBeLessThan(600);
  } else {
    expect(r!.events.length).toBeLessThanOrEqual(1);
    for (const e of r!.events) expect(ShellEventSchema.safeParse(e).error?.message).toBeUndefined();
  }
  return r!;
}
function one(data: unknown, direction: RawCapture['direction'] = 'in'): { event: ShellEvent; session: unknown } {
  const r = run(data, direction);
  if ('reject' in r) throw new Error(`rejected: ${r.reject}`);
  expect(r.events).toHaveLength(1);
  return { event: r.events[0]!, session: r.session };
}
const ev = (data: unknown, direction: RawCapture['direction'] = 'in') => one(data, direction).event;
const rej = (data: unknown, direction: RawCapture['direction'] = 'in', transport: RawCapture['transport'] = 'socket.io') => {
  const r = run(data, direction, transport);
  if (!('reject' in r)) throw new Error(`expected a reject, got ${r.events.map((e) => e.kind).join(',')}`);
  return r.reject;
};
const view = ({ id: _i, at: _a, profile: _p, vendor: _v, raw: _r, vendorEvent: _ve, ...rest }: ShellEvent) => rest;

const channelSession = (type = 'WEB') => ({
  id: '7f570b41-1d5d-4932-bffe-fcdabcec1f3d',
  channel: { id: '6227699608df8d31bb15d2e5', name: 'faizan-web', serviceIdentifier: '1212', channelType: { id: '622222cc5bd05f57c1c18421', name: type } },
  customer: { _id: '6294565557bd6a3cc1280bb9', firstName: 'Jane Doe', isAnonymous: true },
  channelData: { channelCustomerIdentifier: '43466', serviceIdentifier: '1212', channelTypeCode: 'webChannel' },
});
const PRESENCE = { agent: { id: AGENT, participantType: 'CCUser', keycloakUser: { id: AGENT, username: 'faizan' } }, state: { name: 'READY', reasonCode: null }, agentMrdStates: [], action: 'AGENT_STATE_CHANGED' };
const TASK = {
  taskId: 'task-1',
  taskState: { name: 'ACTIVE' },
  conversationId: CONV,
  channelSession: { ...channelSession(), customer: { firstName: 'Jane', lastName: 'Doe' } },
  taskDirection: 'INBOUND',
  queue: { id: 'q1', name: 'Web Support' },
};
const cim = (senderType: string, type = 'MESSAGE', participant: unknown = { firstName: 'Jane Doe' }) => ({
  id: 'cim-1',
  name: `${senderType}_MESSAGE`,
  type,
  timestamp: 1653888660000,
  data: { id: 'd1', header: { sender: { id: 's1', type: senderType, participant }, channelSession: channelSession() }, body: { markdownText: 'Where is my order?', type: 'PLAIN' } },
});
/** Seed 004's publishCimEvent, shortened (permittedResources, connector and form data dropped). */
const SEED_004 = {
  cimEvent: {
    id: 'c65bb9da-f596-48a2-bef5-bd47f0732dbe', name: 'AGENT_MESSAGE', type: 'MESSAGE', timestamp: 1653888665578,
    data: {
      id: '142ad3a6-6ab8-4cf7-9553-959e2c3605c2',
      header: {
        timestamp: 1653888665578,
        sender: {
          id: '688ef131-9cd6-4108-893e-033943eb2be0', type: 'AGENT', topicId: CONV, role: 'PRIMARY', state: 'SUBSCRIBED',
          participant: { id: AGENT, participantType: 'CCUser', keycloakUser: { id: AGENT, username: 'faizan', realm: 'university' } },
        },
        channelSession: channelSession(),
        channelData: { channelCustomerIdentifier: '43466', serviceIdentifier: '1212' },
      },
      body: { markdownText: 'fsadf', type: 'PLAIN' },
    },
  },
  agentId: AGENT,
  conversationId: CONV,
};
const CHANGE = { agentId: AGENT, action: 'agentState', state: { name: 'NOT_READY', reasonCode: null } };

describe('ExpertFlow adapter: documented events', () => {
  it.each([
    ['READY', 'available'],
    ['NOT_READY', 'away'],
    ['LOGOUT', 'offline'],
  ])('agentPresence %s → agent.state %s, remembering the agent id', (name, state) => {
    const { event, session } = one(frame('agentPresence', { ...PRESENCE, state: { name, reasonCode: null } }));
    expect(view(event)).toEqual({ kind: 'agent.state', state });
    expect(event.vendorEvent).toBe('agentPresence');
    expect(session).toEqual({ agentId: AGENT, namespace: '/' });
  });

  it('agentPresence with an unknown state has no state; the namespace is kept', () => {
    const { event, session } = one(`42/agent,${JSON.stringify(['agentPresence', { ...PRESENCE, state: { name: 'BUSY' } }])}`);
    expect(view(event)).toEqual({ kind: 'agent.state' });
    expect(session).toEqual({ agentId: AGENT, namespace: '/agent' });
    expect(one(frame('agentPresence', { state: { name: 'READY' } })).session).toEqual({ namespace: '/' });
    expect(one(frame('agentPresence', { agent: { keycloakUser: { id: 'kc-1' } } })).session).toEqual({ agentId: 'kc-1', namespace: '/' });
  });

  it('taskRequest is an offered task naming the customer, the queue and the channel', () => {
    const e = ev(frame('taskRequest', TASK));
    expect(view(e)).toEqual({ kind: 'interaction.offered', ref: 'task-1', media: 'chat', party: { name: 'Jane Doe', number: '43466' }, queue: 'Web Support' });
    expect(e.raw).toEqual(TASK);
  });

  it.each([
    ['WEB', 'chat'], ['WHATSAPP', 'chat'], ['whatsapp', 'chat'], ['VIBER', 'chat'], ['TELEGRAM', 'chat'], ['VOICE', 'voice'], ['CX_VOICE', 'voice'],
    ['EMAIL', 'email'], ['SMS', 'sms'], ['FACEBOOK', 'social'], ['INSTAGRAM', 'social'], ['TWITTER', 'social'], ['GENESYS_WEB', 'task'], ['__proto__', 'task'], ['constructor', 'task'],
  ])('channel type %s → media %s', (type, media) => {
    expect(ev(frame('taskRequest', { ...TASK, channelSession: channelSession(type) })).media).toBe(media);
  });

  it('a taskRequest without a channel type is still a task', () => {
    expect(view(ev(frame('taskRequest', { taskId: 't2' })))).toEqual({ kind: 'interaction.offered', ref: 't2', media: 'task' });
  });

  it('onCimEvent from the customer is an inbound message, wrapped or bare', () => {
    const expected = { kind: 'message.inbound', ref: 'cim-1', media: 'chat', party: { name: 'Jane Doe', number: '43466' }, text: 'Where is my order?' };
    expect(view(ev(frame('onCimEvent', { cimEvent: cim('CUSTOMER') })))).toEqual(expected);
    expect(view(ev(frame('onCimEvent', cim('CUSTOMER'))))).toEqual(expected);
    expect(ev(frame('onCimEvent', cim('CUSTOMER', 'MESSAGE', { firstName: 'Ann', lastName: 'Lee' }))).party).toEqual({ name: 'Ann Lee', number: '43466' });
    expect(ev(frame('onCimEvent', cim('CUSTOMER', 'MESSAGE', null))).party).toEqual({ name: 'Jane Doe', number: '43466' });
  });

  it.each([
    ['AGENT', 'MESSAGE'],
    ['BOT', 'MESSAGE'],
    ['CONNECTOR', 'NOTIFICATION'],
    ['CUSTOMER', 'NOTIFICATION'],
  ])('onCimEvent from %s (%s) is one vendor.info event', (sender, type) => {
    const e = ev(frame('onCimEvent', { cimEvent: cim(sender, type) }));
    expect(e.kind).toBe('vendor.info');
    expect(e.ref).toBe('cim-1');
    expect(e.vendorEvent).toBe('onCimEvent');
  });

  it('publishCimEvent (seed 004) is an outbound message, and names the agent', () => {
    const { event, session } = one(`421${JSON.stringify(['publishCimEvent', SEED_004])}`, 'out');
    expect(view(event)).toEqual({ kind: 'message.outbound', ref: 'c65bb9da-f596-48a2-bef5-bd47f0732dbe', media: 'chat', party: { name: 'Jane Doe', number: '43466' }, text: 'fsadf' });
    expect(event.raw).toEqual(SEED_004);
    expect(session).toEqual({ agentId: AGENT, namespace: '/' });
  });

  it('changeAgentState from the desk is informational', () => {
    const { event, session } = one(frame('changeAgentState', CHANGE), 'out');
    expect(view(event)).toEqual({ kind: 'vendor.info' });
    expect(session).toEqual({ agentId: AGENT, namespace: '/' });
  });

  it('the mapping lists every documented event exactly once', () => {
    const DOCS = 'expertflow/expertflow-cx-documentation@495316a4 Socket_Events';
    const DESK = 'expertflow/agent-desk-ui@f04b6b9d main.3f924a1f254f066c7376.js';
    const crm = `${DESK} crmEventsService.postCRMEvent (postMessage)`;
    expect(EXPERTFLOW_MAPPING).toEqual([
      { vendorEvent: 'agentPresence', kind: 'agent.state', source: `${DOCS}/agentPresence.md` },
      { vendorEvent: 'taskRequest', kind: 'interaction.offered', source: `${DOCS}/taskRequest.md` },
      { vendorEvent: 'topicSubscription', kind: 'interaction.connected', source: `${DOCS}/topicSubscription.md` },
      { vendorEvent: 'revokeTask', kind: 'interaction.missed', source: `${DOCS}/revokeTask.md` },
      { vendorEvent: 'onCimEvent', kind: 'message.inbound', source: `${DESK} onCimEvent handler` },
      { vendorEvent: 'publishCimEvent', kind: 'message.outbound', source: 'expertflow/agent-desk-ui@f04b6b9d 7.99944668afee0d6b6cb4.js emitCimEvent' },
      { vendorEvent: 'changeAgentState', kind: 'vendor.info', source: `${DESK} changeState` },
      { vendorEvent: 'AGENT_STATE_CHANGE', kind: 'agent.state', source: crm },
      { vendorEvent: 'AGENT_LOGIN', kind: 'agent.session', source: crm },
      { vendorEvent: 'LOGOUT', kind: 'agent.session', source: crm },
      { vendorEvent: 'AGENT_TASK_STATE', kind: 'interaction.offered', source: crm },
      { vendorEvent: 'TASK_STATE_CHANGED', kind: 'vendor.info', source: crm },
      { vendorEvent: 'END_CONVERSATION', kind: 'vendor.info', source: crm },
      { vendorEvent: 'CHAT_SWITCHING', kind: 'vendor.info', source: crm },
    ]);
  });
});

describe('ExpertFlow adapter: transport frames, unknown and misdirected events', () => {
  it.each(['0{"sid":"a","upgrades":[],"pingInterval":25000,"pingTimeout":20000}', '2', '3', '40', '40{"sid":"x"}', '41', '431[{"ok":true}]', '44{"message":"no"}', '6'])('%s yields zero events', (f) => {
    expect(run(f)).toEqual({ events: [] });
    expect(run(f, 'out')).toEqual({ events: [] });
  });

  it.each([
    ['taskRequest', 'out'], ['agentPresence', 'out'], ['onCimEvent', 'out'], ['publishCimEvent', 'in'], ['changeAgentState', 'in'],
  ] as const)('%s sent %s is vendor.other', (name, direction) => {
    const e = ev(frame(name, { taskId: 't1' }), direction);
    expect(view(e)).toEqual({ kind: 'vendor.other' });
    expect(e.raw).toEqual([{ taskId: 't1' }]);
  });

  it('unknown and prototype-named events are vendor.other, never a documented kind', () => {
    for (const name of ['typingIndicator', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(500)]) {
      const e = ev(frame(name, { a: 1 }, 2));
      expect(e.kind).toBe('vendor.other');
      expect(e.raw).toEqual([{ a: 1 }, 2]);
    }
  });

  it('rejects empty event names', () => {
    expect(rej(frame(''))).toBe('not an ExpertFlow event: the Socket.IO event name is empty');
    expect(rej(frame('  '))).toMatch(/empty/);
  });
});

describe('ExpertFlow adapter: hostile input never throws', () => {
  it('rejects Socket.IO frames posted as page messages, and captures without a direction', () => {
    // postMessage is the CRM channel ({eventName, agentData}); a frame string is not one of its events.
    expect(rej(frame('agentPresence', PRESENCE), 'in', 'postMessage')).toBe('not an ExpertFlow CRM event: expected an {eventName, agentData} object');
    const { direction: _d, ...noDirection } = capture(frame('agentPresence', PRESENCE));
    expect(expertflow.normalize(noDirection, new AdapterMemory())).toEqual({ reject: 'ExpertFlow captures need direction "in" or "out"; got undefined' });
  });

  it('rejects non-string data, garbage and binary packets with the decoder reason', () => {
    for (const data of [undefined, null, 0, true, {}, [], ['42["a"]'], { event: 'agentPresence' }]) expect(rej(data)).toMatch(/^not an ExpertFlow Socket.IO frame: expected an Engine.IO text frame/);
    expect(rej('x'.repeat(200_000))).toMatch(/^not an ExpertFlow Socket.IO frame: frame is 200000 characters, over the 64 KiB limit$/);
    expect(rej('hello')).toBe('not an ExpertFlow Socket.IO frame: Engine.IO parser error: unknown packet type "h"');
    expect(rej('42[')).toBe('not an ExpertFlow Socket.IO frame: malformed Socket.IO packet: invalid payload');
    expect(rej('451-["publishCimEvent",{"_placeholder":true,"num":0}]', 'out')).toBe(
      'not an ExpertFlow Socket.IO frame: binary Socket.IO packets are not captured (only text frames are tapped)',
    );
    expect(rej('bAQID')).toMatch(/binary Socket.IO packets are not captured/);
  });

  it('rejects documented events whose payload is not an object', () => {
    for (const payload of [undefined, null, 1, 'READY', [], [PRESENCE]]) {
      expect(rej(frame('agentPresence', ...(payload === undefined ? [] : [payload])))).toMatch(/^not an ExpertFlow agentPresence event: expected an object payload; got /);
    }
  });

  it('wrong types in every payload field still give one bounded event', () => {
    for (const bad of WRONG) {
      ev(frame('agentPresence', { agent: bad, state: bad }));
      ev(frame('agentPresence', { agent: { id: bad, keycloakUser: bad }, state: { name: bad } }));
      ev(frame('taskRequest', { taskId: bad, queue: bad, channelSession: bad }));
      ev(frame('taskRequest', { ...TASK, queue: { name: bad }, channelSession: { channel: { channelType: { name: bad } }, customer: { firstName: bad, lastName: bad }, channelData: { channelCustomerIdentifier: bad } } }));
      // A string cimEvent is the 2024 desk's JSON text: unparsable text is refused, not guessed at.
      if (typeof bad === 'string') expect(rej(frame('onCimEvent', { cimEvent: bad }))).toMatch(/^not an ExpertFlow onCimEvent event: its cimEvent/);
      else ev(frame('onCimEvent', { cimEvent: bad }));
      ev(frame('onCimEvent', { cimEvent: { id: bad, type: bad, data: bad } }));
      ev(frame('onCimEvent', { cimEvent: { ...cim('CUSTOMER'), data: { header: { sender: { type: bad, participant: bad }, channelSession: bad }, body: { markdownText: bad } } } }));
      ev(frame('publishCimEvent', { cimEvent: bad, agentId: bad }), 'out');
      ev(frame('changeAgentState', { agentId: bad, state: bad }), 'out');
    }
    const long = ev(frame('onCimEvent', { cimEvent: { ...cim('CUSTOMER'), id: 'i'.repeat(300), data: { ...cim('CUSTOMER').data, body: { markdownText: 'm'.repeat(50_000) } } } }));
    expect(long.ref).toBeUndefined();
    expect(long.text!.length).toBe(2000);
  });

  it('__proto__ keys neither match nor pollute', () => {
    const e = ev('42["taskRequest",{"__proto__":{"taskId":"evil"},"constructor":{"name":"x"},"queue":{"__proto__":{"name":"evil"}}}]');
    expect(e.ref).toBeUndefined();
    expect(e.queue).toBeUndefined();
    const p = one('42["agentPresence",{"__proto__":{"agent":{"id":"evil"}},"state":{"name":"__proto__"}}]');
    expect(p.session).toEqual({ namespace: '/' });
    expect(p.event.state).toBeUndefined();
    expect(({} as Record<string, unknown>).taskId).toBeUndefined();
  });

  it('never throws on arbitrary frames and payloads', () => {
    const names = fc.constantFrom(...EXPERTFLOW_MAPPING.map((r) => r.vendorEvent), 'other', '__proto__');
    const direction = fc.constantFrom('in' as const, 'out' as const);
    fc.assert(fc.property(fc.anything(), direction, (data, d) => void run(data, d)), { numRuns: 200 });
    fc.assert(fc.property(fc.string(), direction, (data, d) => void run(`4${data}`, d)), { numRuns: 300 });
    fc.assert(fc.property(names, fc.array(fc.jsonValue(), { maxLength: 3 }), direction, (n, args, d) => void run(frame(n, ...args), d)), { numRuns: 300 });
    const deep = fc.record({ cimEvent: fc.record({ id: fc.jsonValue(), type: fc.jsonValue(), data: fc.jsonValue() }), agentId: fc.jsonValue() });
    fc.assert(fc.property(names, deep, direction, (n, p, d) => void run(frame(n, p), d)), { numRuns: 300 });
  });
});

describe('ExpertFlow adapter: setState', () => {
  const setState = expertflow.commands.setState!;
  const withAgent = commandContext({ agentId: AGENT, namespace: '/' });

  it('offers available, away and offline only', () => {
    expect(setState.states).toEqual(['available', 'away', 'offline']);
    expect(Object.keys(expertflow.commands)).toEqual(['setState']);
  });

  it.each([
    ['available', 'READY'],
    ['away', 'NOT_READY'],
    ['offline', 'LOGOUT'],
  ] as const)('%s sends changeAgentState %s on the page socket', (state, name) => {
    const r = setState.build(state, withAgent);
    const payload = { agentId: AGENT, action: 'agentState', state: { name, reasonCode: null } };
    expect(r).toMatchObject({ messages: [{ transport: 'socket.io', frame: `42${JSON.stringify(['changeAgentState', payload])}` }], confirm: { withinMs: 10_000 } });
    const sent = (r as { messages: Array<{ frame: string }> }).messages[0]!.frame;
    expect(decodeSocketIoFrame(sent)).toEqual({ kind: 'event', namespace: '/', name: 'changeAgentState', args: [payload] });
    // What we send, read back as the desk's own outgoing traffic, is the documented command.
    expect(ev(sent, 'out').vendorEvent).toBe('changeAgentState');
  });

  it('uses the namespace agentPresence arrived on', () => {
    const r = setState.build('available', commandContext({ agentId: AGENT, namespace: '/agent' }));
    const sent = (r as { messages: Array<{ frame: string }> }).messages[0]!.frame;
    expect(sent.startsWith('42/agent,["changeAgentState",')).toBe(true);
    expect(decodeSocketIoFrame(sent)).toMatchObject({ namespace: '/agent', name: 'changeAgentState' });
  });

  it('needs the agent id from agentPresence', () => {
    expect(setState.build('available', commandContext())).toEqual({
      unsupported: 'ExpertFlow needs the agent id for changeAgentState, and no agentPresence has been seen yet',
    });
  });

  it.each(['busy', 'wrap-up', 'dnd'] as const)('refuses %s with a reason', (state) => {
    expect(setState.build(state, withAgent)).toEqual({ unsupported: `ExpertFlow has no "${state}" agent state (it knows READY, NOT_READY and LOGOUT)` });
  });

  it('declares its shape', () => {
    expect(expertflow).toMatchObject({ id: 'expertflow', label: 'ExpertFlow Agent Desk', defaultOrigins: [], transport: 'socket.io', defaultMode: 'direct', derivesMissed: false });
    expect(expertflow.handshake).toBeUndefined();
  });
});

describe('ExpertFlow adapter: replay fixture', () => {
  const dir = new URL('../../fixtures/replay/', import.meta.url);
  // Empty lines in the expected file are meaningful (zero events), so only the final newline is dropped.
  const lines = readFileSync(new URL('expertflow.jsonl', dir), 'utf8').split('\n').slice(0, -1);
  const expected = readFileSync(new URL('expertflow.expected.txt', dir), 'utf8').split('\n').slice(0, -1);

  it('every line gives exactly its expected kinds, and every documented event appears', () => {
    expect(lines).toHaveLength(expected.length);
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      const l = JSON.parse(line) as { vendor: string; origin: string; transport: string; direction: 'in' | 'out'; data: string };
      expect(l).toMatchObject({ vendor: 'expertflow', transport: 'socket.io' });
      expect(typeof l.data).toBe('string');
      const r = run(l.data, l.direction);
      if ('reject' in r) throw new Error(`line ${i + 1} rejected: ${r.reject}`);
      expect(r.events.map((e) => e.kind).join(','), `line ${i + 1}`).toBe(expected[i]);
      for (const e of r.events) seen.add(e.vendorEvent);
    });
    // The CRM postMessage events are covered by cases/expertflow-crm-postmessage.jsonl.
    const socketEvents = EXPERTFLOW_MAPPING.map((r) => r.vendorEvent).filter((n) => !(CRM_EVENTS as readonly string[]).includes(n));
    expect([...seen].sort()).toEqual(socketEvents.sort());
  });
});
