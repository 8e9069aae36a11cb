import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import { createNotifier, type NotificationLike, type NotifierDeps } from '../../../src/main/notifications/notifier';
import type { Redaction } from '../../../src/shared/contract/settings';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { toastFor } from '../../../src/shared/notifications/toast-model';
import { capture } from '../../support/captures';
import { profile } from '../../support/profiles';

class FakeToast extends EventEmitter {
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.emit('close');
  }
}

function rig(redaction: Redaction = 'off', overrides: Partial<NotifierDeps> = {}) {
  const toasts: FakeToast[] = [];
  const acts: unknown[][] = [];
  const focused: string[] = [];
  const deps: NotifierDeps = {
    create: (options) => {
      const t = new FakeToast(options);
      toasts.push(t);
      return t as unknown as NotificationLike;
    },
    isSupported: () => true,
    redaction: () => redaction,
    profileName: (id) => (id === 'rc' ? 'RC Support' : id),
    focusProfile: (id) => void focused.push(id),
    act: (...a) => void acts.push(a),
    log: () => {},
    buttonsShown: true,
    fallback: { show: () => undefined, end: () => undefined, isRinging: () => false, endAll: () => undefined },
    ...overrides,
  };
  return { notifier: createNotifier(deps), toasts, acts, focused };
}

const rcProfile = profile({ id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable' });
const call = { id: 'c1', fromUserName: 'Jane Doe', fromNumber: '+16505550100', callQueueName: 'Sales - ' };
const rc = (type: string, at: number, extra: Record<string, unknown> = {}) => capture('ringcentral-embeddable', { type, call, ...extra }, { profile: 'rc', at });

function run(pipeline: ReturnType<typeof createPipeline>, notifier: ReturnType<typeof createNotifier>, c: Parameters<typeof pipeline.process>[0]) {
  const r = pipeline.process(c);
  if (!r.accepted) throw new Error(r.reason);
  notifier.handle(r.effects);
}

describe('call-grade notifications', () => {
  it('a ring named by its next event replaces the unnamed toast without sounding again', () => {
    const { notifier, toasts } = rig();
    const hw = profile({ id: 'hw', name: 'AICC', vendor: 'huawei-aicc', allowedOrigins: ['https://cc.example.com'] });
    const pipeline = createPipeline({ profiles: [hw] });
    const bar = (eventType: string, content: unknown, at: number) =>
      capture('huawei-aicc', { message: '', retcode: '0', event: { eventType, workNo: '1001', content } }, { profile: 'hw', origin: 'https://cc.example.com', at });
    run(pipeline, notifier, bar('AgentOther_PhoneAlerting', {}, 1));
    run(pipeline, notifier, bar('AgentEvent_Ringing', { callid: '1620001-1', caller: '5550142', called: '8001' }, 150));
    expect(toasts).toHaveLength(2);
    expect(toasts[0]!.closed).toBe(true);
    expect(toasts[1]!.options).toMatchObject({ title: expect.stringContaining('5550142'), silent: true });
    expect(toasts[1]!.closed).toBe(false);
    expect(notifier.openCount()).toBe(1);
  });

  it('a ring toast no vendor event ended closes when the ring expires, and says so in the log', () => {
    const logged: string[] = [];
    const { notifier, toasts } = rig('off', { log: (m) => void logged.push(m) });
    const pipeline = createPipeline({ profiles: [rcProfile], ringTimeoutMs: 30_000 });
    run(pipeline, notifier, rc('rc-call-ring-notify', 1));
    notifier.handle(pipeline.tick(30_001));
    expect(toasts[0]!.closed).toBe(true);
    expect(logged).toContain('ring toast closed: no vendor event ended the ring in time');
  });

  it('a ringing call: critical, no timeout, Answer/Decline; Answer runs the vendor command; the toast closes', () => {
    const { notifier, toasts, acts } = rig();
    const pipeline = createPipeline({ profiles: [rcProfile] });
    run(pipeline, notifier, rc('rc-call-ring-notify', 1));
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.options).toEqual({
      title: 'Jane Doe (+16505550100) — Sales',
      body: 'Incoming call · RC Support',
      urgency: 'critical',
      timeoutType: 'never',
      actions: [{ type: 'button', text: 'Answer' }, { type: 'button', text: 'Decline' }],
      silent: false,
    });
    expect(toasts[0]!.shown).toBe(true);
    toasts[0]!.emit('action', {}, 0);
    expect(acts).toEqual([['rc', 'c1', 'answer']]);
    expect(toasts[0]!.closed).toBe(true);
  });

  it('closes the ringing toast when the call is answered elsewhere, and clicking focuses the profile', () => {
    const { notifier, toasts, focused } = rig();
    const pipeline = createPipeline({ profiles: [rcProfile] });
    run(pipeline, notifier, rc('rc-call-ring-notify', 1));
    toasts[0]!.emit('click');
    expect(focused).toEqual(['rc']);
    run(pipeline, notifier, rc('rc-call-start-notify', 2));
    expect(toasts[0]!.closed).toBe(true);
    expect(notifier.openCount()).toBe(0);
  });

  it('an unanswered call: the ring toast closes and a missed-call toast (normal, no buttons) appears', () => {
    const { notifier, toasts } = rig();
    const pipeline = createPipeline({ profiles: [rcProfile] });
    run(pipeline, notifier, rc('rc-call-ring-notify', 1));
    run(pipeline, notifier, rc('rc-call-end-notify', 30_000));
    expect(toasts.map((t) => [t.options.title, t.closed])).toEqual([
      ['Jane Doe (+16505550100) — Sales', true],
      ['Missed call', false],
    ]);
    expect(toasts[1]!.options).toMatchObject({ urgency: 'normal', timeoutType: 'default', actions: [] });
  });

  it('never two toasts for one call: a repeated ring within or after the dedupe window', () => {
    const { notifier, toasts } = rig();
    const pipeline = createPipeline({ profiles: [rcProfile], dedupeWindowMs: 1000 });
    run(pipeline, notifier, rc('rc-call-ring-notify', 1));
    run(pipeline, notifier, rc('rc-call-ring-notify', 500));
    run(pipeline, notifier, rc('rc-call-ring-notify', 5000));
    expect(toasts).toHaveLength(1);
  });

  it('DND: no toast; ring-through DND: the call toast still shows', () => {
    const quiet = rig();
    run(createPipeline({ profiles: [rcProfile], context: { dnd: true } }), quiet.notifier, rc('rc-call-ring-notify', 1));
    expect(quiet.toasts).toHaveLength(0);
    const through = rig();
    run(createPipeline({ profiles: [rcProfile], context: { dnd: true, ringThroughDnd: true } }), through.notifier, rc('rc-call-ring-notify', 1));
    expect(through.toasts).toHaveLength(1);
  });

  it('an inbound SMS shows its text, redacted per the setting', () => {
    const sms = capture('ringcentral-embeddable', { type: 'rc-inbound-message-notify', message: { id: 'm1', type: 'SMS', subject: 'Call me on +1 650 555 0199', from: { phoneNumber: '+16505550123' } } }, { profile: 'rc' });
    const levels = (['off', 'numbers', 'full'] as const).map((level) => {
      const { notifier, toasts } = rig(level);
      run(createPipeline({ profiles: [rcProfile] }), notifier, sms);
      return [toasts[0]!.options.title, toasts[0]!.options.body];
    });
    expect(levels).toEqual([
      ['+16505550123 · RC Support', 'Call me on +1 650 555 0199'],
      ['•••• 0123 · RC Support', 'Call me on •••• 0199'],
      ['New SMS', 'RC Support'],
    ]);
  });

  it('a vendor without answer/decline commands gets a toast without buttons (clicking focuses)', () => {
    const engage = profile({ id: 'ed', name: 'Digital', vendor: 'engage-digital' });
    const effect = { type: 'notify' as const, kind: 'interaction.offered' as const, media: 'task' as const, title: 'Martin Martin', body: 'Incoming task · Digital', profile: 'ed', ref: 't1', actions: [] };
    expect(toastFor(effect, { redaction: 'off', profileName: engage.name })).toMatchObject({ actions: [], urgency: 'critical', timeoutType: 'never' });
    expect(toastFor(effect, { redaction: 'full', profileName: engage.name })).toMatchObject({ title: 'Incoming task', body: 'Digital' });
  });

  it('unsupported platforms log instead of failing; at most 50 toasts stay open', () => {
    const logs: string[] = [];
    const unsupported = rig('off', { isSupported: () => false, log: (m) => void logs.push(m) });
    unsupported.notifier.handle([{ type: 'notify', kind: 'message.inbound', title: 't', body: 'b', profile: 'p', actions: [] }]);
    expect(logs).toEqual(['notifications are not supported on this system']);
    expect(unsupported.toasts).toHaveLength(0);

    const many = rig();
    many.notifier.handle(Array.from({ length: 60 }, (_, i) => ({ type: 'notify' as const, kind: 'message.inbound' as const, title: 't', body: 'b', profile: 'p', ref: `m${i}`, actions: [] })));
    expect(many.notifier.openCount()).toBe(50);
    expect(many.toasts.slice(0, 10).every((t) => t.closed)).toBe(true);
  });
});
