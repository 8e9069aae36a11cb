/**
 * Menu item roles: the label, default accelerator and action Electron gives each role, and the
 * submenus of the menu roles (appMenu, fileMenu, editMenu, viewMenu, windowMenu), as listed in
 * lib/browser/api/menu-item-roles.ts. Only the roles an app shell plausibly uses are modelled;
 * any other role is a gap.
 */
import { isMac, isWindows } from './platform';

export interface RoleContext {
  /** The webContents that has focus (the one a key was pressed in). */
  webContents: RoleContents | null;
  window: RoleWindow | null;
  quit(): void;
}

export interface RoleContents {
  reload(): void;
  _edit(command: string): void;
  _toggleDevTools(): void;
  _zoom(step: number | 'reset'): void;
}

export interface RoleWindow {
  close(): void;
  minimize(): void;
}

export interface RoleTemplateItem {
  role?: string;
  type?: string;
  label?: string;
  submenu?: RoleTemplateItem[];
}

export interface Role {
  label: string;
  accelerator?: string;
  run?: (ctx: RoleContext) => void;
  submenu?: () => RoleTemplateItem[];
}

const edit = (command: string, label: string, accelerator?: string): Role => ({ label, ...(accelerator ? { accelerator } : {}), run: (ctx) => ctx.webContents?._edit(command) });

export function roleOf(role: string, appName: string): Role | undefined {
  const roles: Record<string, Role> = {
    undo: edit('undo', 'Undo', 'CommandOrControl+Z'),
    redo: edit('redo', 'Redo', isWindows() ? 'Control+Y' : 'Shift+CommandOrControl+Z'),
    cut: edit('cut', 'Cut', 'CommandOrControl+X'),
    copy: edit('copy', 'Copy', 'CommandOrControl+C'),
    paste: edit('paste', 'Paste', 'CommandOrControl+V'),
    pasteandmatchstyle: edit('pasteAndMatchStyle', 'Paste and Match Style', isMac() ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V'),
    delete: edit('delete', 'Delete'),
    selectall: edit('selectAll', 'Select All', 'CommandOrControl+A'),
    reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R', run: (ctx) => ctx.webContents?.reload() },
    forcereload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R', run: (ctx) => ctx.webContents?.reload() },
    toggledevtools: { label: 'Toggle Developer Tools', accelerator: isMac() ? 'Alt+Command+I' : 'Ctrl+Shift+I', run: (ctx) => ctx.webContents?._toggleDevTools() },
    resetzoom: { label: 'Actual Size', accelerator: 'CommandOrControl+0', run: (ctx) => ctx.webContents?._zoom('reset') },
    zoomin: { label: 'Zoom In', accelerator: 'CommandOrControl+Plus', run: (ctx) => ctx.webContents?._zoom(0.5) },
    zoomout: { label: 'Zoom Out', accelerator: 'CommandOrControl+-', run: (ctx) => ctx.webContents?._zoom(-0.5) },
    togglefullscreen: { label: 'Toggle Full Screen', accelerator: isMac() ? 'Control+Command+F' : 'F11' },
    minimize: { label: 'Minimize', accelerator: 'CommandOrControl+M', run: (ctx) => ctx.window?.minimize() },
    close: { label: isMac() ? 'Close Window' : 'Close', accelerator: 'CommandOrControl+W', run: (ctx) => ctx.window?.close() },
    quit: { label: isMac() ? `Quit ${appName}` : isWindows() ? 'Exit' : 'Quit', ...(isWindows() ? {} : { accelerator: 'CommandOrControl+Q' }), run: (ctx) => ctx.quit() },
    about: { label: isMac() ? `About ${appName}` : 'About' },
    hide: { label: `Hide ${appName}`, accelerator: 'Command+H' },
    hideothers: { label: 'Hide Others', accelerator: 'Command+Alt+H' },
    unhide: { label: 'Show All' },
    services: { label: 'Services' },
    front: { label: 'Bring All to Front' },
    zoom: { label: 'Zoom' },
    appmenu: { label: appName, submenu: () => [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
    filemenu: { label: 'File', submenu: () => [isMac() ? { role: 'close' } : { role: 'quit' }] },
    editmenu: {
      label: 'Edit',
      submenu: () => [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac() ? [{ role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }] : [{ role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }]),
      ],
    },
    viewmenu: {
      label: 'View',
      submenu: () => [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    windowmenu: { label: 'Window', submenu: () => [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac() ? [{ type: 'separator' }, { role: 'front' }] : [{ role: 'close' }])] },
  };
  return roles[role.toLowerCase()];
}
