import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/shared/contract/effects';
import { ShellEventSchema, type ShellEvent } from '../../../src/shared/contract/shell-event';
import { createPipeline, type PipelineResult } from '../../../src/shared/core/pipeline';
import type { VendorAdapter } from '../../../src/shared/vendors/adapter';
import { stamp } from '../../../src/shared/vendors/fields';
import { ringcentralEmbeddable } from '../../../src/shared/vendors/ringcentral-embeddable';
import { T0, capture } from '../../support/captures';
import { profile } from '../../support/profiles';

const rcProfile = profile({ id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable' });
const call = { id: 'c1', fromUserName: 'Jane Doe', fromNumber: '+15550100', callQueueName: 'Sales - ' };
const rc = (type: string, at: number, extra: Record<string, unknown> = {}) =>
  capture('ringcentral-embeddable', { type, call, ...extra }, { profile: 'rc', at });

function accepted(r: PipelineResult) {
  if (!r.accepted) throw new Error(`rejected at ${r.stage}: ${r.reason}`);
  for (const e of r.events) expect(ShellEventSchema.parse(e)).toEqual(e);
  return r;
}
const ofType = <T extends Effect['type']>(effects: Effect[], type: T) => effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

describe('pipeline: rejections', () => {
  const p = createPipeline({ profiles: [rcProfile] });
  it.each([
    [{ profile: 'nope' }, 'profile', 'unknown profile "nope"'],
    [{ vendor: 'ucontact' as const }, 'vendor', 'profile "rc" is a ringcentral-embeddable profile, but the capture says ucontact'],
    [{ origin: 'https://apps.ringcentral.com.evil.example' }, 'origin', 'origin https://apps.ringcentral.com.evil.example is not allowed'],
  ])('%o → %s', (patch, stage, reason) => {
    const r = p.process({ ...rc('rc-call-ring-notify', T0), ...patch });
    expect(r).toMatchObject({ accepted: false, stage });
    if (!r.accepted) expect(r.reason).toContain(reason);
  });

  it('size: a 200 KB body is refused before the adapter sees it', () => {
    const r = p.process(capture('ringcentral-embeddable', { type: 'rc-call-ring-notify', pad: 'x'.repeat(200_000) }, { profile: 'rc' }));
    expect(r).toEqual({ accepted: false, stage: 'size', reason: 'message larger than the 64 KiB capture limit' });
  });

  it('adapter: a message of another vendor is refused', () => {
    const r = p.process(capture('ringcentral-embeddable', { name: 'smcc:task:ring', data: {} }, { profile: 'rc' }));
    expect(r).toMatchObject({ accepted: false, stage: 'adapter' });
  });

  it('counts rejections by stage', () => {
    const stats = p.stats();
    expect(stats.rejected).toEqual({ profile: 1, vendor: 1, origin: 1, size: 1, adapter: 1, input: 0 });
  });

  it('the size cap is configurable', () => {
    const small = createPipeline({ profiles: [rcProfile], limits: { maxBytes: 100, maxDepth: 8 } });
    expect(small.process(rc('rc-call-ring-notify', T0))).toMatchObject({ accepted: false, stage: 'size' });
  });
});

describe('pipeline: a call from ring to end', () => {
  it('notifies once with answer/decline, dismisses on answer, tracks presence', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    const ring = accepted(p.process(rc('rc-call-ring-notify', T0)));
    expect(ring.events.map((e) => e.kind)).toEqual(['interaction.offered']);
    expect(ofType(ring.effects, 'notify')).toEqual([
      {
        type: 'notify',
        kind: 'interaction.offered',
        media: 'voice',
        title: 'Jane Doe (+15550100) — Sales',
        body: 'Incoming call · RC Support',
        profile: 'rc',
        ref: 'c1',
        actions: ['answer', 'decline'],
      },
    ]);
    expect(ofType(ring.effects, 'presence')).toEqual([
      { type: 'presence', state: 'ringing', profiles: [{ profile: 'rc', agentState: null, state: 'ringing' }] },
    ]);

    const start = accepted(p.process(rc('rc-call-start-notify', T0 + 3000)));
    expect(start.effects).toEqual([
      { type: 'dismiss', profile: 'rc', ref: 'c1' },
      { type: 'presence', state: 'on-call', profiles: [{ profile: 'rc', agentState: null, state: 'on-call' }] },
    ]);

    const end = accepted(p.process(rc('rc-call-end-notify', T0 + 60_000)));
    expect(end.events.map((e) => e.kind)).toEqual(['interaction.ended']);
    expect(ofType(end.effects, 'presence')[0]?.state).toBe('available');
  });

  it('derives a missed call when a ring ends unanswered, and says it was derived', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    p.process(rc('rc-call-ring-notify', T0));
    const end = accepted(p.process(rc('rc-call-end-notify', T0 + 20_000)));
    expect(end.events.map((e) => e.kind)).toEqual(['interaction.ended', 'interaction.missed']);
    expect(end.events[1]).toMatchObject({ ref: 'c1', derived: 'offered-then-ended-unanswered', vendorEvent: 'rc-call-end-notify' });
    expect(end.events[1]!.id).not.toBe(end.events[0]!.id);
    expect(end.effects).toEqual([
      { type: 'dismiss', profile: 'rc', ref: 'c1' },
      { type: 'notify', kind: 'interaction.missed', media: 'voice', title: 'Missed call', body: 'Jane Doe (+15550100) — Sales · RC Support', profile: 'rc', ref: 'c1', actions: [] },
      { type: 'presence', state: 'available', profiles: [{ profile: 'rc', agentState: null, state: 'available' }] },
    ]);
  });

  it('no missed call after an answered call, nor for an end nobody rang for', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    p.process(rc('rc-call-ring-notify', T0));
    p.process(rc('rc-call-start-notify', T0 + 1));
    expect(accepted(p.process(rc('rc-call-end-notify', T0 + 2))).events.map((e) => e.kind)).toEqual(['interaction.ended']);
    expect(accepted(p.process(rc('rc-call-end-notify', T0 + 10_000, { call: { id: 'other' } }))).events.map((e) => e.kind)).toEqual([
      'interaction.ended',
    ]);
  });
});

describe('pipeline: dedupe', () => {
  it('a repeated ring within the window is suppressed as duplicate and not re-emitted', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    accepted(p.process(rc('rc-call-ring-notify', T0)));
    const again = accepted(p.process(rc('rc-call-ring-notify', T0 + 800)));
    expect(again.events).toEqual([]);
    expect(again.effects).toEqual([{ type: 'suppress', reason: 'duplicate', profile: 'rc', kind: 'interaction.offered', ref: 'c1' }]);
  });

  it('a repeated ring after the window is an event again but still no second toast for the same call', () => {
    const p = createPipeline({ profiles: [rcProfile], dedupeWindowMs: 1000 });
    p.process(rc('rc-call-ring-notify', T0));
    const later = accepted(p.process(rc('rc-call-ring-notify', T0 + 5000)));
    expect(later.events).toHaveLength(1);
    expect(ofType(later.effects, 'suppress')).toEqual([{ type: 'suppress', reason: 'duplicate', profile: 'rc', kind: 'interaction.offered', ref: 'c1' }]);
    expect(ofType(later.effects, 'notify')).toEqual([]);
  });

  it('mute on then off for the same call are two events, not a duplicate', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    const on = accepted(p.process(rc('rc-call-mute-notify', T0, { call: { ...call, isOnMute: true } })));
    const off = accepted(p.process(rc('rc-call-mute-notify', T0 + 10, { call: { ...call, isOnMute: false } })));
    expect([...on.events, ...off.events].map((e) => e.on)).toEqual([true, false]);
  });

  it('one vendor event name saying ringing, then connected, for one call is two events, not a duplicate', () => {
    // RingCentral's rc-active-call-notify carries every status change of a call under one name.
    const statusOf = (data: unknown) => String((data as { call: { telephonyStatus: string } }).call.telephonyStatus);
    const oneName: VendorAdapter = {
      ...ringcentralEmbeddable,
      normalize: (c) => ({
        events: stamp(c, [{ kind: statusOf(c.data) === 'Ringing' ? 'interaction.offered' : 'interaction.connected', vendorEvent: 'rc-active-call-notify', ref: 's-1', media: 'voice', raw: c.data }]),
      }),
    };
    const p = createPipeline({ profiles: [rcProfile], adapters: { 'ringcentral-embeddable': oneName } });
    const status = (telephonyStatus: string, at: number) => capture('ringcentral-embeddable', { type: 'rc-active-call-notify', call: { telephonyStatus } }, { profile: 'rc', at });
    accepted(p.process(status('Ringing', T0)));
    const connected = accepted(p.process(status('CallConnected', T0 + 2_000)));
    expect(connected.events.map((e) => e.kind)).toEqual(['interaction.connected']);
    expect(ofType(connected.effects, 'dismiss')).toEqual([{ type: 'dismiss', profile: 'rc', ref: 's-1' }]);
  });

  it('an unnamed voice ring is not another medium\'s interaction: an SMS ending or offered beside it leaves it ringing', () => {
    // uContact v6 may ring without a call id while an SMS conversation (with one) closes.
    const plain: VendorAdapter = {
      ...ringcentralEmbeddable,
      normalize: (c) => {
        const d = c.data as { kind: ShellEvent['kind']; ref?: string; media: ShellEvent['media'] };
        return { events: stamp(c, [{ kind: d.kind, vendorEvent: `x-${d.kind}`, ...(d.ref ? { ref: d.ref } : {}), media: d.media, raw: c.data }]) };
      },
    };
    const p = createPipeline({ profiles: [rcProfile], adapters: { 'ringcentral-embeddable': plain } });
    const send = (data: object, at: number) => accepted(p.process(capture('ringcentral-embeddable', data, { profile: 'rc', at })));
    expect(ofType(send({ kind: 'interaction.offered', media: 'voice' }, T0).effects, 'notify')).toHaveLength(1);
    const sms = send({ kind: 'interaction.offered', ref: 'sms:1', media: 'sms' }, T0 + 10);
    expect(ofType(sms.effects, 'notify'), 'the SMS is its own offer, not a duplicate of the call').toHaveLength(1);
    const closed = send({ kind: 'interaction.ended', ref: 'sms:1', media: 'sms' }, T0 + 20);
    expect(ofType(closed.effects, 'dismiss')).toEqual([{ type: 'dismiss', profile: 'rc', ref: 'sms:1' }]);
    expect(p.presence().state, 'the unnamed call still rings').toBe('ringing');
    const answered = send({ kind: 'interaction.connected', ref: 'call-1', media: 'voice' }, T0 + 30);
    expect(ofType(answered.effects, 'dismiss'), 'a named voice event is the unnamed call').toEqual([{ type: 'dismiss', profile: 'rc' }]);
    expect(p.presence().state).toBe('on-call');
  });

  it('different calls ringing at once each notify', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    p.process(rc('rc-call-ring-notify', T0));
    const second = accepted(p.process(rc('rc-call-ring-notify', T0 + 5, { call: { id: 'c2', fromNumber: '+1555' } })));
    expect(ofType(second.effects, 'notify')).toHaveLength(1);
  });
});

describe('pipeline: DND, focus, rules and rate limit', () => {
  it('DND suppresses the ring; the tray still shows ringing', () => {
    const p = createPipeline({ profiles: [rcProfile], context: { dnd: true } });
    const r = accepted(p.process(rc('rc-call-ring-notify', T0)));
    expect(r.effects).toEqual([
      { type: 'suppress', reason: 'dnd', profile: 'rc', kind: 'interaction.offered', ref: 'c1' },
      { type: 'presence', state: 'ringing', profiles: [{ profile: 'rc', agentState: null, state: 'ringing' }] },
    ]);
  });

  it('calls ring through DND when allowed; messages still do not', () => {
    const p = createPipeline({ profiles: [rcProfile], context: { dnd: true, ringThroughDnd: true } });
    expect(ofType(accepted(p.process(rc('rc-call-ring-notify', T0))).effects, 'notify')).toHaveLength(1);
    const sms = accepted(p.process(capture('ringcentral-embeddable', { type: 'rc-inbound-message-notify', message: { id: 'm1', subject: 'hi' } }, { profile: 'rc' })));
    expect(ofType(sms.effects, 'suppress')).toEqual([{ type: 'suppress', reason: 'dnd', profile: 'rc', kind: 'message.inbound', ref: 'm1' }]);
  });

  it('DND turns the idle tray to dnd and back', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    p.process(capture('ringcentral-embeddable', { type: 'rc-adapter-syncPresence', userStatus: 'Available', dndStatus: 'TakeAllCalls' }, { profile: 'rc' }));
    expect(p.setContext({ dnd: true })).toEqual([{ type: 'presence', state: 'dnd', profiles: [{ profile: 'rc', agentState: 'available', state: 'available' }] }]);
    expect(p.setContext({ dnd: true })).toEqual([]);
    expect(p.setContext({ dnd: false })[0]).toMatchObject({ state: 'available' });
  });

  it('focused profile suppression is opt-in', () => {
    const off = createPipeline({ profiles: [rcProfile], context: { focusedProfile: 'rc' } });
    expect(ofType(accepted(off.process(rc('rc-call-ring-notify', T0))).effects, 'notify')).toHaveLength(1);
    const on = createPipeline({ profiles: [rcProfile], context: { focusedProfile: 'rc', suppressWhenFocused: true } });
    expect(ofType(accepted(on.process(rc('rc-call-ring-notify', T0))).effects, 'suppress')[0]?.reason).toBe('focused');
  });

  it('profile rules switch a kind off', () => {
    const quiet = profile({ id: 'rc', vendor: 'ringcentral-embeddable', notifications: { offered: true, missed: true, messages: false } });
    const p = createPipeline({ profiles: [quiet] });
    const sms = accepted(p.process(capture('ringcentral-embeddable', { type: 'rc-inbound-message-notify', message: { id: 'm1' } }, { profile: 'rc' })));
    expect(ofType(sms.effects, 'suppress')[0]?.reason).toBe('rule');
  });

  it('rate-limits a flood of distinct calls per profile', () => {
    const p = createPipeline({ profiles: [rcProfile], notifyRate: { max: 3, windowMs: 10_000 } });
    const reasons = Array.from({ length: 5 }, (_, i) => {
      const r = accepted(p.process(rc('rc-call-ring-notify', T0 + i, { call: { id: `c${i}` } })));
      return r.effects.find((e) => e.type === 'notify' || e.type === 'suppress')!;
    }).map((e) => (e.type === 'suppress' ? e.reason : 'notify'));
    expect(reasons).toEqual(['notify', 'notify', 'notify', 'rate-limit', 'rate-limit']);
  });
});

describe('pipeline: ids and determinism', () => {
  it('ids are deterministic without a factory and come from the factory when given', () => {
    const a = accepted(createPipeline({ profiles: [rcProfile] }).process(rc('rc-call-ring-notify', T0)));
    const b = accepted(createPipeline({ profiles: [rcProfile] }).process(rc('rc-call-ring-notify', T0)));
    expect(a.events[0]!.id).toBe(b.events[0]!.id);
    let n = 0;
    const c = accepted(createPipeline({ profiles: [rcProfile], idFactory: () => `id-${++n}` }).process(rc('rc-call-ring-notify', T0)));
    expect(c.events[0]!.id).toBe('id-1');
  });
});

describe('pipeline: rings without an outcome', () => {
  const engage = profile({ id: 'ed', name: 'Digital', vendor: 'engage-digital' });
  const task = (name: string, at: number) =>
    capture('engage-digital', { name, data: { Id: 'task-1', queue: 'global', body: 'bonjour', author: 'Martin Martin' } }, { profile: 'ed', origin: 'https://acme.digital.ringcentral.com', at });

  it('tick() expires a ring: its toast closes and the tray changes', () => {
    const p = createPipeline({ profiles: [engage], ringTimeoutMs: 30_000 });
    const ring = accepted(p.process(task('smcc:task:ring', T0)));
    expect(ofType(ring.effects, 'presence')[0]?.state).toBe('ringing');
    expect(ofType(ring.effects, 'notify')).toHaveLength(1);
    expect(p.tick(T0 + 29_999)).toEqual([]);
    expect(p.tick(T0 + 30_000)).toEqual([
      { type: 'dismiss', profile: 'ed', ref: 'task-1', expired: true },
      { type: 'presence', state: 'available', profiles: [{ profile: 'ed', agentState: null, state: 'available' }] },
    ]);
    // Closed once: a later tick has nothing left to close.
    expect(p.tick(T0 + 60_000)).toEqual([]);
  });

  it('the ring timeout follows the setting: a shorter one applies from the next tick', () => {
    const p = createPipeline({ profiles: [engage] });
    accepted(p.process(task('smcc:task:ring', T0)));
    expect(p.tick(T0 + 20_000)).toEqual([]);
    p.setRingTimeout(20_000);
    expect(ofType(p.tick(T0 + 20_001), 'dismiss')).toEqual([{ type: 'dismiss', profile: 'ed', ref: 'task-1', expired: true }]);
  });

  it('a ring toast closes on expiry even when no timer ran: the next capture past the timeout closes it', () => {
    const p = createPipeline({ profiles: [engage], ringTimeoutMs: 30_000 });
    accepted(p.process(task('smcc:task:ring', T0)));
    const later = capture('engage-digital', { name: 'smcc:agent:status', data: {} }, { profile: 'ed', origin: 'https://acme.digital.ringcentral.com', at: T0 + 31_000 });
    expect(ofType(accepted(p.process(later)).effects, 'dismiss')).toEqual([{ type: 'dismiss', profile: 'ed', ref: 'task-1', expired: true }]);
  });

  it('an unnamed ring named by the next event of the same ring: the toast is replaced, silently, with the caller', () => {
    // Huawei's bar: AgentOther_PhoneAlerting (no call id, no caller), then AgentEvent_Ringing.
    const hw = profile({ id: 'hw', name: 'AICC', vendor: 'huawei-aicc', allowedOrigins: ['https://cc.example.com'] });
    const p = createPipeline({ profiles: [hw] });
    const bar = (eventType: string, content: unknown, at: number) =>
      capture('huawei-aicc', { message: '', retcode: '0', event: { eventType, workNo: '1001', content } }, { profile: 'hw', origin: 'https://cc.example.com', at });
    const first = accepted(p.process(bar('AgentOther_PhoneAlerting', {}, T0)));
    expect(ofType(first.effects, 'notify')).toHaveLength(1);
    const named = accepted(p.process(bar('AgentEvent_Ringing', { callid: '1620001-1', caller: '5550142', called: '8001' }, T0 + 150)));
    expect(ofType(named.effects, 'suppress')).toEqual([]);
    expect(ofType(named.effects, 'dismiss')).toEqual([{ type: 'dismiss', profile: 'hw' }]);
    const update = ofType(named.effects, 'notify');
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({ update: true, ref: '1620001-1', title: expect.stringContaining('5550142') });
    // The named ring is the one that closes when the call is answered.
    const answered = accepted(p.process(bar('AgentEvent_Talking', { callid: '1620001-1', caller: '5550142' }, T0 + 5_000)));
    expect(ofType(answered.effects, 'dismiss')).toEqual([{ type: 'dismiss', profile: 'hw', ref: '1620001-1' }]);
  });

  it('task:selected for the ringing task dismisses its toast and stops the ring', () => {
    const p = createPipeline({ profiles: [engage] });
    p.process(task('smcc:task:ring', T0));
    const selected = accepted(p.process(task('smcc:task:selected', T0 + 2000)));
    expect(selected.effects).toEqual([
      { type: 'dismiss', profile: 'ed', ref: 'task-1' },
      { type: 'presence', state: 'available', profiles: [{ profile: 'ed', agentState: null, state: 'available' }] },
    ]);
  });
});
