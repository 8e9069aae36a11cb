import { readFileSync } from 'node:fs';
import { replayCase } from '../../support/replay-case';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { HUAWEI_AICC_MAPPING, huaweiAicc } from '../../../src/shared/vendors/huawei-aicc';
import { HUGE, NON_OBJECTS, WRONG_VALUES, neverThrows, only, rejectOf, run, view } from './postmessage-harness';
import { commandContext } from '../../support/command-context';
import { AdapterMemory } from '../../../src/shared/vendors/memory';

const ORIGIN = 'https://cc.example.com';
const CTX = commandContext();

/** The API reference envelope (cec_07_0513), as the bar may post it: a JSON string. */
const nested = (eventType: unknown, content: unknown = null) =>
  JSON.stringify({ message: '', retcode: '0', event: { eventType, eventGenTime: 1700000000000, workNo: '49999', content } });
const ev = (eventType: string, content: unknown = null) => only(huaweiAicc, ORIGIN, nested(eventType, content));
const rej = (data: unknown) => rejectOf(huaweiAicc, ORIGIN, data);

const RINGING = { caller: '88880001', called: '49999', callid: '1700000001-1001', type: 'main', feature: 0, mediaAbility: 1, mediaType: 5, transfer: false, transFrom: '' };
const CALL_INFO = { callId: '1700000001-1001', skillName: 'Billing', skillId: 3, caller: '88880001', called: '49999', mediaType: 5, lastReleaseAgentId: '', releaseAndReQueueCount: 0, releaseAndReQueueCallFlag: false };

// Seed 003's table plus the events vendors.md §4.3 adds.
const SEED_003 = [
  'AgentState_Busy', 'AgentState_Work', 'AgentState_Ready', 'AgentState_SetNotReady_Success', 'AgentState_CancelNotReady_Success',
  'AgentState_SetRest_Success', 'AgentState_CancelRest_Success', 'AgentState_Rest_Timeout', 'AgentState_SetWork_Success',
  'AgentState_CancelWork_Success', 'AgentEvent_Talking', 'AgentEvent_Customer_Alerting', 'AgentEvent_Call_Out_Fail',
  'AgentEvent_Call_Release', 'AgentEvent_Customer_Release', 'AgentOther_PhoneAlerting',
];
/** Added from Huawei's API reference pages, which name their source row by page id. */
const API_PAGES: Record<string, string> = {
  AgentEvent_linkagePhoneHold: 'Huawei API reference cec_07_1427',
  AgentEvent_Inside_Call_Fail: 'Huawei API reference cec_07_1361',
  AgentEvent_MessageData: 'Huawei API reference cec_07_1405',
};
/** cec_07_1405's published example. */
const MESSAGE = { callid: '1552038964-16797222', caller: '88880022', called: '20012', feature: 0, type: 'main', message: 'testmessage', mediaAbility: '5', jsonKey: ['callid', 'caller', 'called', 'feature', 'type', 'message', 'mediaAbility'] };
const VENDORS_MD = ['AgentEvent_Ringing', 'AgentEvent_Incoming_CallInfo', 'AgentEvent_Auto_Answer', 'AgentEvent_Hold', 'AgentEvent_No_Answer', 'AgentOther_PhoneRelease', 'AgentOther_InService', 'AgentOther_ShutdownService'];

/** Every documented event: content as documented, and the exact mapped fields. */
const ROWS: ReadonlyArray<[string, unknown, Record<string, unknown>]> = [
  ['AgentOther_PhoneAlerting', null, { kind: 'interaction.offered', media: 'voice' }],
  ['AgentEvent_Ringing', RINGING, { kind: 'interaction.offered', ref: '1700000001-1001', media: 'voice', party: { number: '88880001' } }],
  ['AgentEvent_Incoming_CallInfo', CALL_INFO, { kind: 'interaction.offered', ref: '1700000001-1001', media: 'voice', party: { number: '88880001' }, queue: 'Billing' }],
  ['AgentEvent_Auto_Answer', RINGING, { kind: 'interaction.connected', ref: '1700000001-1001', media: 'voice', party: { number: '88880001' } }],
  ['AgentEvent_Talking', RINGING, { kind: 'interaction.connected', ref: '1700000001-1001', media: 'voice', party: { number: '88880001' } }],
  ['AgentEvent_Hold', '1700000001-1001', { kind: 'interaction.hold', ref: '1700000001-1001', on: true }],
  ['AgentEvent_Customer_Alerting', { callid: 'c4', otherPhone: '88889008', otherPhoneWorkno: '', type: 'main' }, { kind: 'vendor.info', ref: 'c4', party: { number: '88889008' } }],
  // No_Answer, Call_Out_Fail and Inside_Call_Fail carry the bare callid (cec_07_1362, 1359, 1361).
  ['AgentEvent_No_Answer', '1456403745-23', { kind: 'interaction.missed', ref: '1456403745-23', media: 'voice' }],
  ['AgentEvent_Call_Out_Fail', '1456403661-19', { kind: 'interaction.failed', ref: '1456403661-19' }],
  ['AgentEvent_Inside_Call_Fail', '1456403699-21', { kind: 'interaction.failed', ref: '1456403699-21' }],
  ['AgentEvent_linkagePhoneHold', { callId: '1474269843-24' }, { kind: 'interaction.hold', ref: '1474269843-24', on: true }],
  ['AgentEvent_MessageData', MESSAGE, { kind: 'message.inbound', ref: '1552038964-16797222', media: 'chat', party: { number: '88880022' }, text: 'testmessage' }],
  ['AgentEvent_Call_Release', '1700000001-1001', { kind: 'interaction.ended', ref: '1700000001-1001' }],
  ['AgentEvent_Customer_Release', { callid: '1700000001-1001', number: '88880001' }, { kind: 'interaction.ended', ref: '1700000001-1001', party: { number: '88880001' } }],
  ['AgentOther_PhoneRelease', null, { kind: 'vendor.info' }],
  ['AgentState_Ready', null, { kind: 'agent.state', state: 'available' }],
  ['AgentState_Busy', null, { kind: 'agent.state', state: 'busy' }],
  ['AgentState_SetNotReady_Success', null, { kind: 'agent.state', state: 'busy' }],
  ['AgentState_Work', null, { kind: 'agent.state', state: 'wrap-up' }],
  ['AgentState_SetWork_Success', null, { kind: 'agent.state', state: 'wrap-up' }],
  ['AgentState_SetRest_Success', null, { kind: 'agent.state', state: 'away' }],
  ['AgentState_CancelNotReady_Success', null, { kind: 'agent.state', state: 'available' }],
  ['AgentState_CancelRest_Success', null, { kind: 'agent.state', state: 'available' }],
  ['AgentState_CancelWork_Success', null, { kind: 'agent.state', state: 'available' }],
  ['AgentState_Rest_Timeout', null, { kind: 'vendor.info' }],
  ['AgentOther_InService', null, { kind: 'agent.session', loggedIn: true }],
  ['AgentOther_ShutdownService', { loginTime: 1700000000000 }, { kind: 'agent.session', loggedIn: false }],
];

describe('Huawei AICC adapter: every documented event', () => {
  it.each(ROWS)('%s', (eventType, content, expected) => {
    const e = ev(eventType, content);
    expect(view(e)).toEqual(expected);
    expect(e.vendorEvent).toBe(eventType);
    expect(e.raw).toEqual(JSON.parse(nested(eventType, content)));
  });

  it('the mapping lists every documented event exactly once, with the kind normalize gives it', () => {
    const names = HUAWEI_AICC_MAPPING.map((r) => r.vendorEvent);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...SEED_003, ...VENDORS_MD, ...Object.keys(API_PAGES)].sort());
    expect([...names].sort()).toEqual(ROWS.map((r) => r[0]).sort());
    for (const [eventType, , expected] of ROWS) {
      expect(HUAWEI_AICC_MAPPING.find((r) => r.vendorEvent === eventType)?.kind).toBe(expected.kind);
    }
    for (const row of HUAWEI_AICC_MAPPING) expect(row.source).toBe(API_PAGES[row.vendorEvent] ?? (SEED_003.includes(row.vendorEvent) ? 'seed 003' : 'vendors.md §4.3'));
  });

  it('AgentEvent_Customer_Alerting is the other party ringing, never hold (seed 003 mislabels it)', () => {
    const e = ev('AgentEvent_Customer_Alerting', { callid: 'c4', otherPhone: '88889008' });
    expect(e.kind).toBe('vendor.info');
    expect(e.on).toBeUndefined();
  });

  it('AgentEvent_Incoming_CallInfo without a callId is informational', () => {
    expect(view(ev('AgentEvent_Incoming_CallInfo', { skillName: 'Billing', caller: '1' }))).toEqual({ kind: 'vendor.info' });
    expect(view(ev('AgentEvent_Incoming_CallInfo', null))).toEqual({ kind: 'vendor.info' });
  });

  it.each([
    [1, 'voice'], [2, 'video'], [3, 'video'], [5, 'chat'], [6, 'video'], [4, 'voice'], [99, 'voice'], ['5', 'chat'], [undefined, 'voice'], ['chat', 'voice'],
  ] as const)('AgentEvent_Ringing mediaAbility %s → %s', (mediaAbility, media) => {
    expect(ev('AgentEvent_Ringing', { ...RINGING, mediaAbility }).media).toBe(media);
  });

  it('an outbound call (feature 7) names the called party', () => {
    expect(ev('AgentEvent_Talking', { ...RINGING, feature: 7, caller: '49999', called: '88889007' }).party).toEqual({ number: '88889007' });
  });

  it('ref accepts a callid string, a content.callid or a numeric id', () => {
    expect(ev('AgentEvent_Call_Release', { callid: 'x1' }).ref).toBe('x1');
    expect(ev('AgentEvent_Hold', { callid: 'x2' }).ref).toBe('x2');
    expect(ev('AgentEvent_Hold', 12345).ref).toBe('12345');
    expect(ev('AgentEvent_No_Answer', { callid: 'x3' }).ref).toBe('x3');
  });
});

describe('Huawei AICC adapter: envelopes', () => {
  const event = { eventType: 'AgentEvent_Ringing', eventGenTime: 1700000000000, workNo: '49999', content: RINGING };
  const forms: Array<[string, unknown]> = [
    ['nested JSON string', JSON.stringify({ message: '', retcode: '0', event })],
    ['nested object', { message: '', retcode: '0', event }],
    ['flat object', { eventType: 'AgentEvent_Ringing', workNo: '49999', content: RINGING }],
    ['flat JSON string', JSON.stringify({ eventType: 'AgentEvent_Ringing', workNo: '49999', content: RINGING })],
    ['nested without retcode or message', { event }],
  ];
  it.each(forms)('%s', (_form, data) => {
    expect(view(only(huaweiAicc, ORIGIN, data))).toEqual({ kind: 'interaction.offered', ref: '1700000001-1001', media: 'voice', party: { number: '88880001' } });
  });

  it('raw is the parsed envelope', () => {
    expect(only(huaweiAicc, ORIGIN, forms[0]![1]).raw).toEqual({ message: '', retcode: '0', event });
  });

  it('rejects other transports', () => {
    const capture: RawCapture = { profile: 'p1', vendor: 'huawei-aicc', origin: ORIGIN, transport: 'socket.io', direction: 'in', data: nested('AgentState_Ready'), at: 1700000000000 };
    const r = huaweiAicc.normalize(capture, new AdapterMemory());
    expect(r).toEqual({ reject: 'Huawei AICC events arrive by postMessage, not socket.io' });
  });
});

describe('Huawei AICC adapter: hostile input never throws', () => {
  it('rejects every non-object, naming what arrived', () => {
    for (const data of NON_OBJECTS) expect(rej(data)).toMatch(/^not a Huawei AICC event: (expected|a 200000-character string)/);
    expect(rej(42)).toBe('not a Huawei AICC event: expected an object {event:{eventType,…}} or {eventType,…}; got number');
    expect(rej([{ eventType: 'AgentState_Ready' }])).toMatch(/got an array$/);
  });

  it('rejects a string over 64 KiB before parsing it', () => {
    expect(rej(HUGE)).toBe('not a Huawei AICC event: a 200000-character string is over the 64 KiB limit');
    const bigButValid = JSON.stringify({ eventType: 'AgentState_Ready', pad: 'x'.repeat(70_000) });
    expect(rej(bigButValid)).toMatch(/over the 64 KiB limit/);
  });

  it('rejects strings that are not JSON, naming what arrived', () => {
    expect(rej('{')).toBe('not a Huawei AICC event: expected a JSON string or an object; got the string "{", which is not JSON');
    expect(rej('AgentOther_PhoneAlerting')).toMatch(/which is not JSON/);
  });

  it.each(['42', '[1,2]', 'null', '"AgentState_Ready"', 'true'])('rejects the JSON text %s', (data) => {
    expect(rej(data)).toMatch(/expected an object \{event:\{eventType,…\}\} or \{eventType,…\}; got/);
  });

  it('rejects a missing or mistyped eventType and says where it looked', () => {
    expect(rej({ event: { workNo: '1' } })).toBe('not a Huawei AICC event: expected a string eventType in {event:{eventType}} or {eventType}; its "event.eventType" is undefined');
    expect(rej({ workNo: '1' })).toMatch(/its "eventType" is undefined$/);
    for (const bad of WRONG_VALUES) {
      rej({ event: { eventType: bad } });
      rej({ eventType: bad });
      rej(JSON.stringify({ event: { eventType: typeof bad === 'number' && !Number.isFinite(bad) ? null : bad } }));
    }
  });

  it('rejects eventTypes that are not Agent<Family>_ names, including prototype keys', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'rc-call-ring-notify', 'eventpost', '   ']) {
      expect(rej({ eventType: name })).toMatch(/is not of the form Agent<Family>_<Name>/);
    }
  });

  it('__proto__ and constructor keys neither match nor pollute', () => {
    expect(rej('{"__proto__":{"eventType":"AgentState_Ready"}}')).toMatch(/its "eventType" is undefined/);
    expect(rej(JSON.parse('{"__proto__":{"eventType":"AgentState_Ready"}}'))).toMatch(/its "eventType" is undefined/);
    expect(rej(Object.create({ eventType: 'AgentState_Ready' }))).toMatch(/expected an object/);
    const e = ev('AgentEvent_Ringing', JSON.parse('{"__proto__":{"callid":"evil"},"constructor":{"callid":"evil"},"caller":"1"}'));
    expect(e.ref).toBeUndefined();
    expect(({} as Record<string, unknown>).callid).toBeUndefined();
    expect(view(ev('AgentState___proto__'))).toEqual({ kind: 'vendor.other' });
    expect(view(ev('AgentState_constructor'))).toEqual({ kind: 'vendor.other' });
  });

  it('unknown Agent*_ events are vendor.other, clipped', () => {
    for (const name of ['AgentMediaEvent_Record', 'AgentConf_Joined', 'AgentState_Unknown', 'AgentEvent_Foo', 'AgentOther_Bar']) {
      expect(view(ev(name))).toEqual({ kind: 'vendor.other' });
    }
    expect(rej({ eventType: `AgentEvent_${'x'.repeat(300)}` })).toMatch(/its "eventType" is a 311-character string/);
  });

  it('wrong types in every payload field still give one bounded event', () => {
    const fields = ['callid', 'callId', 'caller', 'called', 'number', 'otherPhone', 'skillName', 'feature', 'mediaAbility', 'message'];
    for (const row of ROWS) {
      for (const bad of [...WRONG_VALUES, JSON.parse('{"__proto__":1}')]) {
        only(huaweiAicc, ORIGIN, { eventType: row[0], content: bad, workNo: bad, eventGenTime: bad });
        only(huaweiAicc, ORIGIN, { event: { eventType: row[0], content: bad }, retcode: bad, message: bad });
        for (const field of fields) only(huaweiAicc, ORIGIN, { eventType: row[0], content: { ...RINGING, ...CALL_INFO, [field]: bad } });
      }
    }
    const long = ev('AgentEvent_Incoming_CallInfo', { callId: 'c'.repeat(500), skillName: 's'.repeat(5000), caller: '1'.repeat(5000) });
    expect(long.ref).toBeUndefined();
    expect(long.kind).toBe('vendor.info');
    const clipped = ev('AgentEvent_Incoming_CallInfo', { callId: 'c1', skillName: 's'.repeat(5000), caller: '1'.repeat(5000) });
    expect(clipped.queue!.length).toBe(200);
    expect(clipped.party!.number!.length).toBe(64);
  });

  it('never throws on arbitrary values, JSON texts and envelope-shaped input', () => {
    neverThrows(huaweiAicc, ORIGIN, fc.anything());
    neverThrows(huaweiAicc, ORIGIN, fc.json());
    const names = fc.constantFrom(...HUAWEI_AICC_MAPPING.map((r) => r.vendorEvent), 'AgentX_Y', '__proto__');
    neverThrows(huaweiAicc, ORIGIN, fc.record({ event: fc.record({ eventType: names, content: fc.anything() }) }));
    neverThrows(huaweiAicc, ORIGIN, fc.record({ eventType: names, content: fc.dictionary(fc.constantFrom('callid', 'callId', 'caller', 'mediaAbility', 'feature', '__proto__'), fc.anything()) }));
  });
});

describe('Huawei AICC adapter: handshake and commands', () => {
  it('subscribes with eventpost as a JSON string naming every mapped event (seed 003)', () => {
    const out = huaweiAicc.handshake!();
    expect(out).toHaveLength(1);
    const msg = out[0]!;
    expect(msg.transport).toBe('postMessage');
    const data = (msg as { data: unknown }).data;
    expect(typeof data).toBe('string');
    expect(JSON.parse(data as string)).toEqual({ name: 'eventpost', param: HUAWEI_AICC_MAPPING.map((r) => r.vendorEvent) });
    expect(data).toBe(JSON.stringify({ name: 'eventpost', param: HUAWEI_AICC_MAPPING.map((r) => r.vendorEvent) }));
    // The bar forwards only what is subscribed: the text channel, phone-linkage hold and internal-call failure too.
    expect(JSON.parse(data as string).param).toEqual(expect.arrayContaining(['AgentEvent_MessageData', 'AgentEvent_linkagePhoneHold', 'AgentEvent_Inside_Call_Fail']));
  });

  it('remembers at most 64 calls: the oldest call\'s caller is forgotten, a recent one is not', () => {
    const memory = new AdapterMemory();
    const capture = (data: unknown, at: number): RawCapture => ({ profile: 'p1', vendor: 'huawei-aicc', origin: ORIGIN, transport: 'postMessage', data, at });
    for (let i = 0; i < 65; i++) huaweiAicc.normalize(capture(nested('AgentEvent_Ringing', { ...RINGING, callid: `c${i}`, caller: `5550${i}` }), i), memory);
    const missed = (ref: string) => {
      const r = huaweiAicc.normalize(capture(nested('AgentEvent_No_Answer', ref), 100), memory);
      return 'events' in r ? r.events[0]!.party : 'rejected';
    };
    expect(missed('c0')).toBeUndefined();
    expect(missed('c64')).toEqual({ number: '555064' });
    // Ended calls are forgotten at once.
    expect(missed('c64')).toBeUndefined();
  });

  it('dials with callout as an object, not a string', () => {
    expect(huaweiAicc.commands.dial!('88889007', CTX)).toEqual({ messages: [{ transport: 'postMessage', data: { name: 'callout', param: ['88889007', 'audio'] } }] });
    expect(huaweiAicc.commands.dial!('+4420*71#', CTX)).toEqual({ messages: [{ transport: 'postMessage', data: { name: 'callout', param: ['+4420*71#', 'audio'] } }] });
    expect(huaweiAicc.commands.dial!('1'.repeat(32), CTX)).toHaveProperty('messages');
  });

  it.each(['', ' 123', '12 34', '123-456', '1+2', 'abc', '1'.repeat(33), '8888\n9007', '"];alert(1)//'])('refuses to dial %j', (number) => {
    const r = huaweiAicc.commands.dial!(number, CTX);
    expect(r).toHaveProperty('unsupported');
    expect((r as { unsupported: string }).unsupported).toMatch(/^Huawei AICC can only dial digits, \*, # and a leading \+ \(at most 32 characters\); got /);
  });

  it('offers no state, answer or call-control commands (they need the sign-in Guid)', () => {
    expect(Object.keys(huaweiAicc.commands)).toEqual(['dial']);
  });

  it('declares its shape', () => {
    expect(huaweiAicc).toMatchObject({ id: 'huawei-aicc', label: 'Huawei AICC', defaultOrigins: [], transport: 'postMessage', defaultMode: 'framed', derivesMissed: false });
  });
});

describe('Huawei AICC adapter: replay fixture', () => {
  const dir = new URL('../../fixtures/replay/', import.meta.url);
  const lines = readFileSync(new URL('huawei-aicc.jsonl', dir), 'utf8').split('\n').slice(0, -1);
  const expected = readFileSync(new URL('huawei-aicc.expected.txt', dir), 'utf8').split('\n').slice(0, -1);

  it('has one line per documented event, each with its expected kinds', () => {
    expect(lines).toHaveLength(expected.length);
    const seen = lines.map((line, i) => {
      const { vendor, origin, data } = JSON.parse(line) as { vendor: string; origin: string; data: unknown };
      expect(vendor).toBe('huawei-aicc');
      expect(origin).toBe('https://aicc.example.com');
      const r = run(huaweiAicc, origin, data);
      if ('reject' in r) throw new Error(`line ${i + 1} rejected: ${r.reject}`);
      expect(r.events.map((e) => e.kind).join(','), `line ${i + 1}`).toBe(expected[i]);
      return r.events[0]!.vendorEvent;
    });
    expect([...seen].sort()).toEqual(HUAWEI_AICC_MAPPING.map((r) => r.vendorEvent).sort());
  });
});

describe('Huawei AICC: the caller named by a later event of the same ring', () => {
  it('the unnamed PhoneAlerting toast becomes the caller\'s, silently, and closes when answered', () => {
    const run = replayCase('huawei-aicc-ring-named-later');
    expect(run.toasts).toEqual(['show Unknown caller', 'close (unnamed)', 'update 6505550142', 'close 1700000000-5571']);
    const named = run.lines[1]!.events[0]!;
    expect(named).toMatchObject({ kind: 'interaction.offered', ref: '1700000000-5571', party: { number: '6505550142' } });
    expect(run.lines[1]!.effects.filter((e) => e.type === 'suppress')).toEqual([]);
  });
});

describe('Huawei AICC: events published without the event envelope (cec_07_1396, cec_07_1405, cec_07_1373)', () => {
  it('the flat published examples are read like enveloped ones', () => {
    const run = replayCase('huawei-aicc-unwrapped');
    expect(run.lines.map((l) => l.accepted)).toEqual([true, true, true]);
    expect(view(run.lines[0]!.events[0]!)).toEqual({ kind: 'vendor.info' });
    const message = run.lines[1]!.events[0]!;
    expect(message).toMatchObject({ kind: 'message.inbound', vendorEvent: 'AgentEvent_MessageData', ref: '1552038964-16797222', media: 'chat', party: { number: '88880022' }, text: 'testmessage' });
    expect(run.lines[2]!.events[0]).toMatchObject({ kind: 'interaction.offered', ref: '1669951418-12166', queue: 'defaultVideoSkill', party: { number: '88880165' } });
    expect(run.toasts).toEqual(['show 88880022 · Huawei AICC', 'show 88880165 — defaultVideoSkill']);
  });
});

describe('Huawei AICC: the queue named by AgentEvent_Incoming_CallInfo after AgentEvent_Ringing', () => {
  it('the caller\'s toast gains the queue, silently, and closes when answered', () => {
    const run = replayCase('huawei-aicc-queue-named-later');
    expect(run.toasts).toEqual(['show 88880165', 'update 88880165 — defaultVideoSkill', 'close 1669951418-12166']);
    expect(run.lines[1]!.effects.filter((e) => e.type === 'suppress')).toEqual([]);
    expect(run.lines[1]!.effects.find((e) => e.type === 'notify')).toMatchObject({ update: true, ref: '1669951418-12166' });
    expect(run.lines[3]!.events[0]).toMatchObject({ kind: 'interaction.ended', ref: '1669951418-12166' });
  });
});

describe('Huawei AICC: the queue named by AgentEvent_Incoming_CallInfo before AgentEvent_Ringing', () => {
  it('the Ringing that follows keeps the queue: the toast is not replaced by one that says less', () => {
    const run = replayCase('huawei-aicc-queue-named-first');
    expect(run.toasts).toEqual(['show 88880165 — defaultVideoSkill']);
    expect(run.lines[1]!.events[0]).toMatchObject({ kind: 'interaction.offered', ref: '1669951418-12166', queue: 'defaultVideoSkill', party: { number: '88880165' } });
    expect(run.lines[1]!.effects).toContainEqual(expect.objectContaining({ type: 'suppress', reason: 'duplicate' }));
  });
});

describe('Huawei AICC: a ring nobody answers (AgentEvent_No_Answer carries only the callid)', () => {
  it('the missed-call toast is a call and names the caller and queue the ring had', () => {
    const run = replayCase('huawei-aicc-no-answer');
    expect(run.toasts).toEqual(['show Unknown caller', 'close (unnamed)', 'update 49997', 'update 49997 — Billing', 'close 1456404043-37', 'show Missed call']);
    const missed = run.lines[3]!.events[0]!;
    expect(missed).toMatchObject({ kind: 'interaction.missed', ref: '1456404043-37', media: 'voice', party: { number: '49997' }, queue: 'Billing' });
    expect(run.lines[3]!.effects.find((e) => e.type === 'notify')).toMatchObject({ title: 'Missed call', body: '49997 — Billing · Huawei AICC' });
  });
});

describe('Huawei AICC: phone-linkage hold (cec_07_1427)', () => {
  it('AgentEvent_linkagePhoneHold {callId} holds the call; Talking again is the retrieve', () => {
    const run = replayCase('huawei-aicc-phone-linkage-hold');
    expect(run.events.map((e) => [e.kind, e.ref, e.on])).toEqual([
      ['interaction.connected', '1474269843-24', undefined],
      ['interaction.hold', '1474269843-24', true],
      ['interaction.connected', '1474269843-24', undefined],
      ['interaction.ended', '1474269843-24', undefined],
    ]);
    expect(run.events[1]!.party).toEqual({ number: '70001' });
    expect(run.toasts).toEqual([]);
  });
});

describe('Huawei AICC: an outbound call (devg-ccgw-cec cec_05_4029)', () => {
  it('the agent\'s own phone ringing is closed once the customer rings; the connected call names the called customer', () => {
    const run = replayCase('huawei-aicc-outbound');
    expect(run.toasts).toEqual(['show Unknown caller', 'close (unnamed)']);
    expect(run.lines[2]!.events[0]).toMatchObject({ kind: 'vendor.info', ref: '1456401416-3', party: { number: '70092' } });
    expect(run.lines[3]!.events[0]).toMatchObject({ kind: 'interaction.connected', ref: '1456401416-3', party: { number: '70092' }, media: 'voice' });
    expect(run.lines[4]!.events[0]).toMatchObject({ kind: 'interaction.ended', ref: '1456401416-3', party: { number: '70092' } });
  });
});

describe('Huawei AICC: failed calls (cec_07_1359, cec_07_1361)', () => {
  it('Call_Out_Fail and Inside_Call_Fail are failed calls with their callid; the dialled number is remembered', () => {
    const run = replayCase('huawei-aicc-call-fails');
    expect(run.lines[1]!.events[0]).toMatchObject({ kind: 'interaction.failed', vendorEvent: 'AgentEvent_Call_Out_Fail', ref: '1456403661-19', party: { number: '88889007' } });
    expect(run.lines[2]!.events[0]).toMatchObject({ kind: 'interaction.failed', vendorEvent: 'AgentEvent_Inside_Call_Fail', ref: '1456403699-21' });
    expect(run.lines[2]!.events[0]!.party).toBeUndefined();
    expect(run.toasts).toEqual([]);
  });
});

describe('Huawei AICC: automatic answering (devg-ccgw-cec cec_05_4031)', () => {
  it('AgentEvent_Auto_Answer connects the call and closes the phone\'s unnamed ring', () => {
    const run = replayCase('huawei-aicc-auto-answer');
    expect(run.toasts).toEqual(['show Unknown caller', 'close (unnamed)']);
    expect(run.lines[1]!.events[0]).toMatchObject({ kind: 'interaction.connected', vendorEvent: 'AgentEvent_Auto_Answer', ref: '1456404171-43', party: { number: '70093' } });
    expect(run.lines[1]!.effects.filter((e) => e.type === 'notify')).toEqual([]);
  });
});
