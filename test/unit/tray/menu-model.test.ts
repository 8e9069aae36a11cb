import { describe, expect, it } from 'vitest';
import { DndState } from '../../../src/shared/tray/dnd';
import { formatWhen } from '../../../src/shared/tray/labels';
import {
  NO_PRESENCE_LABEL,
  TOOLTIP_MAX,
  buildTrayMenu,
  trayTooltip,
  type TrayMenuInput,
  type TrayMenuItem,
  type TrayProfileInput,
} from '../../../src/shared/tray/menu-model';

const NOW = new Date(2025, 2, 14, 13, 30).getTime();

const rc: TrayProfileInput = { id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable', state: 'busy', agentState: 'busy' };
const demo: TrayProfileInput = { id: 'demo', name: 'Demo softphone', vendor: 'demo', state: 'available', agentState: 'available' };
const engage: TrayProfileInput = { id: 'engage', name: 'Engage', vendor: 'engage-digital', state: 'available', agentState: null };
const ef: TrayProfileInput = { id: 'ef', name: 'ExpertFlow', vendor: 'expertflow', state: 'away', agentState: 'away' };

const input = (over: Partial<TrayMenuInput> = {}): TrayMenuInput => ({
  windowVisible: true,
  dnd: { mode: 'off' },
  profiles: [rc, demo],
  aggregate: 'busy',
  now: NOW,
  ...over,
});

const search = (items: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined => {
  for (const item of items) {
    const hit = item.id === id ? item : item.submenu && search(item.submenu, id);
    if (hit) return hit;
  }
  return undefined;
};
const find = (items: readonly TrayMenuItem[], id: string): TrayMenuItem => {
  const item = search(items, id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};
const ids = (items: readonly TrayMenuItem[]): string[] => items.flatMap((i) => [i.id, ...ids(i.submenu ?? [])]);

describe('buildTrayMenu', () => {
  it('lays out window, DND, one submenu per profile, quit', () => {
    const menu = buildTrayMenu(input());
    expect(menu.map((i) => i.id)).toEqual(['window', 'sep:window', 'dnd', 'sep:dnd', 'profile:rc', 'profile:demo', 'sep:profiles', 'quit']);
    expect(find(menu, 'quit')).toMatchObject({ label: 'Quit Switchboard', enabled: true, command: { type: 'quit' } });
    const all = ids(menu);
    expect(new Set(all).size).toBe(all.length);
  });

  it('offers Hide when the window is visible and Show when it is not', () => {
    expect(find(buildTrayMenu(input()), 'window')).toMatchObject({ label: 'Hide Switchboard', command: { type: 'toggle-window' } });
    expect(find(buildTrayMenu(input({ windowVisible: false })), 'window').label).toBe('Show Switchboard');
  });

  it('DND submenu: Off checked when off', () => {
    const dnd = find(buildTrayMenu(input()), 'dnd');
    expect(dnd.label).toBe('Do not disturb');
    expect(dnd.submenu?.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['On', 'radio', false],
      ['For 1 hour', 'radio', false],
      ['Until tomorrow 08:00', 'radio', false],
      ['Off', 'radio', true],
    ]);
    expect(dnd.submenu?.map((i) => i.command)).toEqual([
      { type: 'dnd', mode: 'on' },
      { type: 'dnd', mode: 'hour' },
      { type: 'dnd', mode: 'tomorrow' },
      { type: 'dnd', mode: 'off' },
    ]);
  });

  it('DND submenu: a timed mode is checked and shows when it ends', () => {
    const hour = buildTrayMenu(input({ dnd: DndState.set('hour', NOW).snapshot(NOW) }));
    expect(find(hour, 'dnd').label).toBe('Do not disturb (until 14:30)');
    expect(find(hour, 'dnd:hour')).toMatchObject({ label: 'For 1 hour (ends 14:30)', checked: true });
    expect(find(hour, 'dnd:off').checked).toBe(false);

    const tomorrow = buildTrayMenu(input({ dnd: DndState.set('tomorrow', NOW).snapshot(NOW) }));
    expect(find(tomorrow, 'dnd:tomorrow')).toMatchObject({ label: 'Until tomorrow 08:00 (ends tomorrow 08:00)', checked: true });
    // After midnight the same DND ends "today".
    const early = new Date(2025, 2, 15, 1, 0).getTime();
    expect(find(buildTrayMenu(input({ dnd: DndState.set('tomorrow', NOW).snapshot(early), now: early })), 'dnd').label).toBe(
      'Do not disturb (until 08:00)',
    );

    const on = buildTrayMenu(input({ dnd: { mode: 'on' } }));
    expect(find(on, 'dnd').label).toBe('Do not disturb (on)');
    expect(find(on, 'dnd:on')).toMatchObject({ label: 'On', checked: true });
  });

  it('RingCentral: its four states are settable, the current one checked, the rest disabled with a reason', () => {
    const sub = find(buildTrayMenu(input()), 'profile:rc');
    expect(sub).toMatchObject({ label: 'RC Support — Busy', type: 'submenu' });
    expect(sub.submenu?.map((i) => [i.label, i.enabled, i.checked])).toEqual([
      ['Available', true, false],
      ['Busy', true, true],
      ['Wrap-up', false, false],
      ['Away', false, false],
      ['Do not disturb', true, false],
      ['Invisible (calls still ring)', true, false],
    ]);
    expect(find(sub.submenu!, 'profile:rc:state:available').command).toEqual({ type: 'set-state', profile: 'rc', state: 'available' });
    const away = find(sub.submenu!, 'profile:rc:state:away');
    expect(away).toMatchObject({ sublabel: 'RingCentral has no Away state', toolTip: 'RingCentral has no Away state' });
    expect(away.command).toBeUndefined();
  });

  it('labels a profile with its tray state (a call shows over the routing state)', () => {
    const menu = buildTrayMenu(input({ profiles: [{ ...rc, state: 'on-call' }] }));
    const sub = find(menu, 'profile:rc');
    expect(sub.label).toBe('RC Support — On call');
    expect(find(sub.submenu!, 'profile:rc:state:busy').checked).toBe(true);
  });

  it('ExpertFlow: available, away and offline; busy is not an ExpertFlow state', () => {
    const sub = find(buildTrayMenu(input({ profiles: [ef] })), 'profile:ef');
    expect(sub.label).toBe('ExpertFlow — Away');
    const enabled = sub.submenu?.filter((i) => i.enabled).map((i) => i.id);
    expect(enabled).toEqual(['profile:ef:state:available', 'profile:ef:state:away', 'profile:ef:state:offline']);
    expect(find(sub.submenu!, 'profile:ef:state:away').checked).toBe(true);
    expect(find(sub.submenu!, 'profile:ef:state:busy').sublabel).toBe('ExpertFlow has no Busy state');
  });

  it('a vendor without presence commands gets one disabled line saying where presence is set', () => {
    const sub = find(buildTrayMenu(input({ profiles: [engage] })), 'profile:engage');
    expect(sub.label).toBe('Engage — Available');
    expect(sub.submenu).toEqual([
      {
        id: 'profile:engage:no-presence',
        label: NO_PRESENCE_LABEL,
        type: 'normal',
        enabled: false,
        sublabel: 'Engage Digital has no presence commands in its embedded UI',
        toolTip: 'Engage Digital has no presence commands in its embedded UI',
      },
    ]);
    for (const vendor of ['ucontact', 'huawei-aicc'] as const) {
      const other = find(buildTrayMenu(input({ profiles: [{ ...engage, id: vendor, vendor }] })), `profile:${vendor}`);
      expect(other.submenu).toHaveLength(1);
      expect(other.submenu?.[0]).toMatchObject({ label: NO_PRESENCE_LABEL, enabled: false });
      expect(other.submenu?.[0]?.sublabel).toMatch(/presence/);
    }
  });

  it('no disabled item carries a command, and every enabled leaf does', () => {
    const menu = buildTrayMenu(input({ profiles: [rc, demo, engage, ef], dnd: { mode: 'on' } }));
    const walk = (items: readonly TrayMenuItem[]): void => {
      for (const i of items) {
        if (i.submenu) walk(i.submenu);
        else if (i.type === 'separator') expect(i.command).toBeUndefined();
        else if (i.enabled) expect(i.command).toBeDefined();
        else expect(i.command).toBeUndefined();
      }
    };
    walk(menu);
  });

  it('says so when there are no profiles', () => {
    expect(find(buildTrayMenu(input({ profiles: [] })), 'no-profiles')).toMatchObject({ enabled: false });
  });
});

describe('trayTooltip', () => {
  it('names the aggregate and each profile', () => {
    const text = trayTooltip(input({ aggregate: 'ringing', profiles: [{ ...rc, state: 'ringing' }, demo] }));
    expect(text).toBe('Switchboard — Ringing\nRC Support: Ringing\nDemo softphone: Available');
  });

  it('adds the DND end when the tray shows DND', () => {
    const dnd = DndState.set('hour', NOW).snapshot(NOW);
    expect(trayTooltip(input({ aggregate: 'dnd', dnd, profiles: [] }))).toBe('Switchboard — Do not disturb until 14:30');
  });

  it('stays within the Windows tooltip limit, dropping whole lines', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...demo, id: `p${i}`, name: `Profile number ${i}` }));
    const text = trayTooltip(input({ aggregate: 'available', profiles: many }));
    expect(text.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(text.split('\n')[0]).toBe('Switchboard — Available');
    expect(text).toMatch(/\n\+\d+ more$/);
  });
});

describe('formatWhen', () => {
  it('words a time relative to now', () => {
    expect(formatWhen(new Date(2025, 2, 14, 9, 5).getTime(), NOW)).toBe('09:05');
    expect(formatWhen(new Date(2025, 2, 15, 8, 0).getTime(), NOW)).toBe('tomorrow 08:00');
    expect(formatWhen(new Date(2025, 2, 16, 8, 0).getTime(), NOW)).toBe('Sun 08:00');
  });
});
