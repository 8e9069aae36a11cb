/**
 * "Set all to …" (src/shared/presence/set-all.ts and main's wiring, presence-all-wiring.ts): each
 * profile gets the nearest state its adapter can set, the ones that cannot are named in plain
 * words with where to set it, a timed choice puts each back, and DND follows where a vendor takes it.
 */
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../../src/shared/contract/shell-event';
import { createPresenceAll } from '../../../src/main/app/presence-all-wiring';
import { planRestore, planSetAll, type PresenceTarget } from '../../../src/shared/presence/set-all';

const PROFILES: PresenceTarget[] = [
  { id: 'sales', name: 'Sales US', vendor: 'ringcentral-embeddable', agentState: 'available' },
  { id: 'chat', name: 'Chat desk', vendor: 'engage-digital', agentState: null },
  { id: 'support', name: 'Support EU', vendor: 'expertflow', agentState: 'available' },
  { id: 'demo', name: 'Demo', vendor: 'demo', agentState: 'busy' },
];

describe('planSetAll', () => {
  it('Break is Away where the vendor has Away and Busy where it has only Busy; Engage Digital cannot follow and says where to set it', () => {
    const steps = planSetAll(PROFILES, 'break');
    expect(steps.map((s) => ('cannot' in s ? 'cannot' : s.state))).toEqual(['busy', 'cannot', 'away', 'busy']);
    const chat = steps[1]!;
    expect('cannot' in chat && chat.cannot).toBe("Switchboard cannot change your status in Chat desk (Engage Digital): open Chat desk and set it in Engage Digital's own status menu.");
  });

  it('a vendor with presence but not this state says so: RingCentral has no Away-only state? it takes Busy; Offline reaches all three that can', () => {
    expect(planSetAll(PROFILES, 'offline').map((s) => ('cannot' in s ? 'cannot' : s.state))).toEqual(['offline', 'cannot', 'offline', 'offline']);
    expect(planSetAll(PROFILES, 'available').map((s) => ('cannot' in s ? 'cannot' : s.state))).toEqual(['available', 'cannot', 'available', 'available']);
  });

  it('uContact and Huawei AICC cannot follow either', () => {
    const steps = planSetAll(
      [
        { id: 'u', name: 'Collections', vendor: 'ucontact', agentState: null },
        { id: 'h', name: 'Hotline', vendor: 'huawei-aicc', agentState: null },
      ],
      'away',
    );
    expect(steps.every((s) => 'cannot' in s)).toBe(true);
  });
});

describe('planRestore', () => {
  it('puts back what each was, unless the agent changed it since or it was already so', () => {
    const steps = planSetAll(PROFILES, 'break');
    const now: PresenceTarget[] = PROFILES.map((p) => ({ ...p, agentState: p.id === 'support' ? 'offline' : p.id === 'sales' ? 'busy' : p.agentState }));
    // support changed to offline by the agent: left alone; demo was busy already: nothing to undo.
    expect(planRestore(steps, now)).toEqual([{ profile: 'sales', state: 'available' }]);
  });
});

function wired() {
  let clock = 1_000_000;
  const states = new Map<string, AgentState | null>(PROFILES.map((p) => [p.id, p.agentState]));
  const sent: Array<[string, AgentState]> = [];
  const all = createPresenceAll({
    targets: () => PROFILES.map((p) => ({ ...p, agentState: states.get(p.id) ?? null })),
    setState(profile, state) {
      sent.push([profile, state]);
      states.set(profile, state);
      return { ok: true, detail: 'sent' };
    },
    changed: () => undefined,
    now: () => clock,
  });
  return { all, sent, states, advance: (ms: number) => (clock += ms) };
}

describe('createPresenceAll', () => {
  it('Break for 15 min reaches the vendors that can follow, names the one that cannot, and puts everyone back after 15 minutes', () => {
    const { all, sent, advance } = wired();
    const status = all.setAll('break', 15);
    expect(sent).toEqual([
      ['sales', 'busy'],
      ['support', 'away'],
      ['demo', 'busy'],
    ]);
    expect(status.until).toBe(1_000_000 + 15 * 60_000);
    expect(status.lines.filter((l) => !l.ok).map((l) => l.profile)).toEqual(['chat']);
    sent.length = 0;
    advance(14 * 60_000);
    all.tick(1_000_000 + 14 * 60_000);
    expect(sent).toEqual([]);
    all.tick(1_000_000 + 15 * 60_000);
    expect(sent).toEqual([
      ['sales', 'available'],
      ['support', 'available'],
    ]);
    expect(all.status()).toMatchObject({ until: null, ended: true });
  });

  it('DND sets Do not disturb on the vendors that take it (RingCentral, the demo) and undoes it when DND ends', () => {
    const { all, sent } = wired();
    all.dnd(false); // start-up: nothing sent
    all.dnd(true);
    expect(sent).toEqual([
      ['sales', 'dnd'],
      ['demo', 'dnd'],
    ]);
    sent.length = 0;
    all.dnd(false);
    expect(sent).toEqual([
      ['sales', 'available'],
      ['demo', 'busy'],
    ]);
  });
});
