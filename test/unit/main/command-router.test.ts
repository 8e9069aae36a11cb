import { describe, expect, it } from 'vitest';
import { createCommandRouter } from '../../../src/main/commands/command-router';
import type { CommandResult } from '../../../src/shared/contract/outbound';
import { profile } from '../../support/profiles';

const profiles = new Map([
  ['rc', profile({ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable' })],
  ['ed', profile({ id: 'ed', name: 'Digital', vendor: 'engage-digital' })],
  ['ef', profile({ id: 'ef', name: 'Desk', vendor: 'expertflow' })],
]);

function rig(sessions: Record<string, { agentId?: string }> = {}) {
  const delivered: Array<[string, CommandResult]> = [];
  const run = createCommandRouter({
    profile: (id) => profiles.get(id),
    session: (id) => sessions[id],
    memory: () => undefined,
    watch: () => undefined,
    deliver: (id, result) => {
      delivered.push([id, result]);
      return null;
    },
  });
  return { run, delivered };
}

describe('command router', () => {
  it('answer from a toast becomes RC call control on the RC view', () => {
    const { run, delivered } = rig();
    expect(run('rc', { type: 'answer', ref: 'c1' })).toEqual({ ok: true, detail: 'answer sent to RC' });
    expect(delivered).toEqual([['rc', { messages: [{ transport: 'postMessage', data: { type: 'rc-adapter-control-call', callAction: 'answer', callId: 'c1' } }] }]]);
  });

  it('says why a command cannot run, and sends nothing', () => {
    const { run, delivered } = rig();
    expect(run('ed', { type: 'set-state', state: 'away' })).toEqual({ ok: false, reason: 'RingCentral Engage Digital has no presence command; set it in its own window' });
    expect(run('rc', { type: 'set-state', state: 'away' })).toMatchObject({ ok: false, reason: expect.stringContaining('RingCentral has no "away" presence') });
    expect(run('ef', { type: 'set-state', state: 'away' })).toMatchObject({ ok: false, reason: expect.stringContaining('agentPresence') });
    expect(run('ed', { type: 'answer' })).toEqual({ ok: false, reason: 'RingCentral Engage Digital has no "answer" command' });
    expect(run('nope', { type: 'answer' })).toEqual({ ok: false, reason: 'no profile "nope"' });
    expect(delivered).toEqual([]);
  });

  it('uses what the vendor session taught (ExpertFlow agent id)', () => {
    const { run, delivered } = rig({ ef: { agentId: 'agent-7' } });
    expect(run('ef', { type: 'set-state', state: 'available' }).ok).toBe(true);
    expect(delivered[0]![1]).toMatchObject({ messages: [{ transport: 'socket.io', frame: expect.stringContaining('agent-7') }] });
  });

  it('a delivery problem is reported as the outcome', () => {
    const run = createCommandRouter({ profile: (id) => profiles.get(id), session: () => undefined, memory: () => undefined, watch: () => undefined, deliver: () => 'the view is not loaded' });
    expect(run('rc', { type: 'hangup' })).toEqual({ ok: false, reason: 'the view is not loaded' });
  });
});
