/**
 * Asking for the agent's attention from the taskbar and Dock (issue 14), as electron/electron
 * 96f3996d8d binds it:
 *   app.setBadgeCount([count]) — bound on every OS (shell/browser/api/electron_api_app.cc
 *     "setBadgeCount" → Browser::SetBadgeCount); documented for Linux and macOS only
 *     (docs/api/app.md `app.setBadgeCount([count])` _Linux_ _macOS_): macOS sets the Dock tile's
 *     badge text, "" for 0 (browser_mac.mm); Linux goes through the LauncherEntry D-Bus API
 *     (browser_linux.cc, returns false with no count); Windows draws it through Chromium's
 *     badging (browser_win.cc), undocumented. The model records the count and returns true
 *     (false on Linux without a count). `app.getBadgeCount()` answers it.
 *   app.dock — macOS only (electron_api_app.cc `#if BUILDFLAG(IS_MAC)` .SetProperty("dock")):
 *     bounce([type]) → an id; 'critical' bounces until the app becomes active or the request is
 *     cancelled, 'informational' for one second; -1 "when the app is focused" (docs/api/dock.md).
 *     cancelBounce(id) (browser_mac.mm DockCancelBounce). The model keeps the critical requests
 *     up until cancelled or until a window of the app gets focus (the app became active).
 *   win.setOverlayIcon(overlay, description) — bound on every OS
 *     (electron_api_base_window.cc "setOverlayIcon"), has an effect on Windows only
 *     (docs/api/base-window.md _Windows_: a 16×16 overlay on the taskbar button; null clears it).
 *     The model records it on Windows only; the description is what screen readers say.
 */
import { isLinux, isMac, isWindows } from './platform';
import { strict } from './strict';

let badgeCount = 0;
let nextBounce = 1;
const bounces = new Map<number, 'critical' | 'informational'>();
const overlays = new Map<number, { image: string | null; description: string }>();

export function setBadgeCount(count?: number): boolean {
  if (count === undefined) {
    if (isLinux()) return false;
    badgeCount = 0; // macOS: a plain dot; Windows: the "flag" badge; both count as 0
    return true;
  }
  if (!Number.isInteger(count)) throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(count));
  badgeCount = count;
  return true;
}

export const getBadgeCount = (): number => badgeCount;

/** Whether any window of the app has focus: set by window.ts. */
let appActive: () => boolean = () => false;
export function watchAppActive(active: () => boolean): void {
  appActive = active;
}

/** A window got focus: the app is active, and macOS ends its critical Dock requests. */
export function appBecameActive(): void {
  bounces.clear();
}

export const dock = isMac()
  ? strict(
      {
        bounce(type: 'critical' | 'informational' = 'informational'): number {
          if (type !== 'critical' && type !== 'informational') return -1;
          if (appActive()) return -1;
          const id = nextBounce++;
          // 'informational' bounces once; the request stays until active or cancelled (dock.md).
          bounces.set(id, type);
          return id;
        },
        cancelBounce(id: number): void {
          bounces.delete(id);
        },
      },
      'app.dock',
    )
  : undefined;

export function setOverlayIcon(windowId: number, overlay: { _path?: string | null } | null, description: string): void {
  if (!isWindows()) return;
  if (overlay === null) overlays.delete(windowId);
  else overlays.set(windowId, { image: overlay._path ?? null, description: String(description) });
}

/** For control.ts state(): what the taskbar and Dock show now. */
export function attentionView() {
  return {
    badgeCount,
    dockBounces: [...bounces.entries()].map(([id, type]) => ({ id, type })),
    overlays: [...overlays.entries()].map(([window, o]) => ({ window, ...o })),
  };
}
