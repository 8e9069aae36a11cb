/**
 * The taskbar and Dock while a call rings (issue 14): the window's taskbar button flashes (Windows,
 * Linux) or the Dock icon bounces (macOS) from the first ring until the last ring ends or the
 * agent brings the window to the front; a badge counts rings and missed calls not seen yet
 * (shared/notifications/ring-sound.ts). Per OS, as Electron documents it:
 *   flash    win.flashFrame(true/false) — electron/electron docs/api/base-window.md "Starts or
 *            stops flashing the window to attract user's attention" (Windows FlashWindowEx,
 *            shell/browser/native_window_views.cc). Not used on macOS, where flashFrame is itself
 *            a critical Dock request (shell/browser/native_window_mac.mm `FlashFrame`): the Dock
 *            is asked directly instead, so one request is up, never two.
 *   bounce   app.dock.bounce('critical') → id, app.dock.cancelBounce(id) — docs/api/dock.md:
 *            "critical … bounce until either the application becomes active or the request is
 *            canceled"; returns -1 while the app is focused (then there is nothing to cancel).
 *   badge    app.setBadgeCount(n) on macOS (the Dock icon) and Linux (launchers speaking the
 *            LauncherEntry D-Bus API) — docs/api/app.md `app.setBadgeCount([count])` _Linux_
 *            _macOS_; 0 hides it. Windows: win.setOverlayIcon(image | null, description) —
 *            docs/api/base-window.md _Windows_, a 16×16 overlay on the taskbar button; the
 *            description is what screen readers say, so it carries the count.
 */

export interface AttentionWindow {
  flashFrame(flag: boolean): void;
  isFocused(): boolean;
  setOverlayIcon?(overlay: unknown, description: string): void;
}

export interface AttentionApp {
  setBadgeCount?(count?: number): boolean;
  dock?: { bounce(type?: 'critical' | 'informational'): number; cancelBounce(id: number): void };
}

export interface RingAttentionDeps {
  platform: string;
  app: AttentionApp;
  window: AttentionWindow;
  /** The 16×16 overlay Windows shows while the badge counts anything (the tray's ringing icon). */
  overlayIcon(): unknown;
}

export interface RingAttention {
  /** After every change of what rings (ShellState.attention). */
  update(now: { ringing: number; badge: number }): void;
  /** The agent brought the window to the front: stop asking. */
  focused(): void;
}

export const badgeDescription = (count: number): string => (count === 1 ? '1 call ringing or missed' : `${count} calls ringing or missed`);

export function createRingAttention(deps: RingAttentionDeps): RingAttention {
  const mac = deps.platform === 'darwin';
  let asking = false;
  let bounceId = -1;
  let ringing = 0;
  let badge = 0;

  const start = () => {
    asking = true;
    if (mac) bounceId = deps.app.dock?.bounce('critical') ?? -1;
    else deps.window.flashFrame(true);
  };
  const stop = () => {
    if (!asking) return;
    asking = false;
    if (mac) {
      if (bounceId !== -1) deps.app.dock?.cancelBounce(bounceId);
      bounceId = -1;
    } else deps.window.flashFrame(false);
  };
  const setBadge = (count: number) => {
    if (count === badge) return;
    badge = count;
    if (deps.platform === 'win32') deps.window.setOverlayIcon?.(count > 0 ? deps.overlayIcon() : null, count > 0 ? badgeDescription(count) : '');
    else deps.app.setBadgeCount?.(count);
  };

  return {
    update(now) {
      // A new ring asks again, unless the agent is looking at the window already.
      if (now.ringing > ringing && !deps.window.isFocused()) start();
      if (now.ringing === 0) stop();
      ringing = now.ringing;
      setBadge(now.badge);
    },
    focused: stop,
  };
}
