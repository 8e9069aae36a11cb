/**
 * The application menu, shared by Menu (which sets it) and windows (which get it on Windows and
 * Linux). Electron installs a default one at 'will-finish-launching' unless the app set its own
 * first (lib/browser/init.ts, lib/browser/default-menu.ts `setApplicationMenuWasSet`).
 */
export interface ModelMenuItem {
  id?: string;
  label: string;
  role?: string;
  type: string;
  accelerator?: string;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  submenu: ModelMenu | null;
  click?: (item: unknown, window: unknown, event: unknown) => void;
}

export interface ModelMenu {
  readonly items: ModelMenuItem[];
}

let menu: ModelMenu | null = null;
let setByApp = false;

export function applicationMenu(): ModelMenu | null {
  return menu;
}

export function setApplicationMenuState(next: ModelMenu | null, byApp: boolean): void {
  menu = next;
  if (byApp) setByApp = true;
}

export function applicationMenuSetByApp(): boolean {
  return setByApp;
}
