/**
 * When the OS does not show a ring's toast — Notification 'failed' (an unsigned macOS build, a
 * Windows toast dropped, no notification daemon) or no notifications on this system at all — the
 * notifier logs it and hands the ring to the window's fallback, which rings until the ring ends.
 * Linux draws no buttons, so its call toast says what a click does.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import { createNotifier, type NotificationLike, type NotifierDeps, type RingFallback, type UnshownRingInput } from '../../../src/main/notifications/notifier';
import type { Effect } from '../../../src/shared/contract/effects';
import type { Redaction } from '../../../src/shared/contract/settings';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { capture } from '../../support/captures';
import { profile } from '../../support/profiles';

/** How the OS answers show(): as Electron reports it (electron_api_notification.cc). */
type OsAnswer = { show: true } | { failSync: string } | { failLater: string };

class FakeToast extends EventEmitter {
  closed = false;
  private pending: (() => void) | null = null;
  constructor(
    readonly options: NotificationConstructorOptions,
    private readonly answer: OsAnswer,
  ) {
    super();
  }
  show() {
    if ('show' in this.answer) this.emit('show', {});
    else if ('failSync' in this.answer) this.emit('failed', {}, this.answer.failSync);
    else {
      const error = this.answer.failLater;
      this.pending = () => this.emit('failed', {}, error);
    }
  }
  /** The OS's answer arrives (macOS's completion handler, Windows's UI-thread post). */
  settle() {
    const pending = this.pending;
    this.pending = null;
    pending?.();
  }
  close() {
    this.closed = true;
    this.pending = null; // a closed notification reports nothing more (a WeakPtr in Electron)
    this.emit('close');
  }
}

/**
 * A window ring that records what the notifier asks of it, keeping the contract of the real one
 * (ring-fallback.ts): it knows which rings it rings for, and ending any other ring does nothing.
 */
function recordingFallback<T>(record: Array<T | ['end', string]>, shown: (ring: UnshownRingInput) => T): RingFallback {
  const ringing = new Set<string>();
  return {
    show(ring) {
      ringing.add(ring.key);
      record.push(shown(ring));
    },
    end(key) {
      if (ringing.delete(key)) record.push(['end', key]);
    },
    isRinging: (key) => ringing.has(key),
    endAll() {
      for (const key of [...ringing]) this.end(key);
    },
  };
}

function rig(opts: { answer?: OsAnswer; supported?: boolean; redaction?: Redaction; buttonsShown?: boolean } = {}) {
  const toasts: FakeToast[] = [];
  const logged: Array<{ message: string; data: unknown }> = [];
  const fallback: Array<['show', UnshownRingInput] | ['end', string]> = [];
  let answer = opts.answer ?? { show: true };
  const deps: NotifierDeps = {
    create: (options) => {
      const t = new FakeToast(options, answer);
      toasts.push(t);
      return t as unknown as NotificationLike;
    },
    isSupported: () => opts.supported ?? true,
    redaction: () => opts.redaction ?? 'off',
    profileName: (id) => (id === 'rc' ? 'RC Support' : id),
    focusProfile: () => undefined,
    act: () => undefined,
    log: (message, data) => void logged.push({ message, data }),
    buttonsShown: opts.buttonsShown ?? true,
    fallback: recordingFallback(fallback, (ring) => ['show', ring]),
  };
  const notifier = createNotifier(deps);
  const pipeline = createPipeline({ profiles: [rcProfile], ringTimeoutMs: 30_000 });
  const send = (type: string, at: number, extra: Record<string, unknown> = {}) => {
    const r = pipeline.process(capture('ringcentral-embeddable', { type, call, ...extra }, { profile: 'rc', at }));
    if (!r.accepted) throw new Error(r.reason);
    notifier.handle(r.effects);
  };
  return { notifier, pipeline, send, toasts, logged, fallback, osAnswers: (next: OsAnswer) => void (answer = next) };
}

const rcProfile = profile({ id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable' });
const call = { id: 'c1', fromUserName: 'Jane Doe', fromNumber: '+16505550100', callQueueName: 'Sales - ' };
const KEY = 'rc\u0000c1';
const UNSIGNED = 'Notifications are not allowed for this application';

describe("a ring's toast the OS refuses ('failed')", () => {
  it('is logged with its kind, profile and the error (never the caller) and rings in the window instead', () => {
    const { send, logged, fallback, notifier } = rig({ answer: { failSync: UNSIGNED } });
    send('rc-call-ring-notify', 1);
    expect(logged).toContainEqual({ message: 'notification failed: the system did not show it', data: { kind: 'interaction.offered', profile: 'rc', error: UNSIGNED } });
    expect(JSON.stringify(logged)).not.toContain('Jane');
    expect(fallback).toEqual([['show', { key: KEY, profile: 'rc', profileName: 'RC Support', headline: 'Incoming call', caller: 'Jane Doe (+16505550100) — Sales', why: 'failed' }]]);
    // The native notification is gone with the failure: nothing is on screen to close later.
    expect(notifier.openCount()).toBe(0);
  });

  it('the window stops ringing when the call is answered, and when the ring expires (said in the log)', () => {
    const answered = rig({ answer: { failSync: '' } });
    answered.send('rc-call-ring-notify', 1);
    answered.send('rc-call-start-notify', 2);
    expect(answered.fallback.map((f) => f[0])).toEqual(['show', 'end']);
    expect(answered.fallback[1]).toEqual(['end', KEY]);

    const expired = rig({ answer: { failSync: '' } });
    expired.send('rc-call-ring-notify', 1);
    expired.notifier.handle(expired.pipeline.tick(30_001));
    expect(expired.fallback).toEqual([expect.anything(), ['end', KEY]]);
    expect(expired.logged.map((l) => l.message)).toContain('ring toast closed: no vendor event ended the ring in time');
  });

  it('a failure reported later (macOS, Windows) after the ring already ended rings nothing', () => {
    const { send, toasts, fallback } = rig({ answer: { failLater: UNSIGNED } });
    send('rc-call-ring-notify', 1);
    const ring = toasts[0]!;
    expect(fallback).toEqual([]);
    send('rc-call-start-notify', 2); // answered in the softphone before the OS answered
    ring.emit('failed', {}, UNSIGNED); // even if the OS reported it anyway
    expect(fallback.filter((f) => f[0] === 'show')).toEqual([]);
  });

  it('a failure reported later still rings while the call rings', () => {
    const { send, toasts, fallback } = rig({ answer: { failLater: UNSIGNED } });
    send('rc-call-ring-notify', 1);
    toasts[0]!.settle();
    expect(fallback).toEqual([['show', expect.objectContaining({ key: KEY, why: 'failed' })]]);
  });

  it('a missed-call or message toast that fails is logged only (the feed keeps it; nothing rings)', () => {
    const { send, fallback, logged, osAnswers } = rig();
    send('rc-call-ring-notify', 1);
    osAnswers({ failSync: 'dropped' });
    send('rc-call-end-notify', 30_000); // unanswered: a missed-call toast
    expect(logged).toContainEqual({ message: 'notification failed: the system did not show it', data: { kind: 'interaction.missed', profile: 'rc', error: 'dropped' } });
    expect(fallback).toEqual([]); // the ring's own toast showed: the window never rang
  });

  it('the same ring named again: the window keeps one ring for it and names the caller', () => {
    const hw = profile({ id: 'hw', name: 'AICC', vendor: 'huawei-aicc', allowedOrigins: ['https://cc.example.com'] });
    const ringTwice = (second: OsAnswer) => {
      const pipeline = createPipeline({ profiles: [hw] });
      const fallback: unknown[][] = [];
      let answer: OsAnswer = { failSync: '' };
      const notifier = createNotifier({
        create: (options) => new FakeToast(options, answer) as unknown as NotificationLike,
        isSupported: () => true,
        redaction: () => 'off',
        profileName: () => 'AICC',
        focusProfile: () => undefined,
        act: () => undefined,
        log: () => undefined,
        buttonsShown: true,
        fallback: recordingFallback(fallback, (ring) => ['show', ring.key, ring.caller]),
      });
      const bar = (eventType: string, content: unknown, at: number) => {
        const r = pipeline.process(capture('huawei-aicc', { message: '', retcode: '0', event: { eventType, workNo: '1001', content } }, { profile: 'hw', origin: 'https://cc.example.com', at }));
        if (!r.accepted) throw new Error(r.reason);
        notifier.handle(r.effects);
      };
      bar('AgentOther_PhoneAlerting', {}, 1); // unnamed
      answer = second;
      bar('AgentEvent_Ringing', { callid: '1620001-1', caller: '5550142', called: '8001' }, 150); // the same ring, named
      return fallback;
    };
    // The named event moves the ring from the unnamed slot to its call (a dismiss, then the
    // update): the window follows it and names the caller, with one ring at any time.
    const failedTwice = ringTwice({ failSync: '' });
    expect(failedTwice).toEqual([
      ['show', 'hw\u0000', 'Unknown caller'],
      ['end', 'hw\u0000'],
      ['show', 'hw\u00001620001-1', '5550142'],
    ]);
    const shownAfterAll = ringTwice({ show: true });
    expect(shownAfterAll).toEqual([
      ['show', 'hw\u0000', 'Unknown caller'],
      ['end', 'hw\u0000'],
    ]);
  });

  it('a replacing toast for the same ring that the OS shows after all takes the window ring down', () => {
    const { notifier, fallback, osAnswers } = rig({ answer: { failSync: '' } });
    const ring: Effect = { type: 'notify', kind: 'interaction.offered', media: 'voice', title: 'Unknown caller', body: 'Incoming call · RC Support', profile: 'rc', ref: 'c1', actions: [] };
    notifier.handle([ring]);
    osAnswers({ show: true });
    // decide.ts `updateRing`: a later event of the same ring names the caller; its toast replaces the first.
    notifier.handle([{ ...ring, title: 'Jane Doe', update: true }]);
    expect(fallback).toEqual([['show', expect.objectContaining({ key: KEY, caller: 'Unknown caller' })], ['end', KEY]]);
  });

  it('closeAll (quit) takes the window ring down too', () => {
    const { send, fallback, notifier } = rig({ answer: { failSync: '' } });
    send('rc-call-ring-notify', 1);
    notifier.closeAll();
    expect(fallback).toEqual([expect.anything(), ['end', KEY]]);
  });

  it('redaction: the window says what the toast would have said — numbers masked, or no caller at all', () => {
    const numbers = rig({ answer: { failSync: '' }, redaction: 'numbers' });
    numbers.send('rc-call-ring-notify', 1);
    const shown = numbers.fallback[0]![1] as UnshownRingInput;
    expect(shown.caller).toContain('Jane Doe');
    expect(shown.caller).not.toContain('5550100');
    const full = rig({ answer: { failSync: '' }, redaction: 'full' });
    full.send('rc-call-ring-notify', 1);
    expect(full.fallback[0]![1]).toEqual({ key: KEY, profile: 'rc', profileName: 'RC Support', headline: 'Incoming call', why: 'failed' });
  });
});

describe('notifications not supported on this system (Notification.isSupported() false)', () => {
  it('a ring rings in the window; a message is only logged; no toast is created', () => {
    const { send, fallback, logged, toasts } = rig({ supported: false });
    send('rc-call-ring-notify', 1);
    expect(toasts).toEqual([]);
    expect(fallback).toEqual([['show', { key: KEY, profile: 'rc', profileName: 'RC Support', headline: 'Incoming call', caller: 'Jane Doe (+16505550100) — Sales', why: 'unsupported' }]]);
    send('rc-call-end-notify', 30_000);
    expect(fallback.at(-1)).toEqual(['end', KEY]);
    expect(logged.filter((l) => l.message === 'notifications are not supported on this system').map((l) => l.data)).toEqual([
      { kind: 'interaction.offered', profile: 'rc' },
      { kind: 'interaction.missed', profile: 'rc' },
    ]);
  });
});

describe('Linux draws no notification buttons', () => {
  it("the call toast's body says a click opens the profile; Windows and macOS keep Answer/Decline and their body", () => {
    const linux = rig({ buttonsShown: false });
    linux.send('rc-call-ring-notify', 1);
    expect(linux.toasts[0]!.options.body).toBe('Incoming call · RC Support\nClick to open RC Support');
    const others = rig({ buttonsShown: true });
    others.send('rc-call-ring-notify', 1);
    expect(others.toasts[0]!.options).toMatchObject({ body: 'Incoming call · RC Support', actions: [{ type: 'button', text: 'Answer' }, { type: 'button', text: 'Decline' }] });
  });
});
