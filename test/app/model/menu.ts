/**
 * Menu and MenuItem from templates, as lib/browser/api/menu.ts and menu-item.ts build them: a
 * template item needs a label, a role or type 'separator' ("Invalid template for MenuItem: must
 * have at least one of label, role or type"); roles fill in label and accelerator; a click on a
 * checkbox toggles it and a click on a radio item checks it and unchecks its group (a run of
 * radio items between separators) before the item's click handler runs with (item, window,
 * event). Menu.setApplicationMenu gives the menu to every window on Windows and Linux.
 */
import { applicationMenu, setApplicationMenuState, type ModelMenu } from './menu-state';
import { roleOf, type RoleContext, type RoleTemplateItem } from './menu-roles';
import { matchesAccelerator, type KeyInput } from './accelerator';
import { isMac } from './platform';
import { recordGap, strict } from './strict';
import { openWindows } from './window-list';

const TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio']);
let appName = 'Electron';
let quit: () => void = () => undefined;

/** app.ts tells the menus the app's name (role labels) and how to quit (the quit role). */
export function bindMenuApp(name: string, quitApp: () => void): void {
  appName = name;
  quit = quitApp;
}

export class MenuItem {
  id?: string;
  label: string;
  role?: string;
  type: string;
  accelerator?: string;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  sublabel?: string;
  toolTip?: string;
  submenu: Menu | null;
  click?: (item: unknown, window: unknown, event: unknown) => void;
  menu: Menu | null = null;

  constructor(options: Record<string, unknown>) {
    const role = typeof options.role === 'string' ? options.role : undefined;
    const roleInfo = role ? roleOf(role, appName) : undefined;
    if (role && !roleInfo) throw recordGap(`menu role "${role}"`);
    const submenuTemplate = (options.submenu as unknown[] | undefined) ?? roleInfo?.submenu?.();
    const type = typeof options.type === 'string' ? options.type : submenuTemplate ? 'submenu' : 'normal';
    if (!TYPES.has(type)) throw new Error(`Unknown menu item type: ${type}`);
    this.type = type;
    if (typeof options.id === 'string') this.id = options.id;
    if (role) this.role = role;
    this.label = typeof options.label === 'string' ? options.label : (roleInfo?.label ?? '');
    const accelerator = typeof options.accelerator === 'string' ? options.accelerator : roleInfo?.accelerator;
    if (accelerator) this.accelerator = accelerator;
    this.enabled = options.enabled !== false;
    this.visible = options.visible !== false;
    this.checked = options.checked === true;
    if (typeof options.sublabel === 'string') this.sublabel = options.sublabel;
    if (typeof options.toolTip === 'string') this.toolTip = options.toolTip;
    if (typeof options.click === 'function') this.click = options.click as MenuItem['click'];
    this.submenu = submenuTemplate ? (submenuTemplate instanceof Menu ? submenuTemplate : Menu.buildFromTemplate(submenuTemplate as RoleTemplateItem[])) : null;
    return strict(this, 'MenuItem');
  }

  /** A person chose this item. */
  _activate(ctx: Omit<RoleContext, 'quit'>): void {
    if (!this.enabled || !this.visible) throw new Error(`electron model: menu item "${this.label}" is ${this.enabled ? 'hidden' : 'disabled'}; it cannot be chosen`);
    if (this.type === 'checkbox') this.checked = !this.checked;
    if (this.type === 'radio' && this.menu) this.menu._checkRadio(this);
    if (this.click) this.click(this, ctx.window, { triggeredByAccelerator: false, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false });
    else if (this.role) roleOf(this.role, appName)?.run?.({ ...ctx, quit });
  }
}

export class Menu implements ModelMenu {
  readonly items: MenuItem[] = [];

  constructor() {
    return strict(this, 'Menu');
  }

  append(item: MenuItem): void {
    item.menu = this;
    this.items.push(item);
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu?.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }

  _checkRadio(item: MenuItem): void {
    const at = this.items.indexOf(item);
    let start = at;
    while (start > 0 && this.items[start - 1]!.type === 'radio') start--;
    for (let i = start; i < this.items.length && this.items[i]!.type === 'radio'; i++) this.items[i]!.checked = i === at;
  }

  /** The item a label path leads to ("Do not disturb", "For 1 hour"). */
  _find(path: readonly string[]): MenuItem {
    let items: MenuItem[] = this.items;
    let item: MenuItem | undefined;
    for (const label of path) {
      const menu = { items };
      item = menu.items.find((i) => i.visible && i.type !== 'separator' && (i.label === label || i.label.startsWith(`${label} —`)));
      if (!item) throw new Error(`electron model: no menu item "${label}" in [${menu.items.filter((i) => i.type !== 'separator').map((i) => i.label).join(', ')}]`);
      items = item.submenu?.items ?? [];
    }
    return item!;
  }

  /** The enabled item whose accelerator this keyDown is. */
  _accelerated(input: KeyInput): MenuItem | null {
    for (const item of this.items) {
      if (!item.enabled || !item.visible) continue;
      if (item.accelerator && item.type !== 'submenu' && matchesAccelerator(input, item.accelerator)) return item;
      const inner = item.submenu?._accelerated(input);
      if (inner) return inner;
    }
    return null;
  }

  static buildFromTemplate(template: unknown[]): Menu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    for (const item of template) {
      const i = item as Record<string, unknown>;
      if (!i || typeof i !== 'object' || (!('label' in i) && !('role' in i) && i.type !== 'separator')) {
        throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
      }
    }
    const menu = new Menu();
    for (const item of template) menu.append(new MenuItem(item as Record<string, unknown>));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    setApplicationMenuState(menu, true);
    if (!isMac()) for (const w of openWindows()) (w as unknown as { setMenu(m: Menu | null): void }).setMenu(menu);
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu() as Menu | null;
  }
}

/** lib/browser/default-menu.ts: File, Edit, View, Window (and the app menu on macOS). */
export function defaultApplicationMenu(): Menu {
  return Menu.buildFromTemplate([...(isMac() ? [{ role: 'appMenu' }] : []), { role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]);
}
