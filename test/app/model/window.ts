/**
 * BaseWindow, View and WebContentsView (and the BrowserWindow a window.open popup becomes).
 * A window is state (shown, focused, minimized, its content size and child views in z-order);
 * a WebContentsView is a real page whose viewport is its bounds, so the page lays out at the
 * size the agent would see, and the assembled window can be photographed (compose.ts).
 *
 * Reproduced: windows get the application menu on Windows and Linux when they are created
 * (lib/browser/api/base-window.ts:14-18 `_init`); 'close' is preventable and a prevented close cancels
 * a quit (shell/browser/browser.cc OnWindowCloseCancelled); closing a window does not destroy
 * the webContents of its views (the app closes them itself).
 *
 * Bringing a window forward without taking focus (docs/api/base-window.md): showInactive()
 * shows it and leaves focus where it is — Windows ShowWindow(SW_SHOWNOACTIVATE), which also
 * restores a minimized window; X11 maps it; macOS orderFrontRegardless (native_window_views.cc,
 * native_window_mac.mm `ShowInactive`; browser-window.md: not supported on Wayland). moveTop()
 * raises it in z-order "regardless of focus" (SetWindowPos with SWP_NOACTIVATE; the model has no
 * other application's windows to go above). flashFrame(flag) starts or stops the taskbar flash
 * (macOS: the Dock icon bounces until stopped, NSCriticalRequest, native_window_mac.mm
 * `FlashFrame`); the model keeps the flag until the app stops it.
 *
 * Always on top (docs/api/base-window.md `win.setAlwaysOnTop(flag[, level][, relativeLevel])`,
 * `win.isAlwaysOnTop()`): the level is one of Electron's named levels, `floating` by default when
 * the flag is true and reset to `normal` when it is false; a level outside the list is refused
 * (shell/browser/native_window_views.cc and native_window_mac.mm read it as a string, the docs
 * list the values). Linux ignores the level (the window manager is asked for "above"), which the
 * model keeps as given so a test can read what the app asked for. `skipTaskbar` (an option,
 * docs/api/structures/base-window-options.md, macOS and Windows) is kept as an option only.
 *
 * Maximize and full screen, done by the agent or the window manager (control.ts windowState): the
 * window emits 'maximize'/'unmaximize' and 'enter-full-screen'/'leave-full-screen', and 'resize'.
 * On Linux 'resize' comes before the window manager's new size is readable: getContentBounds()
 * in a 'resize' listener still answers the old size (electron/electron#42586, "getContentBounds
 * not adjust on snap/maximize"; #28106, views not following a maximize on Linux only), and the
 * state events come from a separate X11/Wayland state change
 * (shell/browser/ui/electron_desktop_window_tree_host_linux.cc UpdateWindowState), by which time
 * the size is applied. On Windows and macOS the size is readable in 'resize'.
 */
import { applicationMenu, type ModelMenu } from './menu-state';
import { emitPreventable, emitSafely, modelEvent, ModelEmitter } from './events';
import { isLinux, isMac } from './platform';
import { appBecameActive, setOverlayIcon, watchAppActive } from './attention';
import { requireReady } from './ready-state';
import { recordGap, strict } from './strict';
import { WebContents } from './web-contents';
import { addWindow, closeCancelled, removeWindow } from './window-list';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const KNOWN_OPTIONS = new Set(['width', 'height', 'minWidth', 'minHeight', 'maxWidth', 'maxHeight', 'x', 'y', 'center', 'title', 'show', 'backgroundColor', 'autoHideMenuBar', 'icon', 'resizable', 'webPreferences', 'useContentSize', 'skipTaskbar']);
const ALWAYS_ON_TOP_LEVELS = new Set(['normal', 'floating', 'torn-off-menu', 'modal-panel', 'main-menu', 'status', 'pop-up-menu', 'screen-saver', 'dock']);

function checkRect(r: Rectangle): Rectangle {
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    if (typeof r?.[k] !== 'number' || !Number.isFinite(r[k])) throw new TypeError(`Error processing argument at index 0, conversion failure from ${JSON.stringify(r)}`);
  }
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}

export class View extends ModelEmitter {
  readonly children: View[] = [];
  _bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };
  _visible = true;
  _window: BaseWindow | null = null;

  constructor() {
    super();
    return strict(this, new.target.name);
  }

  addChildView(view: View, index?: number): void {
    const at = this.children.indexOf(view);
    if (at >= 0) this.children.splice(at, 1);
    if (index === undefined || index >= this.children.length) this.children.push(view);
    else this.children.splice(Math.max(0, index), 0, view);
    view._attach(this._window);
  }

  removeChildView(view: View): void {
    const at = this.children.indexOf(view);
    if (at >= 0) this.children.splice(at, 1);
    view._attach(null);
  }

  setBounds(bounds: Rectangle): void {
    this._bounds = checkRect(bounds);
    this._changed();
  }

  getBounds(): Rectangle {
    return { ...this._bounds };
  }

  setVisible(visible: boolean): void {
    this._visible = Boolean(visible);
    this._changed();
  }

  getVisible(): boolean {
    return this._visible;
  }

  setBackgroundColor(_color: string): void {}

  _attach(window: BaseWindow | null): void {
    this._window = window;
    for (const child of this.children) child._attach(window);
    this._changed();
  }

  _changed(): void {
    for (const child of this.children) child._changed();
  }

  /** Visible to the agent: itself, its window shown and not minimized. */
  _shown(): boolean {
    return this._visible && this._window !== null && this._window._shownOnScreen();
  }
}

const ADOPT = Symbol('adopt an existing webContents');

export class WebContentsView extends View {
  readonly webContents: WebContents;

  constructor(options: { webPreferences?: Record<string, unknown>; webContents?: unknown; [ADOPT]?: WebContents } = {}) {
    super();
    if (options.webContents) throw recordGap('new WebContentsView({ webContents })');
    this.webContents = options[ADOPT] ?? new WebContents({ webPreferences: options.webPreferences ?? {}, type: 'browserView' });
  }

  /** Model-internal: the view a popup's BrowserWindow shows its page in. */
  static _around(contents: WebContents): WebContentsView {
    return new WebContentsView({ [ADOPT]: contents });
  }

  setBorderRadius(_radius: number): void {}

  override _changed(): void {
    super._changed();
    this.webContents._setViewport(this._bounds.width, this._bounds.height);
    this.webContents._setVisible(this._shown());
  }
}

let nextWindowId = 1;

export class BaseWindow extends ModelEmitter {
  readonly id = nextWindowId++;
  readonly contentView: View;
  private title: string;
  private shown = false;
  private focused = false;
  private minimized = false;
  private maximized = false;
  private fullScreen = false;
  /** The size to return to from maximized or full screen. */
  private normalSize: { width: number; height: number } | null = null;
  private destroyed = false;
  private flashing = false;
  private onTop: { flag: boolean; level: string } = { flag: false, level: 'normal' };
  private size: { width: number; height: number };
  private menu: ModelMenu | null = null;
  private self: BaseWindow = this;
  readonly _options: Record<string, unknown>;

  constructor(options: Record<string, unknown> = {}) {
    super();
    requireReady('Cannot create BaseWindow before app is ready');
    for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.has(key)) throw recordGap(`BaseWindow option ${key}`);
    this._options = { ...options };
    const self = strict(this, new.target.name);
    this.self = self;
    this.size = { width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
    this.title = String(options.title ?? 'Electron');
    this.contentView = new View();
    this.contentView._window = self;
    this.contentView._bounds = { x: 0, y: 0, ...this.size };
    if (!isMac()) {
      const menu = applicationMenu();
      if (menu) this.menu = menu;
    }
    addWindow(self);
    windows.add(self);
    if (options.show !== false) queueMicrotask(() => self.show());
    return self;
  }

  show(): void {
    if (this.destroyed) return;
    const wasShown = this.shown;
    this.shown = true;
    this.minimized = false;
    if (!wasShown) emitSafely(this, 'show');
    this.focus();
    this.contentView._changed();
  }

  showInactive(): void {
    if (this.destroyed) return;
    const wasShown = this.shown;
    this.shown = true;
    const wasMinimized = this.minimized;
    this.minimized = false;
    if (!wasShown) emitSafely(this, 'show');
    if (wasMinimized) emitSafely(this, 'restore');
    this.contentView._changed();
  }

  moveTop(): void {}

  flashFrame(flag: boolean): void {
    this.flashing = Boolean(flag);
  }

  setAlwaysOnTop(flag: boolean, level?: string, _relativeLevel?: number): void {
    if (level !== undefined && !ALWAYS_ON_TOP_LEVELS.has(level)) throw new TypeError(`Invalid always-on-top level: ${String(level)}`);
    this.onTop = flag ? { flag: true, level: level ?? 'floating' } : { flag: false, level: 'normal' };
  }

  isAlwaysOnTop(): boolean {
    return this.onTop.flag;
  }

  /** attention.ts: Windows' taskbar overlay (a no-op elsewhere, as in Electron). */
  setOverlayIcon(overlay: { _path?: string | null } | null, description: string): void {
    setOverlayIcon(this.id, overlay, description);
  }

  hide(): void {
    if (!this.shown) return;
    this.shown = false;
    this.blurSelf();
    emitSafely(this, 'hide');
    this.contentView._changed();
  }

  focus(): void {
    if (this.destroyed || !this.shown || this.focused) return;
    for (const other of windows) if (other !== this.self && other.isFocused()) other._blur();
    this.focused = true;
    appBecameActive();
    emitSafely(this, 'focus');
  }

  blur(): void {
    this.blurSelf();
  }

  isVisible(): boolean {
    return this.shown && !this.minimized;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    if (this.minimized) return;
    this.minimized = true;
    this.blurSelf();
    emitSafely(this, 'minimize');
    this.contentView._changed();
  }

  restore(): void {
    if (!this.minimized) return;
    this.minimized = false;
    emitSafely(this, 'restore');
    this.focus();
    this.contentView._changed();
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  getContentBounds(): Rectangle {
    return { x: 0, y: 0, ...this.size };
  }

  getBounds(): Rectangle {
    return this.getContentBounds();
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): void {
    this.title = String(title);
  }

  setMenu(menu: ModelMenu | null): void {
    this.menu = menu;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Asks to close: 'close' can be prevented (and then a quit in progress is cancelled). */
  close(): void {
    if (this.destroyed) return;
    if (emitPreventable(this, 'close', modelEvent())) {
      closeCancelled();
      return;
    }
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.shown = false;
    this.focused = false;
    windows.delete(this.self);
    emitSafely(this, 'closed');
    removeWindow(this.self);
  }

  // ---- model-internal ----

  _shownOnScreen(): boolean {
    return this.shown && !this.minimized && !this.destroyed;
  }

  _menu(): ModelMenu | null {
    return this.menu;
  }

  _flashing(): boolean {
    return this.flashing;
  }

  _alwaysOnTop(): string | null {
    return this.onTop.flag ? this.onTop.level : null;
  }

  /** The harness resizes the window as the agent would (drag, maximize). */
  _resize(width: number, height: number): void {
    this.size = { width, height };
    this.contentView._bounds = { x: 0, y: 0, width, height };
    emitSafely(this, 'resize');
    this.contentView._changed();
  }

  _blur(): void {
    this.blurSelf();
  }

  /**
   * The agent (or the window manager) maximizes or restores the window, or makes it full screen
   * or leaves it, to `size` (the work area or the screen; back to the size before when omitted).
   */
  _setState(state: 'maximized' | 'full-screen', on: boolean, size?: { width: number; height: number }): void {
    const current = state === 'maximized' ? this.maximized : this.fullScreen;
    if (current === on) return;
    if (on && !this.maximized && !this.fullScreen) this.normalSize = { ...this.size };
    const target = on ? (size ?? this.size) : (size ?? this.normalSize ?? this.size);
    if (state === 'maximized') this.maximized = on;
    else this.fullScreen = on;
    const event = state === 'maximized' ? (on ? 'maximize' : 'unmaximize') : on ? 'enter-full-screen' : 'leave-full-screen';
    if (isLinux()) {
      emitSafely(this, 'resize'); // still the old size to getContentBounds()
      this.applySize(target.width, target.height);
      emitSafely(this, event);
    } else {
      this.applySize(target.width, target.height);
      emitSafely(this, 'resize');
      emitSafely(this, event);
    }
  }

  private applySize(width: number, height: number): void {
    this.size = { width, height };
    this.contentView._bounds = { x: 0, y: 0, width, height };
    this.contentView._changed();
  }

  private blurSelf(): void {
    if (!this.focused) return;
    this.focused = false;
    emitSafely(this, 'blur');
  }

  static getAllWindows(): BaseWindow[] {
    return [...windows];
  }

  static getFocusedWindow(): BaseWindow | null {
    return [...windows].find((w) => w.isFocused()) ?? null;
  }

  static fromId(id: number): BaseWindow | null {
    return [...windows].find((w) => w.id === id) ?? null;
  }
}

const windows = new Set<BaseWindow>();

/** A popup window.open created and the app allowed (its webContents is that page). */
export class BrowserWindow extends BaseWindow {
  readonly webContents: WebContents;

  constructor(options: Record<string, unknown> & { _webContents?: WebContents } = {}) {
    const { _webContents, ...rest } = options;
    super(rest);
    if (!_webContents) throw recordGap('new BrowserWindow() (only window.open popups are modelled)');
    this.webContents = _webContents;
    const view = WebContentsView._around(_webContents);
    view.setBounds(this.getContentBounds());
    this.contentView.addChildView(view);
    _webContents.once('destroyed', () => this.destroy());
  }
}

// attention.ts: dock.bounce answers -1 while the app is active (a window of it has focus).
watchAppActive(() => [...windows].some((w) => w.isFocused()));
