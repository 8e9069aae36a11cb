import { describe, expect, it } from 'vitest';
import { ShellEventSchema } from '../../../src/shared/contract/shell-event';
import { ringcentralEmbeddable as rc } from '../../../src/shared/vendors/ringcentral-embeddable';
import { demo } from '../../../src/shared/vendors/demo';
import { capture } from '../../support/captures';
import { commandContext } from '../../support/command-context';
import { AdapterMemory } from '../../../src/shared/vendors/memory';
import type { AgentState } from '../../../src/shared/contract/shell-event';
import { readFileSync } from 'node:fs';
import { replayCase } from '../../support/replay-case';

const ringingCall = {
  id: 'sip-call-1',
  callId: 'sip-call-1',
  direction: 'Inbound',
  callStatus: 'webphone-session-connecting',
  from: '+16505550100',
  fromUserName: 'Jane Doe',
  fromNumber: '+16505550100',
  to: '+16505550199',
  toUserName: 'Agent',
  callQueueName: 'Sales - ',
  isOnHold: false,
  isOnMute: false,
  partyData: { partyId: 'p-1', sessionId: 's-1' },
};

function one(data: unknown) {
  const out = rc.normalize(capture('ringcentral-embeddable', data), new AdapterMemory());
  if ('reject' in out) throw new Error(`rejected: ${out.reject}`);
  expect(out.events).toHaveLength(1);
  const event = out.events[0]!;
  expect(ShellEventSchema.safeParse(event).success).toBe(true);
  return event;
}

describe('RingCentral Embeddable adapter: seed 002 call events', () => {
  it('rc-call-ring-notify is an offered voice call naming the caller and the queue', () => {
    const e = one({ type: 'rc-call-ring-notify', call: ringingCall });
    expect(e).toMatchObject({
      kind: 'interaction.offered',
      vendorEvent: 'rc-call-ring-notify',
      ref: 'sip-call-1',
      media: 'voice',
      party: { name: 'Jane Doe', number: '+16505550100' },
      queue: 'Sales',
      profile: 'p1',
      vendor: 'ringcentral-embeddable',
    });
    expect(e.raw).toEqual({ type: 'rc-call-ring-notify', call: ringingCall });
  });

  it('rc-call-init-notify is outbound and names the callee', () => {
    const e = one({ type: 'rc-call-init-notify', call: { id: 'c2', direction: 'Outbound', to: '+442071234567', toUserName: 'Bob' } });
    expect(e).toMatchObject({ kind: 'interaction.outbound', ref: 'c2', party: { name: 'Bob', number: '+442071234567' } });
  });

  it.each([
    ['rc-call-start-notify', 'interaction.connected', undefined],
    ['rc-call-hold-notify', 'interaction.hold', true],
    ['rc-call-resume-notify', 'interaction.hold', false],
    ['rc-call-end-notify', 'interaction.ended', undefined],
  ] as const)('%s → %s (on=%s)', (type, kind, on) => {
    const e = one({ type, call: ringingCall });
    expect(e.kind).toBe(kind);
    expect(e.ref).toBe('sip-call-1');
    expect(e.on).toBe(on);
  });

  it('rc-call-mute-notify carries isOnMute both ways', () => {
    expect(one({ type: 'rc-call-mute-notify', call: { ...ringingCall, isOnMute: true } })).toMatchObject({ kind: 'interaction.mute', on: true });
    expect(one({ type: 'rc-call-mute-notify', call: { ...ringingCall, isOnMute: false } })).toMatchObject({ kind: 'interaction.mute', on: false });
  });

  it('reads active-call style party objects and numeric ids', () => {
    const e = one({ type: 'rc-call-ring-notify', call: { id: 42, from: { phoneNumber: '+15550001', name: 'ACME' } } });
    expect(e).toMatchObject({ ref: '42', party: { name: 'ACME', number: '+15550001' } });
  });

  it('a ring without a call object still rings (nothing to name)', () => {
    const e = one({ type: 'rc-call-ring-notify' });
    expect(e.kind).toBe('interaction.offered');
    expect(e.ref).toBeUndefined();
    expect(e.party).toBeUndefined();
  });
});

describe('RingCentral Embeddable adapter: presence, login, messages', () => {
  it.each([
    [{ userStatus: 'Available', dndStatus: 'TakeAllCalls' }, 'available'],
    [{ userStatus: 'Busy', dndStatus: 'TakeAllCalls' }, 'busy'],
    [{ userStatus: 'Offline', dndStatus: 'TakeAllCalls' }, 'offline'],
    [{ userStatus: 'Available', dndStatus: 'DoNotAcceptAnyCalls' }, 'dnd'],
    [{ userStatus: 'Busy', dndStatus: 'DoNotAcceptAnyCalls' }, 'dnd'],
    [{ userStatus: 'Available', dndStatus: 'TakeDepartmentCallsOnly' }, 'available'],
  ])('rc-adapter-syncPresence %o → %s', (presence, state) => {
    const e = one({ type: 'rc-adapter-syncPresence', telephonyStatus: 'NoCall', ...presence });
    expect(e).toMatchObject({ kind: 'agent.state', state });
  });

  it('presence with an unknown userStatus is an agent.state without a state', () => {
    expect(one({ type: 'rc-adapter-syncPresence', userStatus: 'Invisible' }).state).toBeUndefined();
  });

  it('rc-login-status-notify → agent.session', () => {
    expect(one({ type: 'rc-login-status-notify', loggedIn: true, loginNumber: '+16505550199*101' })).toMatchObject({ kind: 'agent.session', loggedIn: true });
    expect(one({ type: 'rc-login-status-notify', loggedIn: false })).toMatchObject({ kind: 'agent.session', loggedIn: false });
  });

  it('rc-inbound-message-notify → message.inbound with the SMS text', () => {
    const e = one({
      type: 'rc-inbound-message-notify',
      message: { id: 9001, type: 'SMS', direction: 'Inbound', subject: 'Call me back please', from: { phoneNumber: '+15550002', name: 'Sam' } },
    });
    expect(e).toMatchObject({ kind: 'message.inbound', ref: '9001', media: 'sms', text: 'Call me back please', party: { name: 'Sam', number: '+15550002' } });
  });

  it('a voicemail is a voice message', () => {
    expect(one({ type: 'rc-inbound-message-notify', message: { id: 'v1', type: 'VoiceMail', from: { extensionNumber: '105' } } })).toMatchObject({
      media: 'voice',
      party: { number: '105' },
    });
  });

  it('every documented informational type is vendor.info; other rc- types are vendor.other', () => {
    for (const row of rc.mapping.filter((r) => r.kind === 'vendor.info')) {
      expect(one({ type: row.vendorEvent }).kind).toBe('vendor.info');
    }
    expect(one({ type: 'rc-brand-new-notify', x: 1 })).toMatchObject({ kind: 'vendor.other', vendorEvent: 'rc-brand-new-notify' });
  });

  it('the mapping table lists each seed 002 type exactly once', () => {
    const names = rc.mapping.map((r) => r.vendorEvent);
    expect(new Set(names).size).toBe(names.length);
    for (const seedType of [
      'rc-call-ring-notify', 'rc-call-init-notify', 'rc-call-start-notify', 'rc-call-hold-notify', 'rc-call-resume-notify',
      'rc-call-end-notify', 'rc-call-mute-notify', 'rc-ringout-call-notify', 'rc-active-call-notify', 'rc-telephony-session-notify',
      'rc-adapter-syncPresence', 'rc-login-status-notify', 'rc-login-popup-notify', 'rc-message-updated-notify',
      'rc-inbound-message-notify', 'rc-route-changed-notify', 'rc-region-settings-notify', 'rc-dialer-status-notify', 'rc-meeting-status-notify',
    ]) {
      expect(names).toContain(seedType);
    }
  });
});

describe('RingCentral Embeddable adapter: hostile input', () => {
  const hostile: unknown[] = [
    null, undefined, 0, 42, true, 'rc-call-ring-notify', [], [{ type: 'rc-call-ring-notify' }], {}, { type: 5 }, { type: '' },
    { type: null }, { type: ['rc-call-ring-notify'] }, { type: 'x'.repeat(200_000) }, { type: '__proto__' }, { type: 'constructor' },
    JSON.parse('{"__proto__": {"type": "rc-call-ring-notify"}}'),
  ];
  it.each(hostile.map((h, i) => [i, h]))('case %i is rejected with a reason, never thrown', (_i, data) => {
    const out = rc.normalize(capture('ringcentral-embeddable', data), new AdapterMemory());
    expect('reject' in out && typeof out.reject === 'string' && out.reject.length > 0).toBe(true);
    if ('reject' in out) expect(out.reject.length).toBeLessThan(300);
  });

  it('wrong types inside a call are dropped, the call still rings, and sizes stay bounded', () => {
    const e = one({
      type: 'rc-call-ring-notify',
      call: { id: { nested: true }, fromUserName: 'N'.repeat(200_000), fromNumber: 7, callQueueName: ['q'], isOnMute: 'yes', contactMatch: 'x' },
    });
    expect(e.kind).toBe('interaction.offered');
    expect(e.ref).toBeUndefined();
    expect(e.party?.name?.length).toBeLessThanOrEqual(200);
    expect(e.queue).toBeUndefined();
  });

  it('an rc- type with a 200 KB name is refused with its length', () => {
    const out = rc.normalize(capture('ringcentral-embeddable', { type: `rc-${'z'.repeat(200_000)}` }), new AdapterMemory());
    expect(out).toEqual({ reject: 'not a RingCentral Embeddable message: "type" is 200003 characters long (at most 200)' });
  });

  it('says what is missing', () => {
    expect(rc.normalize(capture('ringcentral-embeddable', { call: {} }), new AdapterMemory())).toEqual({
      reject: 'not a RingCentral Embeddable message: expected a string "type", and there is none',
    });
    expect(rc.normalize(capture('ringcentral-embeddable', [1]), new AdapterMemory())).toEqual({
      reject: 'not a RingCentral Embeddable message: expected an object with a string "type", got an array',
    });
  });

  it('refuses socket.io transport', () => {
    const out = rc.normalize(capture('ringcentral-embeddable', { type: 'rc-call-ring-notify' }, { transport: 'socket.io' }), new AdapterMemory());
    expect(out).toEqual({ reject: expect.stringContaining('postMessage') });
  });
});

describe('RingCentral Embeddable commands', () => {
  const ctx = commandContext();
  const sent = (r: ReturnType<NonNullable<typeof rc.commands.dial>>) => ('messages' in r ? r.messages.map((m) => (m as { data: unknown }).data) : r);
  it('builds rc-adapter-set-presence per state, Available and Busy without a dndStatus, and says why away/wrap-up cannot be set', () => {
    const set = rc.commands.setState!;
    expect(sent(set.build('available', ctx))).toEqual([{ type: 'rc-adapter-set-presence', userStatus: 'Available' }]);
    expect(sent(set.build('busy', ctx))).toEqual([{ type: 'rc-adapter-set-presence', userStatus: 'Busy' }]);
    expect(sent(set.build('dnd', ctx))).toEqual([{ type: 'rc-adapter-set-presence', dndStatus: 'DoNotAcceptAnyCalls' }]);
    expect(sent(set.build('offline', ctx))).toEqual([{ type: 'rc-adapter-set-presence', userStatus: 'Offline' }]);
    expect(set.build('away', ctx)).toEqual({ unsupported: expect.stringContaining('away') });
    expect(set.states).toEqual(['available', 'busy', 'dnd', 'offline']);
  });

  it.each([
    ['answer', 'answer'],
    ['decline', 'reject'],
    ['hangup', 'hangup'],
    ['hold', 'hold'],
    ['unhold', 'unhold'],
  ] as const)('%s → rc-adapter-control-call %s, with and without a call id', (command, callAction) => {
    expect(rc.commands[command]!('c1', ctx)).toEqual({ messages: [{ transport: 'postMessage', data: { type: 'rc-adapter-control-call', callAction, callId: 'c1' } }] });
    expect(rc.commands[command]!(undefined, ctx)).toEqual({ messages: [{ transport: 'postMessage', data: { type: 'rc-adapter-control-call', callAction } }] });
  });

  it('dial → rc-adapter-new-call with toCall, watched until RingCentral starts the call', () => {
    const r = rc.commands.dial!('+15550003', ctx);
    expect(sent(r)).toEqual([{ type: 'rc-adapter-new-call', phoneNumber: '+15550003', toCall: true }]);
    const confirm = 'messages' in r ? r.confirm : undefined;
    expect(confirm).toMatchObject({ what: 'start the call to +15550003', withinMs: 15_000 });
    expect(confirm!.by(one({ type: 'rc-call-init-notify', call: { id: 'c9', direction: 'Outbound', to: '+15550003' } }))).toBe(true);
    expect(confirm!.by(one({ type: 'rc-call-ring-notify', call: ringingCall }))).toBe(false);
  });
});

describe('RingCentral Embeddable commands: what the widget would drop is refused or watched', () => {
  const lines = readFileSync(new URL('../../fixtures/replay/cases/ringcentral-embeddable-presence.jsonl', import.meta.url), 'utf8').trim().split('\n');
  /** The profile's memory after the presence case's first `n` lines. */
  function after(n: number): AdapterMemory {
    const memory = new AdapterMemory();
    for (const line of lines.slice(0, n)) rc.normalize(capture('ringcentral-embeddable', (JSON.parse(line) as { data: unknown }).data), memory);
    return memory;
  }
  const build = (state: AgentState, memory: AdapterMemory) => rc.commands.setState!.build(state, commandContext({}, memory));

  it('Available from DND restores a queue agent\'s TakeDepartmentCallsOnly instead of TakeAllCalls', () => {
    const r = build('available', after(3));
    expect('messages' in r && r.messages[0]!).toEqual({ transport: 'postMessage', data: { type: 'rc-adapter-set-presence', userStatus: 'Available', dndStatus: 'TakeDepartmentCallsOnly' } });
    expect('messages' in r && r.confirm?.by(one({ type: 'rc-adapter-syncPresence', userStatus: 'Available', dndStatus: 'TakeDepartmentCallsOnly' }))).toBe(true);
  });

  it('Available never touches dndStatus outside DND, and never echoes dndStatus "Unknown" (RingCentral would drop the whole command)', () => {
    const fromQueue = build('available', after(2));
    expect('messages' in fromQueue && fromQueue.messages[0]!.transport === 'postMessage' && fromQueue.messages[0]!.data).toEqual({ type: 'rc-adapter-set-presence', userStatus: 'Available' });
    const fromUnknown = build('available', after(4));
    expect('messages' in fromUnknown && fromUnknown.messages[0]!.transport === 'postMessage' && fromUnknown.messages[0]!.data).toEqual({ type: 'rc-adapter-set-presence', userStatus: 'Available' });
  });

  it('presence is watched: the agent is told when no syncPresence shows the new state; a state already reported is not watched', () => {
    const r = build('busy', after(2));
    const confirm = 'messages' in r ? r.confirm : undefined;
    expect(confirm).toMatchObject({ what: 'show the agent as Busy', withinMs: 10_000 });
    expect(confirm!.by(one({ type: 'rc-adapter-syncPresence', userStatus: 'Busy', dndStatus: 'TakeAllCalls' }))).toBe(true);
    expect(confirm!.by(one({ type: 'rc-adapter-syncPresence', userStatus: 'Available', dndStatus: 'TakeAllCalls' }))).toBe(false);
    expect(build('offline', after(2))).toMatchObject({ confirm: { what: 'show the agent as Invisible' } });
    const already = build('available', after(2));
    expect('messages' in already && already.confirm).toBeUndefined();
  });

  it('signed out: dial and presence are refused up front, saying why', () => {
    const memory = after(5);
    expect(build('available', memory)).toEqual({ unsupported: 'RingCentral Embeddable is signed out, and ignores this until the agent signs in' });
    expect(rc.commands.dial!('+15550003', commandContext({}, memory))).toEqual({ unsupported: 'RingCentral Embeddable is signed out, and ignores this until the agent signs in' });
  });

  it('call control outside the web phone is refused: rc-adapter-control-call acts on the web phone only', () => {
    const memory = new AdapterMemory();
    rc.normalize(capture('ringcentral-embeddable', { type: 'rc-calling-settings-notify', callWith: 'ringout', callingMode: 'ringout' }), memory);
    expect(rc.commands.answer!('s-1', commandContext({}, memory))).toEqual({ unsupported: expect.stringMatching(/only in its web phone.*ringout$/) });
    expect(rc.commands.hangup!(undefined, commandContext({}, memory))).toHaveProperty('unsupported');
  });
});

describe('RingCentral Embeddable presence as the widget reports it', () => {
  it('the all-null presence of a signed-out widget is no routing state; dndStatus "Unknown" leaves userStatus to decide', () => {
    const run = replayCase('ringcentral-embeddable-presence');
    expect(run.events.map((e) => [e.kind, e.state ?? e.loggedIn ?? null])).toEqual([
      ['agent.session', true],
      ['agent.state', 'available'],
      ['agent.state', 'dnd'],
      ['agent.state', 'busy'],
      ['agent.session', false],
      ['vendor.info', null],
    ]);
    expect(run.pipeline.presence().profiles.find((p) => p.profile === 'ringcentral-embeddable')).toMatchObject({ state: 'offline' });
  });
});

describe('demo softphone adapter', () => {
  it('speaks the RC subset and calls the rest vendor.other', () => {
    const ring = demo.normalize(capture('demo', { type: 'rc-call-ring-notify', call: ringingCall }, { origin: 'app://demo' }), new AdapterMemory());
    expect(ring).toMatchObject({ events: [{ kind: 'interaction.offered', vendor: 'demo', ref: 'sip-call-1' }] });
    const outOfSubset = demo.normalize(capture('demo', { type: 'rc-telephony-session-notify' }, { origin: 'app://demo' }), new AdapterMemory());
    expect(outOfSubset).toMatchObject({ events: [{ kind: 'vendor.other' }] });
    expect(demo.mapping.every((r) => rc.mapping.some((m) => m.vendorEvent === r.vendorEvent && m.kind === r.kind))).toBe(true);
    // RC's builders, unwatched (the demo page obeys or refuses on the spot).
    const ctx = commandContext();
    expect(demo.commands.setState!.build('available', ctx)).toEqual({ messages: [{ transport: 'postMessage', data: { type: 'rc-adapter-set-presence', userStatus: 'Available' } }] });
    expect(demo.commands.dial!('+15550003', ctx)).toEqual({ messages: [{ transport: 'postMessage', data: { type: 'rc-adapter-new-call', phoneNumber: '+15550003', toCall: true } }] });
    expect(demo.commands.answer!('c1', ctx)).toEqual(rc.commands.answer!('c1', ctx));
  });
});

describe('lenient payload readers', () => {
  it('a missing nested record reads as empty at every level instead of throwing', async () => {
    const { looseRecord, text } = await import('../../../src/shared/vendors/fields');
    const Outer = looseRecord({ inner: looseRecord({ deeper: looseRecord({ name: text() }) }) });
    for (const input of [undefined, null, 'x', 5, [], {}, { inner: 'nope' }, { inner: { deeper: [] } }]) {
      expect(Outer.parse(input).inner.deeper.name).toBeUndefined();
    }
    expect(Outer.parse({ inner: { deeper: { name: ' Ada ' } } }).inner.deeper.name).toBe('Ada');
  });
});
