/**
 * Switchboard's application menu, replacing Electron's default one. Electron installs File, Edit,
 * View and Window menus unless the app sets its own (lib/browser/default-menu.ts), and their
 * View menu binds Ctrl/Cmd+R (reload), Ctrl/Cmd+Shift+R, Ctrl/Cmd+Shift+I (developer tools) and
 * the zoom keys (lib/browser/api/menu-item-roles.ts) in every view: in a softphone view Ctrl+R
 * reloads the vendor client and drops the live call, and zoom breaks the rail/view layout.
 *
 * Kept: Edit (undo, redo, cut, copy, paste, select all) — on macOS copy and paste work only
 * through these menu roles — and on macOS the app and Window menus people expect there.
 * Developer tools only in a source checkout. Windows and Linux windows keep their menu bar
 * hidden until Alt is pressed (autoHideMenuBar in shell-window.ts).
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  platform: string;
  packaged: boolean;
  appName: string;
}

export function applicationMenuTemplate({ platform, packaged, appName }: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  return [
    ...(mac
      ? [{ label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    // Windows and Linux: Quit in the window too (Alt shows the bar), not only in the tray, since
    // a desktop may show no tray icon at all (tray-host.ts).
    ...(mac ? [] : [{ label: 'File', submenu: [{ role: 'quit' }] } satisfies MenuItemConstructorOptions]),
    edit,
    ...(packaged ? [] : [{ label: 'Developer', submenu: [{ role: 'toggleDevTools' }] } satisfies MenuItemConstructorOptions]),
    ...(mac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
  ];
}

export function installApplicationMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, context: MenuContext): void {
  menu.setApplicationMenu(menu.buildFromTemplate(applicationMenuTemplate(context)));
}
