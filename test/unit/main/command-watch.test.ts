import { describe, expect, it } from 'vitest';
import { createCommandWatch } from '../../../src/main/commands/command-watch';
import type { CommandConfirmation } from '../../../src/shared/contract/outbound';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';

function clock() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  return {
    later(fn: () => void, ms: number) {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => void (t.live = false);
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers) {
        if (!t.live || t.at > now) continue;
        t.live = false;
        t.fn();
      }
    },
  };
}

const dialed: CommandConfirmation = {
  what: 'start the call to 555 0142',
  withinMs: 8_000,
  by: (e) => e.kind === 'interaction.outbound',
  hint: 'it drops a dial while signed out or placing another call',
};
const event = (kind: ShellEvent['kind']): ShellEvent => ({ id: 'x', at: 1, profile: 'rc', vendor: 'ringcentral-embeddable', kind, vendorEvent: 'rc-call-init-notify', raw: {} });

describe('command watch', () => {
  it('tells the agent when the vendor never shows the command took effect', () => {
    const c = clock();
    const told: string[] = [];
    const watch = createCommandWatch({ later: c.later, tell: (m) => void told.push(m) });
    watch.expect('rc', 'RingCentral Embeddable', dialed);
    c.advance(7_999);
    expect(told).toEqual([]);
    c.advance(1);
    expect(told).toEqual(['RingCentral Embeddable did not start the call to 555 0142 within 8 s (it drops a dial while signed out or placing another call).']);
    expect(watch.pendingCount('rc')).toBe(0);
  });

  it('an event that confirms it settles the watch: nothing is told', () => {
    const c = clock();
    const told: string[] = [];
    const watch = createCommandWatch({ later: c.later, tell: (m) => void told.push(m) });
    watch.expect('rc', 'RingCentral Embeddable', dialed);
    watch.events('rc', [event('agent.state')]);
    expect(watch.pendingCount('rc')).toBe(1);
    watch.events('other', [event('interaction.outbound')]);
    expect(watch.pendingCount('rc')).toBe(1);
    watch.events('rc', [event('interaction.outbound')]);
    c.advance(60_000);
    expect(told).toEqual([]);
  });
});
