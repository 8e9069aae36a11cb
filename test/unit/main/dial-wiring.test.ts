/**
 * The dialer with its real parts (link parser, profile choice, confirmations, queue): a link dials
 * nothing until the agent answers Call; every link dial is logged with profile and source, the
 * number redacted as the redaction setting says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Redaction } from '../../../src/shared/contract/settings';
import type { PendingDial } from '../../../src/shared/links/dial-confirmation';
import type { ShellCommand } from '../../../src/main/commands/command-router';
import { createDialer } from '../../../src/main/app/dial-wiring';
import { attachDiagnosticsLog } from '../../../src/main/diagnostics';
import { profile } from '../../support/profiles';

const sales = profile({ id: 'sales-us', name: 'Sales US', vendor: 'demo' });
const support = profile({ id: 'support', name: 'Support', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/agent' });
const widget = { kind: 'view', profile: 'support', via: 'window-open', origin: 'https://widget.thirdparty.test' } as const;

function setup(redaction: Redaction = 'off') {
  const clock = { now: 10_000 };
  const commands: Array<{ profile: string; command: ShellCommand }> = [];
  const questions: Array<PendingDial | null> = [];
  const told: string[] = [];
  const logged: Array<{ message: string; data: unknown }> = [];
  attachDiagnosticsLog({ info: (_category, message, data) => void logged.push({ message, data }), redact: (message, data) => ({ message, data }) });
  const dialer = createDialer({
    profiles: () => [support, sales],
    preferred: () => null,
    focus: () => undefined,
    command: (p, command) => (commands.push({ profile: p, command }), { ok: true, detail: 'sent' }),
    tell: (m) => void told.push(m),
    ask: (q) => void questions.push(q),
    redaction: () => redaction,
    now: () => clock.now,
  });
  // The demo softphone reports its dialer ready (as src/renderer/demo/softphone.ts does).
  dialer.events('sales-us', [{ vendor: 'demo', kind: 'vendor.info', vendorEvent: 'rc-dialer-status-notify', raw: { type: 'rc-dialer-status-notify', ready: true } } as never]);
  return { dialer, clock, commands, questions, told, logged: () => logged.filter((l) => l.message.startsWith('link dial')) };
}

afterEach(() => attachDiagnosticsLog(null));

describe('createDialer: link dials ask first', () => {
  it('asks in the shell naming number and profile; Cancel dials nothing; Call dials', () => {
    const { dialer, clock, commands, questions, logged } = setup();
    dialer.link('tel:+1-900-555-0199', widget);
    expect(commands, 'nothing dialled before the answer').toEqual([]);
    expect(questions).toEqual([expect.objectContaining({ id: 'dial-1', number: '+19005550199', profile: 'sales-us', profileName: 'Sales US', source: widget })]);
    expect(dialer.answer('dial-1', 'cancel')).toEqual({ ok: true, detail: 'not called' });
    expect(questions.at(-1)).toBeNull();
    expect(commands).toEqual([]);

    clock.now += 5_000;
    dialer.link('tel:+19005550199', { kind: 'os' });
    expect(dialer.answer('dial-2', 'call')).toEqual({ ok: true, detail: 'calling with Sales US' });
    expect(commands).toEqual([{ profile: 'sales-us', command: { type: 'dial', number: '+19005550199' } }]);
    expect(logged().map((l) => l.message)).toEqual(['link dial asked', 'link dial cancelled', 'link dial asked', 'link dial confirmed']);
    expect(logged()[0]!.data).toEqual({ profile: 'sales-us', source: widget, number: '+19005550199' });
  });

  it('refuses and logs links while a question is open and within the cooldown', () => {
    const { dialer, clock, questions, logged } = setup();
    dialer.link('tel:+19005550199', widget);
    dialer.link('tel:+19005550100', widget);
    dialer.answer('dial-1', 'cancel');
    clock.now += 1_000;
    dialer.link('tel:+19005550101', widget);
    expect(questions.filter(Boolean)).toHaveLength(1);
    expect(logged().map((l) => l.message)).toEqual(['link dial asked', 'link dial refused', 'link dial cancelled', 'link dial refused']);
  });

  it('logs the number redacted when the redaction setting says so', () => {
    const { dialer, logged } = setup('full');
    dialer.link('tel:+19005550199', widget);
    expect(JSON.stringify(logged())).not.toContain('5550199');
    expect(logged()[0]!.data).toMatchObject({ number: '[redacted]' });
  });

  it('an unanswered question expires and dials nothing', () => {
    const { dialer, clock, commands, questions, logged } = setup();
    dialer.link('tel:+19005550199', widget);
    clock.now += 60_000;
    dialer.tick(clock.now);
    expect(questions.at(-1)).toBeNull();
    expect(dialer.answer('dial-1', 'call')).toMatchObject({ ok: false });
    expect(commands).toEqual([]);
    expect(logged().map((l) => l.message)).toEqual(['link dial asked', 'link dial expired']);
  });
});
