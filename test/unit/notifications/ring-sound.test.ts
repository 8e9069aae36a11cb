/** When the ringtone sounds and when it stops (src/shared/notifications/ring-sound.ts), fed by the real pipeline. */
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { RING_UNTIL_ANSWERED_MAX_MS } from '../../../src/shared/contract/settings-ringtone';
import { RingSound } from '../../../src/shared/notifications/ring-sound';
import { capture } from '../../support/captures';
import { profile } from '../../support/profiles';

const rcProfile = profile({ id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable' });
const call = { id: 'c1', fromUserName: 'Jane Doe', fromNumber: '+16505550100', callQueueName: 'Sales' };
const rc = (type: string, at: number) => capture('ringcentral-embeddable', { type, call }, { profile: 'rc', at });

function rig(options: { untilAnswered?: boolean; dnd?: boolean; ringThroughDnd?: boolean; timeoutMs?: number } = {}) {
  const pipeline = createPipeline({
    profiles: [rcProfile],
    ringTimeoutMs: options.timeoutMs ?? 90_000,
    context: { dnd: options.dnd ?? false, ringThroughDnd: options.ringThroughDnd ?? false },
  });
  const sound = new RingSound();
  sound.configure({ untilAnswered: options.untilAnswered ?? false, ringThroughDnd: options.ringThroughDnd ?? false });
  sound.setDnd(options.dnd ?? false);
  return {
    sound,
    feed(type: string, at: number) {
      const r = pipeline.process(rc(type, at));
      if (!r.accepted) throw new Error(r.reason);
      sound.record(r.events, r.effects, at);
    },
    tick(now: number) {
      sound.record([], pipeline.tick(now), now);
    },
  };
}

describe('the ringtone', () => {
  it('sounds while a call rings and stops when it is answered', () => {
    const r = rig();
    r.feed('rc-call-ring-notify', 1);
    expect(r.sound.ringing).toBe(1);
    r.feed('rc-call-start-notify', 2_000);
    expect(r.sound.ringing).toBe(0);
  });

  it('stops when the call ends unanswered, and the missed call stays on the badge until seen', () => {
    const r = rig();
    r.feed('rc-call-ring-notify', 1);
    r.feed('rc-call-end-notify', 20_000);
    expect(r.sound.ringing).toBe(0);
    expect(r.sound.badge).toBe(1);
    r.sound.seen();
    expect(r.sound.badge).toBe(0);
  });

  it('stops when main\'s ring timer expires', () => {
    const r = rig({ timeoutMs: 30_000 });
    r.feed('rc-call-ring-notify', 1);
    r.tick(31_000);
    expect(r.sound.ringing).toBe(0);
  });

  it('rings until answered past the ring timer, ends on the call\'s next event, and is bounded', () => {
    const r = rig({ timeoutMs: 30_000, untilAnswered: true });
    r.feed('rc-call-ring-notify', 1);
    r.tick(31_000);
    expect(r.sound.ringing).toBe(1);
    r.feed('rc-call-start-notify', 40_000);
    expect(r.sound.ringing).toBe(0);

    const stuck = rig({ timeoutMs: 30_000, untilAnswered: true });
    stuck.feed('rc-call-ring-notify', 1);
    stuck.tick(31_000);
    stuck.tick(RING_UNTIL_ANSWERED_MAX_MS + 1);
    expect(stuck.sound.ringing).toBe(0);
  });

  it('does not sound during do-not-disturb, and stops when DND comes on mid-ring', () => {
    const quiet = rig({ dnd: true });
    quiet.feed('rc-call-ring-notify', 1);
    expect(quiet.sound.ringing).toBe(0);

    const r = rig();
    r.feed('rc-call-ring-notify', 1);
    r.sound.setDnd(true);
    expect(r.sound.ringing).toBe(0);
  });

  it('a call that rings through DND sounds', () => {
    const r = rig({ dnd: true, ringThroughDnd: true });
    r.feed('rc-call-ring-notify', 1);
    expect(r.sound.ringing).toBe(1);
  });

  it('a ring seen again (the same call offered twice) sounds once', () => {
    const r = rig();
    r.feed('rc-call-ring-notify', 1);
    r.feed('rc-call-ring-notify', 500);
    expect(r.sound.ringing).toBe(1);
    expect(r.sound.badge).toBe(1);
  });
});
