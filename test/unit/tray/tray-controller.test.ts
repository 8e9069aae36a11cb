import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../../src/shared/contract/effects';
import type { TrayMenuInput } from '../../../src/shared/tray/menu-model';
import {
  createTrayController,
  trayIconPath,
  type TrayCommand,
  type TrayControllerDeps,
  type TrayImageVariant,
  type TrayLike,
} from '../../../src/main/tray/tray-controller';

// The real Electron objects fit the fakes' interfaces (checked by tsc, never run).
export const electronFits = (tray: Tray, menu: typeof Menu): [TrayLike<NativeImage, Menu>, TrayControllerDeps<NativeImage, Menu>['menu']] => [tray, menu];

interface FakeImage {
  state: TrayState;
  variant: TrayImageVariant;
  template: boolean;
  setTemplateImage(on: boolean): void;
}
type FakeMenu = { template: MenuItemConstructorOptions[] };

function setup(platform = 'win32') {
  const calls: string[] = [];
  const images: FakeImage[] = [];
  const commands: TrayCommand[] = [];
  let clickListener: (() => void) | undefined;
  let menu: FakeMenu | null = null;
  const tray: TrayLike<FakeImage, FakeMenu> = {
    setImage: (image) => void calls.push(`image:${image.state}:${image.variant}:${image.template}`),
    setToolTip: (text) => void calls.push(`tooltip:${text}`),
    setContextMenu: (m) => {
      calls.push('menu');
      menu = m;
    },
    on: (_event, listener) => void (clickListener = listener),
  };
  const controller = createTrayController({
    tray,
    menu: { buildFromTemplate: (template) => ({ template }) },
    images: (state, variant) => {
      const image: FakeImage = { state, variant, template: false, setTemplateImage: (on) => void (image.template = on) };
      images.push(image);
      return image;
    },
    platform,
    onCommand: (c) => void commands.push(c),
  });
  const item = (id: string): MenuItemConstructorOptions => {
    const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const i of items) {
        const hit = i.id === id ? i : Array.isArray(i.submenu) ? walk(i.submenu) : undefined;
        if (hit) return hit;
      }
      return undefined;
    };
    const found = menu && walk(menu.template);
    if (!found) throw new Error(`no menu item ${id}`);
    return found;
  };
  const click = (id: string): void => (item(id).click as (() => void) | undefined)?.();
  return { controller, calls, images, commands, item, click, clickTray: () => clickListener?.(), hasClickListener: () => !!clickListener };
}

const input = (over: Partial<TrayMenuInput> = {}): TrayMenuInput => ({
  windowVisible: true,
  dnd: { mode: 'off' },
  profiles: [
    { id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable', state: 'available', agentState: 'available' },
    { id: 'engage', name: 'Engage', vendor: 'engage-digital', state: 'available', agentState: null },
  ],
  aggregate: 'available',
  now: new Date(2025, 2, 14, 13, 30).getTime(),
  ...over,
});

describe('createTrayController', () => {
  it('sets image, tooltip and menu on the first update', () => {
    const t = setup();
    t.controller.update(input());
    expect(t.calls).toEqual(['image:available:color:false', 'tooltip:Switchboard — Available\nRC Support: Available\nEngage: Available', 'menu']);
  });

  it('the image follows the aggregate state, and unchanged parts are not re-sent', () => {
    const t = setup();
    t.controller.update(input());
    t.calls.length = 0;
    t.controller.update(input());
    expect(t.calls).toEqual([]);
    t.controller.update(input({ aggregate: 'ringing' }));
    expect(t.calls[0]).toBe('image:ringing:color:false');
    t.controller.update(input({ aggregate: 'available' }));
    expect(t.calls.filter((c) => c.startsWith('image:'))).toEqual(['image:ringing:color:false', 'image:available:color:false']);
    // One image per state, reused.
    expect(t.images.map((i) => i.state)).toEqual(['available', 'ringing']);
  });

  it('uses template images on macOS', () => {
    const t = setup('darwin');
    t.controller.update(input({ aggregate: 'dnd' }));
    expect(t.calls[0]).toBe('image:dnd:template:true');
  });

  it('clicking a DND item sends the DND command', () => {
    const t = setup();
    t.controller.update(input());
    t.click('dnd:hour');
    t.click('dnd:tomorrow');
    expect(t.commands).toEqual([
      { type: 'dnd', mode: 'hour' },
      { type: 'dnd', mode: 'tomorrow' },
    ]);
  });

  it('window, presence and quit items send their commands', () => {
    const t = setup();
    t.controller.update(input());
    t.click('window');
    t.click('profile:rc:state:busy');
    t.click('quit');
    expect(t.commands).toEqual([{ type: 'toggle-window' }, { type: 'set-state', profile: 'rc', state: 'busy' }, { type: 'quit' }]);
  });

  it('disabled items are not clickable and say why in the label off macOS', () => {
    const t = setup('linux');
    t.controller.update(input());
    const away = t.item('profile:rc:state:away');
    expect(away).toMatchObject({ enabled: false, label: 'Away — RingCentral has no Away state' });
    expect(away.click).toBeUndefined();
    const none = t.item('profile:engage:no-presence');
    expect(none.enabled).toBe(false);
    expect(none.click).toBeUndefined();
    expect(none.label).toMatch(/^Presence is set in the vendor's own window — Engage Digital/);
  });

  it('on macOS the reason goes into sublabel and tooltip instead', () => {
    const t = setup('darwin');
    t.controller.update(input());
    expect(t.item('profile:rc:state:away')).toMatchObject({
      label: 'Away',
      sublabel: 'RingCentral has no Away state',
      toolTip: 'RingCentral has no Away state',
      enabled: false,
    });
  });

  it('keeps radio state from the model, and redraws it after a click (Electron checks the clicked radio itself)', () => {
    const t = setup();
    t.controller.update(input());
    expect(t.item('profile:rc:state:available')).toMatchObject({ type: 'radio', checked: true });
    const menus = t.calls.filter((c) => c === 'menu').length;
    t.click('profile:rc:state:busy');
    expect(t.calls.filter((c) => c === 'menu').length).toBe(menus + 1);
    expect(t.item('profile:rc:state:available').checked).toBe(true);
  });

  it('does not rebuild twice when the command handler already pushed an update (as DND does)', () => {
    const templates: MenuItemConstructorOptions[][] = [];
    const controller: { update(i: TrayMenuInput): void } = createTrayController<null, MenuItemConstructorOptions[]>({
      tray: { setImage: () => {}, setToolTip: () => {}, setContextMenu: (m) => void templates.push(m ?? []), on: () => {} },
      menu: { buildFromTemplate: (template) => template },
      images: () => null,
      platform: 'linux',
      onCommand: (c) => {
        if (c.type === 'dnd' && c.mode === 'on') controller.update(input({ dnd: { mode: 'on' } }));
      },
    });
    controller.update(input());
    const dndItem = (id: string) => (templates.at(-1)?.find((i) => i.id === 'dnd')?.submenu as MenuItemConstructorOptions[]).find((i) => i.id === id);
    (dndItem('dnd:on')?.click as () => void)();
    expect(templates).toHaveLength(2);
    expect(dndItem('dnd:on')?.checked).toBe(true);
  });

  it('tray click toggles the window on Windows and Linux, not on macOS (it opens the menu there)', () => {
    const win = setup('win32');
    win.clickTray();
    expect(win.commands).toEqual([{ type: 'toggle-window' }]);
    expect(setup('linux').hasClickListener()).toBe(true);
    expect(setup('darwin').hasClickListener()).toBe(false);
  });
});

describe('trayIconPath', () => {
  const res = '/app/resources';
  it('macOS: the 16 pt template; nativeImage adds the @2x sibling itself', () => {
    expect(trayIconPath(res, 'ringing', 'darwin')).toBe(join(res, 'tray', 'ringing-16Template.png'));
    expect(trayIconPath(res, 'ringing', 'darwin', 2)).toBe(join(res, 'tray', 'ringing-16Template.png'));
  });
  it('Windows: 16 px scaled by the display factor', () => {
    expect(trayIconPath(res, 'on-call', 'win32')).toBe(join(res, 'tray', 'on-call-16.png'));
    expect(trayIconPath(res, 'on-call', 'win32', 1.5)).toBe(join(res, 'tray', 'on-call-24.png'));
    expect(trayIconPath(res, 'on-call', 'win32', 1.25)).toBe(join(res, 'tray', 'on-call-24.png'));
    expect(trayIconPath(res, 'on-call', 'win32', 2)).toBe(join(res, 'tray', 'on-call-32.png'));
    expect(trayIconPath(res, 'on-call', 'win32', 3)).toBe(join(res, 'tray', 'on-call-24@2x.png'));
  });
  it('Linux: 24 px base', () => {
    expect(trayIconPath(res, 'offline', 'linux')).toBe(join(res, 'tray', 'offline-24.png'));
    expect(trayIconPath(res, 'offline', 'linux', 2)).toBe(join(res, 'tray', 'offline-24@2x.png'));
    expect(trayIconPath(res, 'offline', 'linux', 4)).toBe(join(res, 'tray', 'offline-32@2x.png'));
  });
});
