/**
 * The application menu, shared by Menu (which sets it) and windows (which get it on Windows and
 * Linux). Electron installs a default one at 'will-finish-launching' unless the app set its own
 * first (lib/browser/init.ts, lib/browser/default-menu.ts `setApplicationMenuWasSet`).
 */
/** What windows and the control channel need of a menu (menu.ts has the whole of it). */
export interface ModelMenu {
  readonly items: ReadonlyArray<{ label: string; type: string }>;
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
