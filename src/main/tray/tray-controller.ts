/**
 * Drives the Electron tray from the pure menu model (shared/tray/menu-model.ts): icon, tooltip and
 * context menu follow each update(); menu clicks become TrayCommands for main to carry out.
 * Electron objects come in as parameters (DESIGN.md §4), so tests pass fakes.
 *
 * Platform behaviour:
 *   macOS          template icon (the menu bar colours it); a click opens the menu, as on every
 *                  other menu-bar item, so no click handler is installed.
 *   Windows/Linux  colour icon; a left click shows or hides the window (right click: the menu).
 *                  Disabled items' reasons go into the label: sublabels and item tooltips are
 *                  macOS-only in Electron.
 */
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayState } from '../../shared/contract/effects';
import { trayIconFileName, type TrayIconSize } from '../../shared/tray/icon-files';
import { buildTrayMenu, trayTooltip, type TrayCommand, type TrayMenuInput, type TrayMenuItem } from '../../shared/tray/menu-model';

export type { TrayCommand } from '../../shared/tray/menu-model';

export type TrayImageVariant = 'color' | 'template';

/** The parts of Electron's Tray used here; Img is NativeImage and M is Menu in the app. */
export interface TrayLike<Img, M> {
  setImage(image: Img): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface TrayControllerDeps<Img, M> {
  tray: TrayLike<Img, M>;
  /** Electron's Menu (its static buildFromTemplate). */
  menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): M };
  /** The icon for a state, e.g. nativeImage.createFromPath(trayIconPath(...)); asked once per state and variant. */
  images: (state: TrayState, variant: TrayImageVariant) => Img;
  platform: string;
  onCommand: (command: TrayCommand) => void;
}

export interface TrayController {
  /** Applies a new presence/DND/window snapshot; unchanged parts are not re-sent to Electron. */
  update(input: TrayMenuInput): void;
}

export function createTrayController<Img, M>(deps: TrayControllerDeps<Img, M>): TrayController {
  const mac = deps.platform === 'darwin';
  const variant: TrayImageVariant = mac ? 'template' : 'color';
  const imageCache = new Map<TrayState, Img>();
  let last: TrayMenuInput | null = null;
  let shownState: TrayState | null = null;
  let shownTooltip: string | null = null;
  let shownMenuKey: string | null = null;

  const imageFor = (state: TrayState): Img => {
    let image = imageCache.get(state);
    if (image === undefined) {
      image = deps.images(state, variant);
      // Electron marks "…Template.png" as a template by name; say it explicitly for other sources.
      if (mac) (image as { setTemplateImage?: (on: boolean) => void } | null)?.setTemplateImage?.(true);
      imageCache.set(state, image);
    }
    return image;
  };

  let updates = 0;
  const click = (command: TrayCommand): void => {
    const before = updates;
    deps.onCommand(command);
    // Electron checks a clicked radio item itself. Redraw from the last reported state, so the menu
    // shows what the vendor actually confirms (a later update), not what was merely asked for;
    // unless onCommand already pushed a fresh update (DND does), which redrew it anyway.
    if (last && updates === before) render(last, true);
  };

  const render = (input: TrayMenuInput, forceMenu: boolean): void => {
    if (input.aggregate !== shownState) {
      deps.tray.setImage(imageFor(input.aggregate));
      shownState = input.aggregate;
    }
    const tooltip = trayTooltip(input);
    if (tooltip !== shownTooltip) {
      deps.tray.setToolTip(tooltip);
      shownTooltip = tooltip;
    }
    const model = buildTrayMenu(input);
    // Rebuilding the menu while it is open closes it on some Linux desktops: only when it changed.
    const key = JSON.stringify(model);
    if (forceMenu || key !== shownMenuKey) {
      deps.tray.setContextMenu(deps.menu.buildFromTemplate(toTemplate(model, mac, click)));
      shownMenuKey = key;
    }
  };

  if (!mac) deps.tray.on('click', () => deps.onCommand({ type: 'toggle-window' }));

  return {
    update(input) {
      updates++;
      last = input;
      render(input, false);
    },
  };
}

/** Model → Electron templates. Only enabled items with a command get a click handler. */
export function toTemplate(items: readonly TrayMenuItem[], mac: boolean, onClick: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { id: item.id, type: 'separator' };
    const options: MenuItemConstructorOptions = { id: item.id, type: item.type, label: item.label, enabled: item.enabled };
    if (item.checked !== undefined) options.checked = item.checked;
    if (mac) {
      if (item.sublabel !== undefined) options.sublabel = item.sublabel;
      if (item.toolTip !== undefined) options.toolTip = item.toolTip;
    } else if (item.sublabel !== undefined) {
      options.label = `${item.label} — ${item.sublabel}`;
    }
    if (item.submenu) options.submenu = toTemplate(item.submenu, mac, onClick);
    const command = item.command;
    if (item.enabled && command) options.click = () => onClick(command);
    return options;
  });
}

/** Logical tray icon size: 16 pt in the macOS menu bar and the Windows notification area, 24 on Linux panels. */
const BASE_SIZE: Readonly<Record<string, TrayIconSize>> = { darwin: 16, win32: 16 };
const LINUX_SIZE: TrayIconSize = 24;

/**
 * The icon file for `state` under `<resourcesDir>/tray/`.
 * macOS: always the 1x template name; nativeImage picks up its @2x sibling on Retina displays by
 * itself (naming the @2x file directly would make a double-size icon), so `scale` is ignored.
 * Windows/Linux: the smallest file with at least base size × `scale` pixels (`scale`: the display's
 * scale factor). nativeImage also loads a 1x file's @2x sibling, and Windows resizes the nearest
 * representation to its icon size, so scale 1 is usually enough; a larger scale only sharpens.
 */
export function trayIconPath(resourcesDir: string, state: TrayState, platform: string, scale = 1): string {
  const dir = join(resourcesDir, 'tray');
  if (platform === 'darwin') return join(dir, trayIconFileName(state, 16, true));
  const wanted = (BASE_SIZE[platform] ?? LINUX_SIZE) * Math.max(1, scale);
  const candidates = [
    { px: 16, name: trayIconFileName(state, 16, false) },
    { px: 24, name: trayIconFileName(state, 24, false) },
    { px: 32, name: trayIconFileName(state, 32, false) },
    { px: 48, name: trayIconFileName(state, 24, false, 2) },
    { px: 64, name: trayIconFileName(state, 32, false, 2) },
  ];
  const pick = candidates.find((c) => c.px >= wanted - 0.5) ?? candidates[candidates.length - 1]!;
  return join(dir, pick.name);
}
