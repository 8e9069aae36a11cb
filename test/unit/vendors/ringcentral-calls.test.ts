/**
 * RingCentral Embeddable's calls as the agent meets them, replayed from the cases in
 * test/fixtures/replay/cases/ringcentral-embeddable-*.jsonl (each line names the RingCentral code
 * its shape comes from): answered elsewhere, taken by a queue colleague, missed by RingCentral's
 * own verdict, and the calling modes without a web phone (RingOut, desk phone, RingCentral app).
 */
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/shared/contract/effects';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { defaultReplayProfiles } from '../../../src/shared/core/replay-format';
import { replayCase, type CaseRun } from '../../support/replay-case';

const kinds = (run: CaseRun) => run.lines.map((l) => l.events.map((e) => e.kind).join(','));
const missed = (run: CaseRun) => run.events.filter((e) => e.kind === 'interaction.missed');
const trays = (run: CaseRun) => run.effects.filter((e): e is Extract<Effect, { type: 'presence' }> => e.type === 'presence').map((e) => e.state);
const call = (e: ShellEvent | undefined) => e && { kind: e.kind, ref: e.ref, party: e.party, queue: e.queue, on: e.on };

describe('RingCentral web phone: a ring taken elsewhere is not a missed call', () => {
  it('answered on another of the agent\'s devices: the toast closes on the telephony session, no "Missed call" follows', () => {
    const run = replayCase('ringcentral-embeddable-answered-elsewhere');
    const ref = 'kj2fh6cs0vl7q2rf1ocb-10.74.13.130-5070';
    expect(run.toasts).toEqual(['show Jane Doe (+16579991394)', `close ${ref}`]);
    expect(missed(run)).toEqual([]);
    // The telephony session (linked through call.partyData.sessionId) is what closes it.
    expect(run.lines[4]!.events[0]).toMatchObject({ kind: 'vendor.info', vendorEvent: 'rc-telephony-session-notify', ref });
    expect(run.lines[4]!.events[0]!.text).toMatch(/Answered.*not missed/);
    // Facts that end nothing leave the ring alone (no ref, so no dismiss).
    expect(run.lines[2]!.events[0]!.ref).toBeUndefined();
    expect(run.lines[3]!.events[0]!.ref).toBeUndefined();
    expect(call(run.lines[6]!.events[0])).toMatchObject({ kind: 'interaction.ended', ref });
    expect(trays(run)).toEqual(['available', 'ringing', 'available']);
  });

  it('a queue colleague takes it after the web phone stopped ringing: ended, then RingCentral says unmissed — no "Missed call"', () => {
    const run = replayCase('ringcentral-embeddable-queue-colleague');
    const ref = 'o1l7ai0a2ffd8n1u2lsd-10.74.13.131-5070';
    expect(run.toasts).toEqual(['show Jane Doe (+16579991394) — Support', `close ${ref}`]);
    expect(missed(run)).toEqual([]);
    expect(run.lines[4]!.events[0]).toMatchObject({ kind: 'vendor.info', ref, text: expect.stringMatching(/Disconnected.*not missed/) });
  });

  it('nobody answers: the ring ends, and the "Missed call" comes with RingCentral\'s verdict, naming the caller', () => {
    const run = replayCase('ringcentral-embeddable-missed-verdict');
    const ref = 'u5ghs8a1hh3nq0eisq3v-10.74.13.132-5070';
    expect(run.toasts).toEqual(['show Jane Doe (+16579991394)', `close ${ref}`, 'show Missed call']);
    expect(missed(run)).toHaveLength(1);
    expect(missed(run)[0]).toMatchObject({ ref, party: { name: 'Jane Doe', number: '+16579991394' }, derived: 'rc-telephony-missed-call', vendorEvent: 'rc-telephony-session-notify' });
    expect(run.lines[3]!.events.map((e) => e.kind)).toEqual(['interaction.ended']);
  });
});

describe('RingCentral calling modes without a web phone: the call\'s life from the active calls', () => {
  it('RingOut: one outbound call, the leg to the agent\'s own phone is no offer, and each rc-ringout-call-notify/rc-active-call-notify pair is one event', () => {
    const run = replayCase('ringcentral-embeddable-ringout');
    const ref = 's-c0ffee8226a3d4z17ee2cd74ddz2edde0001';
    const life = run.events.filter((e) => e.kind !== 'vendor.info').map(call);
    expect(life).toEqual([
      { kind: 'interaction.outbound', ref, party: { number: '+12055439065' }, queue: undefined, on: undefined },
      { kind: 'interaction.connected', ref, party: { number: '+12055439065' }, queue: undefined, on: undefined },
      { kind: 'interaction.ended', ref, party: { number: '+12055439065' }, queue: undefined, on: undefined },
    ]);
    expect(run.toasts).toEqual([]);
    expect(trays(run)).toEqual(['available', 'on-call', 'available']);
  });

  it('RingOut, the agent\'s leg first: its ring is withdrawn when the outbound leg pairs with it, never missed', () => {
    const run = replayCase('ringcentral-embeddable-ringout-leg-first');
    const leg = 's-c0ffee8226a3d4z17ee2cd74ddz2edde0002';
    expect(run.toasts).toEqual(['show +12055439065', `close ${leg}`]);
    expect(missed(run)).toEqual([]);
    expect(run.events.filter((e) => e.kind === 'interaction.outbound').map((e) => e.ref)).toEqual(['s-c0ffee8226a3d4z17ee2cd74ddz2edde0001']);
    expect(trays(run)).toEqual(['available', 'ringing', 'on-call', 'available']);
  });

  it('desk phone: offered (toast), connected (toast closes), hold, resume, ended — the tray follows', () => {
    const run = replayCase('ringcentral-embeddable-desk-phone');
    const ref = 's-d35c0ff5e3a14f0c8d0e6b7a9c1d2e3f';
    expect(kinds(run)).toEqual(['vendor.info', 'interaction.offered', 'vendor.info', 'interaction.connected', 'interaction.hold', 'interaction.hold', 'interaction.ended']);
    expect(call(run.lines[1]!.events[0])).toEqual({ kind: 'interaction.offered', ref, party: { name: 'Jane Doe', number: '+16579991394' }, queue: undefined, on: undefined });
    expect(run.lines[4]!.events[0]!.on).toBe(true);
    expect(run.lines[5]!.events[0]!.on).toBe(false);
    expect(run.toasts).toEqual(['show Jane Doe (+16579991394)', `close ${ref}`]);
    expect(trays(run)).toEqual(['available', 'ringing', 'on-call', 'available']);
    expect(missed(run)).toEqual([]);
  });

  it('RingCentral app: a call nobody answers is missed on RingCentral\'s verdict (Voicemail)', () => {
    const run = replayCase('ringcentral-embeddable-app-missed');
    const ref = 's-e46d1aa6f4b25a1d9e1f7c8bad2e3f40';
    expect(run.toasts).toEqual(['show Jane Doe (+16579991394)', `close ${ref}`, 'show Missed call']);
    expect(missed(run)[0]).toMatchObject({ ref, party: { name: 'Jane Doe', number: '+16579991394' }, derived: 'rc-telephony-missed-call' });
  });

  it('RingCentral app: answered on another device (NoCall/intermediate) closes the ring, then the call is on', () => {
    const run = replayCase('ringcentral-embeddable-app-answered-elsewhere');
    const ref = 's-f57e2bb7a5c36b2e0f2a8d9cbe3f4051';
    expect(run.toasts).toEqual(['show Jane Doe (+16579991394)', `close ${ref}`]);
    expect(run.lines[2]!.events[0]).toMatchObject({ kind: 'vendor.info', ref });
    expect(missed(run)).toEqual([]);
    expect(trays(run)).toEqual(['available', 'ringing', 'available', 'on-call', 'available']);
  });
});

describe('RingCentral web phone: when no telephony session can decide', () => {
  const profiles = defaultReplayProfiles();
  const at = (n: number) => 1_700_000_000_000 + n * 1000;
  const feed = (messages: unknown[]) => {
    const pipeline = createPipeline({ profiles });
    return messages.flatMap((data, i) => {
      const r = pipeline.process({ profile: 'ringcentral-embeddable', vendor: 'ringcentral-embeddable', origin: 'https://apps.ringcentral.com', transport: 'postMessage', data, at: at(i) });
      if (!r.accepted) throw new Error(r.reason);
      return r.events;
    });
  };
  const ring = { id: 'sip-1', direction: 'Inbound', fromNumber: '+16579991394', fromUserName: 'Jane Doe', partyData: { partyId: 'p-1-2', sessionId: 's-1' } };

  it('a widget that never sent a telephony session: a ring that ends unanswered is missed by the old rule', () => {
    const events = feed([{ type: 'rc-call-ring-notify', call: ring }, { type: 'rc-call-end-notify', call: ring }]);
    expect(events.map((e) => [e.kind, e.derived])).toEqual([
      ['interaction.offered', undefined],
      ['interaction.ended', undefined],
      ['interaction.missed', 'offered-then-ended-unanswered'],
    ]);
    expect(events[2]).toMatchObject({ ref: 'sip-1', party: { name: 'Jane Doe', number: '+16579991394' } });
  });

  it('a ring the agent sent to voicemail, forwarded or answered (startTime) is not missed', () => {
    for (const flag of [{ isToVoicemail: true }, { isForwarded: true }, { isReplied: true }, { startTime: 1_700_000_000_500 }]) {
      const events = feed([{ type: 'rc-call-ring-notify', call: ring }, { type: 'rc-call-end-notify', call: { ...ring, ...flag } }]);
      expect(events.map((e) => e.kind), JSON.stringify(flag)).toEqual(['interaction.offered', 'interaction.ended']);
    }
  });

  it('the telephony verdict may come before the web phone rings: it is kept for the ring', () => {
    const session = { id: 's-1', extensionId: '1', parties: [{ extensionId: '1', direction: 'Inbound', status: { code: 'Voicemail' }, missedCall: true }] };
    const events = feed([
      { type: 'rc-telephony-session-notify', telephonySession: session },
      { type: 'rc-call-ring-notify', call: ring },
      { type: 'rc-call-end-notify', call: ring },
    ]);
    expect(events.map((e) => [e.kind, e.derived])).toEqual([
      ['vendor.info', undefined],
      ['interaction.offered', undefined],
      ['interaction.ended', undefined],
      ['interaction.missed', 'rc-telephony-missed-call'],
    ]);
  });

  it('the demo keeps the pipeline\'s own rule (it has no telephony sessions)', () => {
    const pipeline = createPipeline({ profiles });
    const events = [{ type: 'rc-call-ring-notify', call: ring }, { type: 'rc-call-end-notify', call: ring }].flatMap((data, i) => {
      const r = pipeline.process({ profile: 'demo', vendor: 'demo', origin: 'app://demo', transport: 'postMessage', data, at: at(i) });
      return r.accepted ? r.events : [];
    });
    expect(events.map((e) => [e.kind, e.derived])).toEqual([
      ['interaction.offered', undefined],
      ['interaction.ended', undefined],
      ['interaction.missed', 'offered-then-ended-unanswered'],
    ]);
  });

  it.each([
    [{ type: 'rc-telephony-session-notify', telephonySession: 'x' }],
    [{ type: 'rc-telephony-session-notify', telephonySession: { id: 's-1', extensionId: '1', parties: ['x', null, { status: 7 }] } }],
    [{ type: 'rc-telephony-session-notify', telephonySession: { id: 's-1', extensionId: '1', parties: Array.from({ length: 300 }, () => ({ extensionId: '1' })) } }],
    [{ type: 'rc-active-call-notify', call: [] }],
    [{ type: 'rc-active-call-notify', call: { telephonySessionId: { x: 1 }, telephonyStatus: 5 } }],
    [{ type: 'rc-ringout-call-notify', call: { telephonySessionId: 's-2', direction: 'Inbound', from: 42, telephonyStatus: 'Ringing' } }],
    [{ type: 'rc-calling-settings-notify', callingMode: ['ringout'] }],
  ])('malformed call facts are read as facts, never thrown (case %#)', (data) => {
    const events = feed([{ type: 'rc-calling-settings-notify', callWith: 'ringout', callingMode: 'ringout' }, data]);
    expect(events.length).toBeGreaterThan(1);
  });
});
