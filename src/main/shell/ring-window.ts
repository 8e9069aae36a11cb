/**
 * The small always-on-top ring window: when a call rings while the shell window is hidden or not
 * the window the agent is in, the ring surface (caller, queue, profile, ring time, Answer /
 * Decline or "Open <profile> to answer") comes up above the agent's CRM. It is our shell page
 * (RING_WINDOW_URL: app://shell, the same CSP, preload, partition and hardened webPreferences as
 * the shell window, security/web-preferences.ts), and it closes when no call rings any more: the
 * ring list (ring-list.ts) drops a ring when it is answered anywhere, ends, is missed or expires.
 *
 * It must not take the keyboard from whatever the agent is typing in: showInactive() "Shows the
 * window but doesn't focus on it" (electron/electron docs/api/base-window.md; Windows
 * SW_SHOWNOACTIVATE, X11 maps without activating, macOS orderFrontRegardless —
 * shell/browser/native_window_views.cc, native_window_mac.mm `ShowInactive`). Keys go to it only
 * once the agent clicks it. Above other windows: setAlwaysOnTop(true, 'floating') — 'floating' is
 * the default level, above normal windows and below the taskbar (Windows) and Dock (macOS), which
 * it therefore never covers; on Linux the level is ignored and the window manager is asked to keep
 * it above (docs/api/base-window.md `win.setAlwaysOnTop`; "Not supported on Wayland", where it is
 * an ordinary window that still shows). skipTaskbar keeps it out of the taskbar on Windows and
 * macOS (docs/api/structures/base-window-options.md): the shell window is the app's entry there.
 */
import { BaseWindow, WebContentsView } from 'electron';
import { RING_WINDOW_URL } from '../../shared/app-urls';
import { CHANNELS } from '../../shared/ipc/channels';
import { shellViewPreferences } from '../security/web-preferences';
import type { ShellState } from './shell-state';

/** Enough for two lines of caller and the buttons at 100 % zoom (test/app ring-window screenshot). */
export const RING_WINDOW_SIZE = { width: 420, height: 168 } as const;
const PUSH_MS = 50;

export interface RingWindowDeps {
  state: ShellState;
  preload: string;
  /** The agent is in the shell window (shown and focused): its banner is enough. */
  attended(): boolean;
  log(message: string, data?: unknown): void;
}

export class RingWindow {
  private window: BaseWindow | null = null;
  private view: WebContentsView | null = null;
  /** Rings this window has already decided about: a ring already seen never reopens it. */
  private readonly seen = new Set<string>();
  private pushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RingWindowDeps) {}

  /** The ring window's page, for IPC sender validation (it speaks ShellApi like the shell UI). */
  contentsId(): number | null {
    return this.view && !this.view.webContents.isDestroyed() ? this.view.webContents.id : null;
  }

  isOpen(): boolean {
    return this.window !== null;
  }

  /** Something changed in main: open for a new ring the agent would not see, close when none rings. */
  changed(): void {
    const rings = this.deps.state.rings.list();
    const ids = new Set(rings.map((r) => r.id));
    for (const id of [...this.seen]) if (!ids.has(id)) this.seen.delete(id);
    if (rings.length === 0) return this.close('no call rings any more');
    const fresh = rings.filter((r) => !this.seen.has(r.id));
    for (const r of fresh) this.seen.add(r.id);
    if (!this.window && fresh.length > 0 && !this.deps.attended()) this.open();
    this.push();
  }

  private open(): void {
    // The ring's own colour until the page paints (ring.css): the window is up at once, not after a load.
    const win = new BaseWindow({ ...RING_WINDOW_SIZE, show: false, title: 'Incoming call — Switchboard', resizable: false, skipTaskbar: true, backgroundColor: '#c2410c' });
    const view = new WebContentsView({ webPreferences: shellViewPreferences({ preload: this.deps.preload }) });
    win.contentView.addChildView(view);
    view.setBounds({ x: 0, y: 0, ...RING_WINDOW_SIZE });
    win.setAlwaysOnTop(true, 'floating');
    this.window = win;
    this.view = view;
    win.on('closed', () => {
      if (!view.webContents.isDestroyed()) view.webContents.close();
      if (this.window === win) {
        this.window = null;
        this.view = null;
      }
    });
    win.showInactive();
    void view.webContents.loadURL(RING_WINDOW_URL).catch((err: Error) => this.deps.log(`ring window failed to load: ${err.message}`));
    this.deps.log('ring window opened: the shell window is hidden or not focused');
  }

  close(why: string): void {
    const win = this.window;
    if (!win) return;
    this.window = null;
    this.view = null;
    this.deps.log(`ring window closed: ${why}`);
    win.destroy();
  }

  private push(): void {
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      const view = this.view;
      if (view && !view.webContents.isDestroyed()) view.webContents.send(CHANNELS.shellUpdate, this.deps.state.snapshot());
    }, PUSH_MS);
  }
}
