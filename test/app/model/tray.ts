/**
 * Tray (docs/api/tray.md). What the agent can see and do: the icon file, the tooltip and the
 * context menu, all readable by the app tier; a click on the icon. Per OS: 'click' is emitted on
 * Windows and Linux when the icon is activated (on Linux the StatusNotifierItem host decides
 * which gesture that is); on macOS a click on an icon that has a context menu opens the menu
 * instead. A menu changed after setContextMenu shows only after setContextMenu is called again
 * on Linux, so the model shows the menu as of the last setContextMenu call.
 *
 * Windows: the icon lives in the taskbar, which takes activation when it is pressed, so the
 * focused window is blurred first; the click itself reaches the app later, as a task Electron
 * posts from the notify icon's window procedure (shell/browser/ui/win/notify_icon_host.cc,
 * WM_LBUTTONDOWN → PostTask(NotifyIcon::HandleClickEvent)). A window focused a moment earlier
 * is therefore never isFocused() in a 'click' listener there.
 */
import { emitSafely, modelEvent, ModelEmitter } from './events';
import type { Menu } from './menu';
import type { NativeImage } from './native-image';
import { BaseWindow } from './window';
import { isMac, isWindows } from './platform';
import { requireReady } from './ready-state';
import { strict } from './strict';

const trays = new Set<Tray>();

export class Tray extends ModelEmitter {
  _image: NativeImage;
  _toolTip = '';
  _menu: Menu | null = null;
  private destroyed = false;

  constructor(image: NativeImage) {
    super();
    requireReady('Cannot create Tray before app is ready');
    this._image = image;
    const self = strict(this, 'Tray');
    trays.add(self);
    return self;
  }

  setImage(image: NativeImage): void {
    this._image = image;
  }

  setToolTip(toolTip: string): void {
    this._toolTip = String(toolTip);
  }

  setContextMenu(menu: Menu | null): void {
    this._menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
    trays.delete(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The agent clicks the icon. */
  async _click(): Promise<'click' | 'menu'> {
    if (isMac() && this._menu) return 'menu';
    if (isWindows()) {
      for (const window of BaseWindow.getAllWindows()) if (window.isFocused()) window._blur();
      await new Promise((resolve) => setImmediate(resolve));
    }
    emitSafely(this, 'click', modelEvent({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, triggeredByAccelerator: false }), { x: 0, y: 0, width: 0, height: 0 }, { x: 0, y: 0 });
    return 'click';
  }
}

export function allTrays(): Tray[] {
  return [...trays];
}
