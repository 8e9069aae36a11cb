import { describe, expect, it } from 'vitest';
import { createEffectRouter } from '../../../src/main/effects/effect-router';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { capture } from '../../support/captures';
import { profile } from '../../support/profiles';

describe('effect router', () => {
  it('every accepted event reaches the log and the forwarder; effects reach toasts, tray and UI', () => {
    const seen: string[] = [];
    const router = createEffectRouter({
      notifier: { handle: (effects) => effects.forEach((e) => seen.push(`toast:${e.type}`)) },
      log: { event: (e) => seen.push(`log:${e.kind}`), rejection: (r) => seen.push(`log-reject:${r.reason}`) },
      forwarder: { enqueue: (e) => seen.push(`forward:${e.kind}`) },
      ui: { record: (events) => seen.push(`ui:${events.length}`), recordRejection: (_p, reason) => seen.push(`ui-reject:${reason}`) },
      presence: (p) => seen.push(`tray:${p.state}`),
      changed: () => seen.push('changed'),
    });
    const pipeline = createPipeline({ profiles: [profile({ id: 'rc', vendor: 'ringcentral-embeddable' })] });
    const r = pipeline.process(capture('ringcentral-embeddable', { type: 'rc-call-ring-notify', call: { id: 'c1' } }, { profile: 'rc' }));
    if (!r.accepted) throw new Error(r.reason);
    router.accepted('rc', r.events, r.effects, 1);
    router.rejected('rc', 'origin: not allowed', 2, 2);
    expect(seen).toEqual([
      'log:interaction.offered', 'forward:interaction.offered', 'toast:notify', 'toast:presence', 'tray:ringing', 'ui:1', 'changed',
      'log-reject:origin: not allowed', 'ui-reject:origin: not allowed', 'changed',
    ]);
  });

  it('without a forwarder, capture-less effects (DND toggled) still reach the tray and the UI', () => {
    const trays: string[] = [];
    let changes = 0;
    const router = createEffectRouter({
      notifier: { handle: () => {} },
      log: { event: () => {}, rejection: () => {} },
      forwarder: null,
      ui: { record: () => {}, recordRejection: () => {} },
      presence: (p) => void trays.push(p.state),
      changed: () => void changes++,
    });
    router.effects([{ type: 'presence', state: 'dnd', profiles: [] }], 1);
    router.effects([], 2);
    expect(trays).toEqual(['dnd']);
    expect(changes).toBe(1);
  });
});
