import { describe, expect, it } from 'vitest';
import { createSoftphone } from '../../../src/renderer/demo/softphone';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { demo } from '../../../src/shared/vendors/demo';
import { profile } from '../../support/profiles';

function rig() {
  const posted: Array<Record<string, unknown>> = [];
  const timers: Array<() => void> = [];
  const phone = createSoftphone({ post: (m) => posted.push(m), schedule: (fn) => timers.push(fn), onChange: () => {} });
  return { phone, posted, timers };
}

describe('demo softphone', () => {
  it('emits only types the demo adapter documents, and the pipeline accepts all of them', () => {
    const { phone, posted, timers } = rig();
    phone.start();
    phone.ring();
    phone.answer();
    phone.hold();
    phone.resume();
    phone.end();
    phone.dial('+1 650 555 0123');
    timers.forEach((t) => t());
    phone.end();
    phone.sms();
    phone.setPresence('DoNotAcceptAnyCalls');
    const documented = new Set(demo.mapping.map((r) => r.vendorEvent));
    expect(posted.every((m) => documented.has(m.type as string))).toBe(true);

    const pipeline = createPipeline({ profiles: [profile({ id: 'demo', vendor: 'demo' })] });
    const kinds = posted.flatMap((data, i) => {
      const r = pipeline.process({ profile: 'demo', vendor: 'demo', origin: 'app://demo', transport: 'postMessage', data, at: 1000 + i * 10_000 });
      if (!r.accepted) throw new Error(r.reason);
      return r.events.map((e) => e.kind);
    });
    expect(kinds).toEqual([
      'agent.session', 'vendor.info', 'agent.state',
      'interaction.offered', 'interaction.connected', 'interaction.hold', 'interaction.hold', 'interaction.ended',
      'interaction.outbound', 'interaction.connected', 'interaction.ended',
      'message.inbound', 'agent.state',
    ]);
  });

  it('obeys the shell\'s commands in RC vocabulary', () => {
    const { phone } = rig();
    phone.start();
    phone.ring();
    const id = phone.state.call!.id;
    expect(phone.command({ type: 'rc-adapter-control-call', callAction: 'answer', callId: id })).toBe(true);
    expect(phone.state.phase).toBe('connected');
    expect(phone.command({ type: 'rc-adapter-control-call', callAction: 'hold' })).toBe(true);
    expect(phone.state.phase).toBe('held');
    expect(phone.command({ type: 'rc-adapter-control-call', callAction: 'unhold' })).toBe(true);
    expect(phone.command({ type: 'rc-adapter-control-call', callAction: 'hangup' })).toBe(true);
    expect(phone.state.phase).toBe('idle');
    expect(phone.command({ type: 'rc-adapter-set-presence', dndStatus: 'DoNotAcceptAnyCalls' })).toBe(true);
    expect(phone.state.presence).toBe('DoNotAcceptAnyCalls');
    expect(phone.command({ type: 'rc-adapter-set-presence', userStatus: 'Busy', dndStatus: 'TakeAllCalls' })).toBe(true);
    expect(phone.state.presence).toBe('Busy');
  });

  it('decline ends a ringing call; commands for another call or unknown commands are ignored', () => {
    const { phone } = rig();
    phone.ring();
    expect(phone.command({ type: 'rc-adapter-control-call', callAction: 'answer', callId: 'someone-else' })).toBe(false);
    expect(phone.state.phase).toBe('ringing');
    expect(phone.command({ type: 'rc-adapter-control-call', callAction: 'reject' })).toBe(true);
    expect(phone.state.phase).toBe('idle');
    for (const junk of [null, 'x', 5, {}, { type: 'rc-adapter-new-call', phoneNumber: '<script>' }, { type: 'rc-adapter-logout' }]) {
      expect(phone.command(junk)).toBe(false);
    }
  });

  it('dials on rc-adapter-new-call and connects after a moment', () => {
    const { phone, posted, timers } = rig();
    expect(phone.command({ type: 'rc-adapter-new-call', phoneNumber: '+15550123', toCall: true })).toBe(true);
    expect(phone.state.phase).toBe('dialing');
    timers.forEach((t) => t());
    expect(phone.state.phase).toBe('connected');
    expect(posted.map((m) => m.type)).toEqual(['rc-call-init-notify', 'rc-call-start-notify']);
  });
});
