/**
 * The shell window: a BaseWindow holding our shell UI view and one WebContentsView per profile.
 * Only the selected profile's view is visible; the others keep running (backgroundThrottling is
 * off in their preferences) so softphones keep their SIP and WebSocket timers.
 */
import { BaseWindow, WebContentsView } from 'electron';
import { SHELL_URL } from '../../shared/app-urls';
import { CHANNELS } from '../../shared/ipc/channels';
import { diag } from '../diagnostics';
import { NODE_TIMEOUTS } from '../runtime/node-timers';
import { watchShellRenderer } from '../runtime/shell-recovery';
import { shellViewPreferences } from '../security/web-preferences';
import { layoutWindow, railWidthFor } from '../window/layout';
import type { ProfileView } from './profile-view';
import type { ShellMark } from '../../shared/ipc/shell-protocol';
import type { ShellState } from './shell-state';

/** Snapshot pushes are coalesced to this interval (a person sees no delay; a burst costs one). */
const UI_PUSH_MS = 50;

/**
 * Must match --rail, --header and --ring-banner in src/renderer/shell/styles/base.css, and the
 * compact rail of src/renderer/shell/styles/compact.css (--rail: 72px below 1000 CSS px). The
 * shell view's CSS px are the window's DIPs (its zoom stays 1: application-menu.ts drops the zoom
 * keys; OS display scaling shrinks both alike), so main decides on the content width in DIPs.
 */
export const SHELL_CHROME = { railWidth: 280, compactRailWidth: 72, compactBelowWidth: 1000, headerHeight: 48, ringBannerHeight: 64 } as const;

export class ShellWindow {
  readonly window: BaseWindow;
  readonly shellView: WebContentsView;
  private readonly selectListeners: Array<(profileId: string) => void> = [];

  private pushTimer: NodeJS.Timeout | null = null;
  /** What the last update reached: the next one carries only what changed since (ShellDelta). */
  private sent: ShellMark = { feed: 0, activity: 0 };
  /** A full-page panel of the shell UI (settings, expanded feed) covers the vendor area. */
  private overlay = false;
  /** The ring surface's banner is across the content area (layout() keeps the vendor view below it). */
  private bannerShown = false;

  constructor(
    private readonly views: readonly ProfileView[],
    private readonly state: ShellState,
    shellPreload: string,
    /** Started hidden in the tray (a start at login, login-item.ts). */
    readonly startedHidden = false,
  ) {
    // autoHideMenuBar: on Windows and Linux the window carries the application menu (edit
    // commands); its bar stays out of the layout until the agent presses Alt.
    this.window = new BaseWindow({ width: 1280, height: 820, minWidth: 760, minHeight: 480, title: 'Switchboard', show: false, autoHideMenuBar: true });
    this.shellView = new WebContentsView({ webPreferences: shellViewPreferences({ preload: shellPreload }) });
    this.window.contentView.addChildView(this.shellView);
    for (const v of views) {
      this.window.contentView.addChildView(v.view);
      v.view.setVisible(v.profile.id === state.selected);
    }
    this.layout();
    this.window.on('resize', () => this.layout());
    // On Linux 'resize' is not enough: during a maximize or a full-screen change it comes while
    // getContentBounds() still has the old size (electron/electron#42586, #28106), and the new
    // size is readable only when the window state change arrives, which Electron emits as these
    // events (shell/browser/ui/electron_desktop_window_tree_host_linux.cc UpdateWindowState;
    // docs/api/base-window.md). Laying out again costs nothing on the other systems.
    this.window.on('maximize', () => this.layout());
    this.window.on('unmaximize', () => this.layout());
    this.window.on('enter-full-screen', () => this.layout());
    this.window.on('leave-full-screen', () => this.layout());
    const recovery = watchShellRenderer(this.shellView.webContents, {
      now: Date.now,
      timers: NODE_TIMEOUTS,
      reload: () => this.loadShell(),
      log: (message, data) => diag('view', message, data),
    });
    this.window.on('closed', () => {
      recovery.dispose();
      for (const v of this.views) v.dispose();
      if (!this.shellView.webContents.isDestroyed()) this.shellView.webContents.close();
    });
    // Started minimized (at login): stay in the tray until the agent opens the window.
    if (!startedHidden) this.shellView.webContents.once('did-finish-load', () => this.window.show());
    this.loadShell();
    for (const v of views) v.load();
  }

  private loadShell(): void {
    void this.shellView.webContents.loadURL(SHELL_URL).catch((err: Error) => diag('view', `shell UI failed to load: ${err.message}`));
  }

  layout(): void {
    const { width, height } = this.window.getContentBounds();
    // Every ring shows the banner (ring-list.ts); a ring the OS did not show is one of them.
    this.bannerShown = this.state.rings.size > 0 || this.state.unshownRingCount > 0;
    const banner = this.bannerShown ? SHELL_CHROME.ringBannerHeight : 0;
    const layout = layoutWindow({ width, height }, { railWidth: railWidthFor(width, SHELL_CHROME), headerHeight: SHELL_CHROME.headerHeight, bannerHeight: banner });
    this.shellView.setBounds(layout.shell);
    for (const v of this.views) v.view.setBounds(layout.vendor);
  }

  select(profileId: string): boolean {
    if (!this.views.some((v) => v.profile.id === profileId)) return false;
    this.state.selected = profileId;
    this.showSelected();
    this.pushState();
    for (const listener of this.selectListeners) listener(profileId);
    return true;
  }

  setOverlay(open: boolean): void {
    this.overlay = open;
    this.showSelected();
  }

  /** The nth profile (Ctrl/Cmd+1..9). */
  selectIndex(index: number): void {
    const view = this.views[index];
    if (view) this.select(view.profile.id);
  }

  /**
   * While the shell UI asks the agent something (a link's "Call … with …?"), no vendor view is
   * drawn over it: a view covers the content area, where the question is, and a page must not be
   * able to hide or imitate the question about its own request.
   */
  private showSelected(): void {
    const covered = this.overlay || this.state.asking;
    for (const v of this.views) v.view.setVisible(!covered && v.profile.id === this.state.selected);
  }

  /** The question changed: show or hide the views, and bring the window forward to ask. */
  asking(): void {
    this.showSelected();
    if (this.state.asking) this.focus();
    this.pushState();
  }

  /**
   * A ring the OS did not show (notifications/ring-fallback.ts): select its profile and bring the
   * window forward without taking focus from whatever the agent is typing in — showInactive()
   * ("Shows the window but doesn't focus on it", electron/electron docs/api/base-window.md; it
   * also restores a minimized window on Windows, native_window_views.cc), moveTop() ("regardless
   * of focus"; both do nothing on Wayland, docs/api/browser-window.md) — and flash the taskbar
   * button (macOS: the Dock icon bounces until stopped, native_window_mac.mm `FlashFrame`).
   */
  ringUnshown(profileId: string): void {
    this.select(profileId);
    if (!this.window.isVisible()) this.window.showInactive();
    this.window.moveTop();
    this.window.flashFrame(true);
  }

  /** The banner's rings changed: the vendor view moves below it or back; no ring left, no flash. */
  unshownRingsChanged(): void {
    this.layout();
    if (this.state.unshownRingCount === 0) this.window.flashFrame(false);
  }

  onSelect(listener: (profileId: string) => void): void {
    this.selectListeners.push(listener);
  }

  focus(): void {
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  /**
   * Sends the UI what changed since the last update (ShellState.deltaSince), at most every
   * UI_PUSH_MS: captures arrive in bursts, and one update per capture would put that work on the
   * capture path. Only new feed entries and changed activities travel; the page holds the rest
   * (a reloaded page starts from getState's whole snapshot, whose mark covers every delta so far).
   */
  pushState(): void {
    // A ring started or the last one ended: the vendor view moves below the banner or back at once.
    if (this.bannerShown !== (this.state.rings.size > 0 || this.state.unshownRingCount > 0)) this.layout();
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      if (this.shellView.webContents.isDestroyed()) return;
      const delta = this.state.deltaSince(this.sent);
      this.sent = delta.mark;
      this.shellView.webContents.send(CHANNELS.shellUpdate, delta);
    }, UI_PUSH_MS);
  }
}
