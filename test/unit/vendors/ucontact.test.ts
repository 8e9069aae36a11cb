import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FIELD_LIMITS, type ShellEvent } from '../../../src/shared/contract/shell-event';
import { UCONTACT_MAPPING, channelMedia, looksLikePhoneNumber, startInteraction, ucontact } from '../../../src/shared/vendors/ucontact';
import { HUGE, NON_OBJECTS, WRONG_VALUES, captureOf, eventsOf, neverThrows, only, readReplay, rejectOf, view } from './postmessage-harness';
import { commandContext } from '../../support/command-context';
import { AdapterMemory } from '../../../src/shared/vendors/memory';
import { replayCase } from '../../support/replay-case';

const ORIGIN = 'https://acme.ucontactcloud.com';
const v7 = (event: unknown, data?: unknown) => only(ucontact, ORIGIN, { event, data });
const v6 = (action: unknown, params?: unknown) => only(ucontact, ORIGIN, { action, params });
const rej = (data: unknown) => rejectOf(ucontact, ORIGIN, data);
const ctx = commandContext();

const GUID = 'b4f1c9e2-6a7d-4c1e-9f0a-3d2e1c0b9a87';
const V7: Record<string, unknown> = {
  assignedInteraction: { guid: GUID, campaign: 'Support', channel: 'telephony', clientId: '+59899123456' },
  finishedInteraction: { guid: GUID, finishDate: '2024-05-14 10:32:07' },
  sentDisposition: { guid: GUID, comment: 'Customer asked for a callback', levelsId: ['12', '37'], levelsValue: ['Sales', 'Callback'] },
  changedTheme: { dark: true, primary: '#1976d2' },
  changedLanguage: 'en',
};
const V6: Record<string, unknown> = {
  gettingCall: { guid: '1715682727.1042', number: '+59899123456', callerid: '+59899123456', campaign: 'Support' },
  makeCall: { guid: '1715682901.1043', number: '+59898765432', campaign: 'Sales' },
  finishedCall: { guid: '1715682727.1042', number: '+59899123456', campaign: 'Support' },
  finishedSms: { guid: '1715683015.1044', number: '+59899123456', direction: 'I', message: 'Can you call me back after 5pm?' },
  sentDispositions: { guid: '1715682727.1042', comment: 'Resolved on first call' },
  agentLogin: { agent: 'jdoe', interface: 'SIP/9999' },
};
const EXPECTED: Record<string, Partial<ShellEvent>> = {
  assignedInteraction: { kind: 'interaction.offered', ref: GUID, media: 'voice', party: { number: '+59899123456' }, queue: 'Support' },
  finishedInteraction: { kind: 'interaction.ended', ref: GUID },
  sentDisposition: { kind: 'interaction.wrapup', ref: GUID, text: 'Customer asked for a callback' },
  changedTheme: { kind: 'vendor.info' },
  changedLanguage: { kind: 'vendor.info' },
  gettingCall: { kind: 'interaction.offered', ref: '1715682727.1042', media: 'voice', party: { number: '+59899123456' }, queue: 'Support' },
  makeCall: { kind: 'interaction.outbound', ref: '1715682901.1043', media: 'voice', party: { number: '+59898765432' }, queue: 'Sales' },
  finishedCall: { kind: 'interaction.ended', ref: '1715682727.1042', media: 'voice', party: { number: '+59899123456' }, queue: 'Support' },
  finishedSms: { kind: 'interaction.ended', ref: '1715683015.1044', media: 'sms', party: { number: '+59899123456' } },
  sentDispositions: { kind: 'interaction.wrapup', ref: '1715682727.1042', text: 'Resolved on first call' },
  agentLogin: { kind: 'agent.session', loggedIn: true },
};
const DOCUMENTED = [...Object.keys(V7), ...Object.keys(V6)];
const send = (name: string, payload: unknown) => (name in V7 ? v7(name, payload) : v6(name, payload));

describe('ucontact adapter shape', () => {
  it('declares the documented identity and only dial', () => {
    expect(ucontact.id).toBe('ucontact');
    expect(ucontact.label).toBe('uContact');
    expect(ucontact.defaultOrigins).toEqual(['https://*.ucontactcloud.com']);
    expect(ucontact.transport).toBe('postMessage');
    expect(ucontact.defaultMode).toBe('framed');
    expect(ucontact.derivesMissed).toBe(false);
    expect(Object.keys(ucontact.commands)).toEqual(['dial']);
    expect(ucontact.handshake).toBeUndefined();
  });

  it('lists every documented v7 event and v6 action exactly once', () => {
    const names = UCONTACT_MAPPING.map((r) => r.vendorEvent);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...DOCUMENTED].sort());
    for (const row of UCONTACT_MAPPING) expect(row.source).toMatch(row.vendorEvent in V7 ? /^docs\.ucontactcloud\.com\/developer\/events\.html/ : /^integra-scm\.atlassian\.net\/wiki\/x\/AQCxnQ/);
  });

  it('maps each row to the kind its table states', () => {
    for (const row of UCONTACT_MAPPING) expect(send(row.vendorEvent, (V7[row.vendorEvent] ?? V6[row.vendorEvent])).kind, row.vendorEvent).toBe(row.kind);
  });
});

describe('ucontact documented events', () => {
  for (const name of DOCUMENTED) {
    it(`${name} → ${EXPECTED[name]!.kind}`, () => {
      const envelope = name in V7 ? { event: name, data: V7[name] } : { action: name, params: V6[name] };
      const event = only(ucontact, ORIGIN, envelope);
      expect(view(event)).toEqual(EXPECTED[name]);
      expect(event.vendorEvent).toBe(name);
      expect(event.raw).toEqual(envelope);
      expect(event.id).toBe(`p1:1700000000000:${name}:0`);
    });
  }

  it('reads the seed’s own example shapes', () => {
    const seed = { guid: 'string', campaign: 'string', channel: 'string', clientId: 'string' };
    expect(view(v7('assignedInteraction', seed))).toEqual({ kind: 'interaction.offered', ref: 'string', media: 'unknown', party: { name: 'string' }, queue: 'string' });
    expect(view(v7('finishedInteraction', { guid: 'string', finishDate: 'string' }))).toEqual({ kind: 'interaction.ended', ref: 'string' });
    expect(view(v7('sentDisposition', { guid: 'string', comment: 'string', levelsId: 'Array', levelsValue: 'Array' }))).toEqual({ kind: 'interaction.wrapup', ref: 'string', text: 'string' });
    expect(view(v7('changedTheme', { dark: 'boolean', primary: 'string' }))).toEqual({ kind: 'vendor.info' });
    expect(v7('changedLanguage', 'en').raw).toEqual({ event: 'changedLanguage', data: 'en' });
  });

  it.each([
    ['telephony', 'voice'], ['Voice', 'voice'], ['CALL', 'voice'], ['sms', 'sms'], ['email', 'email'], ['mail', 'email'],
    ['chat', 'chat'], ['webchat', 'chat'], ['WhatsApp', 'chat'], ['facebook', 'social'], ['instagram', 'social'],
    ['twitter', 'social'], ['fax', 'unknown'], ['__proto__', 'unknown'], ['constructor', 'unknown'], ['toString', 'unknown'],
  ])('channel %s → media %s', (channel, media) => {
    expect(channelMedia(channel)).toBe(media);
    expect(v7('assignedInteraction', { guid: 'g', channel }).media).toBe(media);
  });

  it.each([
    ['+59899123456', true], ['099 123 456', true], ['(555) 123-4567', true], ['12345', false], ['1234567890123456', false],
    ['jane@example.com', false], ['CRM-00042', false], ['+', false],
  ])('clientId %s looks like a phone number: %s', (clientId, phone) => {
    expect(looksLikePhoneNumber(clientId)).toBe(phone);
    expect(v7('assignedInteraction', { guid: 'g', channel: 'email', clientId }).party).toEqual(phone ? { number: clientId } : { name: clientId });
  });

  it('gettingCall falls back to callerid and accepts numeric guids', () => {
    expect(view(v6('gettingCall', { callerid: '+59899000111', guid: 1715682727 }))).toEqual({ kind: 'interaction.offered', ref: '1715682727', media: 'voice', party: { number: '+59899000111' } });
    expect(view(v6('gettingCall'))).toEqual({ kind: 'interaction.offered', media: 'voice' });
  });

  it.each(['I', 'O', undefined, 'i', 1])('finishedSms (direction %s) closes the SMS conversation, it is no new SMS', (direction) => {
    expect(view(v6('finishedSms', { guid: 'g-1', number: '+59899123456', direction, message: 'hi' }))).toEqual({ kind: 'interaction.ended', ref: 'g-1', media: 'sms', party: { number: '+59899123456' } });
  });

  it('finishedSms without a guid is the conversation with its number; with neither it ends nothing', () => {
    // An interaction.ended without a ref would end every call of the profile (core/presence.ts).
    expect(view(v6('finishedSms', { number: 59899123456, direction: 'I' }))).toEqual({ kind: 'interaction.ended', ref: 'sms:59899123456', media: 'sms', party: { number: '59899123456' } });
    expect(view(v6('finishedSms', { direction: 'O' }))).toEqual({ kind: 'vendor.info', media: 'sms' });
  });

  it.each(['gettingCall', 'makeCall', 'finishedCall'])('%s reads a numeric number (the wiki sample\'s "number":1234) as the caller\'s number', (action) => {
    expect(v6(action, { number: 1234, campaign: 'campaign->' })).toMatchObject({ media: 'voice', party: { number: '1234' }, queue: 'campaign->' });
    expect(v6(action, { number: 59899123456 }).party).toEqual({ number: '59899123456' });
    expect(v6(action, { callerid: 59899000111 }).party).toEqual({ number: '59899000111' });
  });

  it.each([0, -5, 1.5, Number.NaN, Infinity, 2 ** 60])('a numeric number %s that no phone number is stays unknown', (number) => {
    expect(v6('gettingCall', { number }).party).toBeUndefined();
  });
});

describe('ucontact envelopes', () => {
  it('rejects non-objects and arrays with what arrived', () => {
    for (const data of NON_OBJECTS) expect(rej(data)).toMatch(/^not a uContact message: expected an object \{event, data\} \(v7\) or \{action, params\} \(v6\); got /);
    expect(rej(null)).toMatch(/got null$/);
    expect(rej([{ event: 'assignedInteraction' }])).toMatch(/got an array$/);
  });

  it('rejects an object with neither key, and bad event or action names', () => {
    expect(rej({ type: 'rc-call-ring-notify' })).toMatch(/it has neither an "event" nor an "action" key$/);
    expect(rej({ event: 5, data: {} })).toBe('not a uContact v7 message: expected a string "event", got number');
    expect(rej({ event: '', data: {} })).toBe('not a uContact v7 message: "event" is empty');
    expect(rej({ action: null })).toBe('not a uContact v6 message: expected a string "action", got null');
    expect(rej({ event: HUGE })).toMatch(/"event" is 200000 characters long \(at most 200\)$/);
    expect(rej({ action: HUGE })).toMatch(/"action" is 200000 characters long/);
  });

  it('reads an object with both keys as v7', () => {
    expect(send('finishedInteraction', undefined).kind).toBe('interaction.ended');
    expect(only(ucontact, ORIGIN, { event: 'finishedInteraction', data: { guid: 'g' }, action: 'gettingCall' }).kind).toBe('interaction.ended');
  });

  it('rejects other transports', () => {
    expect(ucontact.normalize(captureOf(ucontact, ORIGIN, { event: 'assignedInteraction', data: {} }, 'socket.io'), new AdapterMemory())).toEqual({
      reject: 'uContact messages arrive by postMessage, not socket.io',
    });
  });

  it('passes unknown events and actions through as vendor.other', () => {
    expect(view(v7('startedBreak', { reason: 'lunch' }))).toEqual({ kind: 'vendor.other' });
    expect(view(v6('makeSms', { number: '1' }))).toEqual({ kind: 'vendor.other' });
    expect(v7('startInteraction', {}).kind).toBe('vendor.other');
  });
});

describe('ucontact hostile input', () => {
  it('never lets __proto__ or constructor match a table entry', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(view(v7(name, {}))).toEqual({ kind: 'vendor.other' });
      expect(view(v6(name, {}))).toEqual({ kind: 'vendor.other' });
    }
  });

  it('ignores __proto__ and constructor keys in envelope and payload', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"event":"assignedInteraction"},"constructor":{"event":"x"},"action":"gettingCall","params":{"__proto__":{"number":"+111111111"},"constructor":"+222222222"}}');
    expect(view(only(ucontact, ORIGIN, parsed))).toEqual({ kind: 'interaction.offered', media: 'voice' });
    expect(rej(JSON.parse('{"__proto__":{"event":"assignedInteraction","data":{}}}'))).toMatch(/neither an "event" nor an "action"/);
  });

  it('drops fields of the wrong type but keeps the event', () => {
    const keys = ['guid', 'campaign', 'channel', 'clientId', 'comment', 'number', 'callerid', 'direction', 'message'];
    for (const name of DOCUMENTED) {
      for (const bad of WRONG_VALUES) {
        const event = send(name, Object.fromEntries(keys.map((k) => [k, bad])));
        const idLike = typeof bad === 'number' && Number.isFinite(bad) && name !== 'agentLogin';
        // A closed SMS conversation is known by its guid, else by its number (a long one is clipped).
        const smsRef = name === 'finishedSms' && bad === HUGE ? `sms:${HUGE.slice(0, FIELD_LIMITS.number)}` : undefined;
        expect(event.kind).toBe(name === 'finishedSms' && !idLike && !smsRef ? 'vendor.info' : EXPECTED[name]!.kind);
        expect(event.ref).toBe(idLike ? String(bad) : smsRef);
        if (bad !== HUGE) expect([event.text, event.queue, event.party]).toEqual([undefined, undefined, undefined]);
        if (event.media !== undefined) expect(['voice', 'sms', 'unknown']).toContain(event.media);
      }
      for (const data of NON_OBJECTS) expect(send(name, data).kind).toBe(name === 'finishedSms' ? 'vendor.info' : EXPECTED[name]!.kind);
    }
  });

  it('keeps 200 KB values bounded', () => {
    const offered = v7('assignedInteraction', { guid: HUGE, campaign: HUGE, channel: HUGE, clientId: HUGE });
    expect(offered.ref).toBeUndefined();
    expect(offered.queue).toHaveLength(FIELD_LIMITS.queue);
    expect(offered.party?.name).toHaveLength(FIELD_LIMITS.name);
    expect(offered.media).toBe('unknown');
    const digits = v7('assignedInteraction', { clientId: '9'.repeat(200_000) });
    expect(digits.party).toEqual({ name: expect.any(String) });
    expect(digits.party!.name!.length).toBeLessThanOrEqual(FIELD_LIMITS.name);
    const sms = v6('finishedSms', { guid: 'g', number: HUGE, message: HUGE, direction: 'I' });
    expect(sms.text).toBeUndefined();
    expect(sms.party!.number).toHaveLength(FIELD_LIMITS.number);
    expect(v7('sentDisposition', { comment: HUGE }).text).toHaveLength(FIELD_LIMITS.text);
  });

  it('never throws on arbitrary values or arbitrary payloads of documented events', () => {
    neverThrows(ucontact, ORIGIN, fc.anything());
    neverThrows(ucontact, ORIGIN, fc.record({ event: fc.constantFrom(...Object.keys(V7), '__proto__', 'x'), data: fc.anything() }));
    neverThrows(ucontact, ORIGIN, fc.record({ action: fc.constantFrom(...Object.keys(V6), 'constructor', 'x'), params: fc.anything() }));
  });
});

describe('ucontact commands', () => {
  it('dial before the instance said anything: v7 startInteraction, watched for the call to start', () => {
    const r = ucontact.commands.dial!(' +59899123456 ', ctx, { campaign: ' Sales ' });
    expect(r).toMatchObject({
      messages: [{ transport: 'postMessage', data: { event: 'startInteraction', data: { campaign: 'Sales', channel: 'telephony', clientId: '+59899123456' } } }],
      confirm: { what: 'start the call to +59899123456', withinMs: 15_000 },
    });
    const { confirm } = r as { confirm: { by(e: ShellEvent): boolean; hint?: string } };
    expect(confirm.hint).toMatch(/v6 \(uPhone\) instance ignores it/);
    expect(confirm.by(v7('assignedInteraction', { guid: 'g', clientId: '+59899123456' }))).toBe(true);
    expect(confirm.by(v6('makeCall', { number: '+59899123456' }))).toBe(true);
    expect(confirm.by(v7('changedTheme', { dark: true }))).toBe(false);
  });

  it('dial without a campaign or number says why it cannot', () => {
    const noCampaign = 'uContact starts a call only within a campaign, and this profile names none';
    expect(ucontact.commands.dial!('+59899123456', ctx)).toEqual({ unsupported: noCampaign });
    expect(ucontact.commands.dial!('+59899123456', ctx, {})).toEqual({ unsupported: noCampaign });
    expect(ucontact.commands.dial!('+59899123456', ctx, { campaign: '  ' })).toEqual({ unsupported: noCampaign });
    expect(ucontact.commands.dial!('  ', ctx, { campaign: 'Sales' })).toEqual({ unsupported: 'no number to dial' });
  });

  it('startInteraction builds the seed’s action verbatim', () => {
    expect(startInteraction({ campaign: 'Support', channel: 'whatsapp', clientId: '+59899123456' })).toEqual({
      transport: 'postMessage',
      data: { event: 'startInteraction', data: { campaign: 'Support', channel: 'whatsapp', clientId: '+59899123456' } },
    });
  });
});

describe('ucontact dial speaks the dialect the instance was heard to speak', () => {
  const heard = (...envelopes: unknown[]) => {
    const memory = new AdapterMemory();
    for (const data of envelopes) ucontact.normalize(captureOf(ucontact, ORIGIN, data), memory);
    return commandContext({}, memory);
  };
  const V6_DIAL = { messages: [{ transport: 'postMessage', data: { action: 'makeCall', params: { number: '+59899123456', campaign: 'Sales' } } }] };
  const V7_DIAL = { messages: [{ transport: 'postMessage', data: { event: 'startInteraction', data: { campaign: 'Sales', channel: 'telephony', clientId: '+59899123456' } } }] };

  it('after a v6 envelope {action, params}: the v6 makeCall {number, campaign}', () => {
    expect(ucontact.commands.dial!('+59899123456', heard({ action: 'agentLogin', params: {} }), { campaign: 'Sales' })).toEqual(V6_DIAL);
    // Any v6 envelope tells, even one the adapter has no kind for.
    expect(ucontact.commands.dial!(' +59899123456 ', heard({ action: 'somethingNew' }), { campaign: ' Sales ' })).toEqual(V6_DIAL);
  });

  it('after a v7 envelope {event, data}: startInteraction, not watched', () => {
    expect(ucontact.commands.dial!('+59899123456', heard({ event: 'changedLanguage', data: 'en' }), { campaign: 'Sales' })).toEqual(V7_DIAL);
  });

  it('the last envelope heard decides; a rejected message tells nothing', () => {
    expect(ucontact.commands.dial!('+59899123456', heard({ event: 'changedTheme', data: {} }, { action: 'gettingCall', params: {} }), { campaign: 'Sales' })).toEqual(V6_DIAL);
    expect(ucontact.commands.dial!('+59899123456', heard({ action: 'gettingCall' }, { event: 'changedTheme' }), { campaign: 'Sales' })).toEqual(V7_DIAL);
    expect(ucontact.commands.dial!('+59899123456', heard({ action: 'gettingCall' }, { action: 5 }, 'junk'), { campaign: 'Sales' })).toEqual(V6_DIAL);
  });

  it('v6 still needs a campaign and a number', () => {
    const v6ctx = heard({ action: 'agentLogin' });
    expect(ucontact.commands.dial!('+59899123456', v6ctx)).toHaveProperty('unsupported');
    expect(ucontact.commands.dial!(' ', v6ctx, { campaign: 'Sales' })).toEqual({ unsupported: 'no number to dial' });
  });
});

describe('ucontact v6: a call with a numeric number, then an SMS conversation closed', () => {
  it('the toast names the caller, closes when the call ends, and no SMS toast follows', () => {
    const run = replayCase('ucontact-v6-call-then-sms-closed');
    expect(run.lines.map((l) => l.events.map((e) => `${e.kind} ${e.media} ${e.party?.number}`).join())).toEqual([
      'interaction.offered voice 59899123456',
      'interaction.ended voice 59899123456',
      'interaction.ended sms 59898765432',
    ]);
    expect(run.lines[2]!.events[0]!.ref).toBe('sms:59898765432');
    expect(run.toasts).toEqual(['show 59899123456 — Support', 'close (unnamed)']);
    expect(run.effects.filter((e) => e.type === 'notify').map((e) => e.type === 'notify' && e.kind)).toEqual(['interaction.offered']);
  });

  it('a dial afterwards is the v6 makeCall, since the instance spoke v6', () => {
    const run = replayCase('ucontact-v6-call-then-sms-closed');
    const memory = run.pipeline.memory('ucontact')!;
    expect(ucontact.commands.dial!('59899123456', commandContext({}, memory), { campaign: 'Support' })).toEqual({
      messages: [{ transport: 'postMessage', data: { action: 'makeCall', params: { number: '59899123456', campaign: 'Support' } } }],
    });
  });
});

describe('ucontact replay fixture', () => {
  it('covers every documented event and yields the expected kinds', () => {
    const { lines, expected } = readReplay('ucontact');
    expect(lines).toHaveLength(expected.length);
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      expect(line.vendor).toBe('ucontact');
      expect(line.origin).toBe(ORIGIN);
      const events = eventsOf(ucontact, line.origin, line.data);
      expect(events.map((e) => e.kind), `line ${i + 1}`).toEqual(expected[i]);
      seen.add(events[0]!.vendorEvent);
    });
    expect([...seen].sort()).toEqual([...DOCUMENTED].sort());
  });
});
