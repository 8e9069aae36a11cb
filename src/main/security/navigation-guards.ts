/**
 * Wires the navigation and popup policy to a view's webContents (DESIGN.md §5).
 *
 * Electron emits 'will-frame-navigate' (every frame) first and, only when that was not
 * prevented, 'will-navigate' (main frame); both are guarded, so a denial is logged once and an
 * allowed main-frame navigation is simply judged twice. Navigations main starts itself (loadURL)
 * emit neither. 'will-redirect' covers server redirects, which the other two never see.
 */
import type { WindowOpenHandlerResponse } from 'electron';
import type { Profile } from '../../shared/contract/profile';
import {
  decideNavigation,
  decideShellNavigation,
  decideWindowOpen,
  describeUrl,
  type NavigationDecision,
  type ViewMode,
} from './navigation-policy';
import { popupPreferences } from './web-preferences';

export interface NavigationEventLike {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

/** The part of Electron.WebContents the guards use; a WebContents is assignable to it. */
export interface GuardedContents {
  on(event: 'will-frame-navigate', listener: (details: NavigationEventLike) => void): unknown;
  on(event: 'will-navigate', listener: (details: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (details: NavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
}

type NavigationEventName = 'will-frame-navigate' | 'will-navigate' | 'will-redirect';

export interface NavigationLogEntry {
  /** null for the shell window. */
  profile: string | null;
  event: NavigationEventName | 'window-open';
  /** Origin and path only (see describeUrl): queries may hold OAuth codes. */
  url: string;
  /** null for popups, which have no frame yet. */
  mainFrame: boolean | null;
  outcome: 'denied' | 'allowed-in-app' | 'opened-externally';
  reason: string;
}

export interface NavigationGuardContext {
  profile: Profile;
  mode: ViewMode;
  /** The profile's partition; in-app popups share it so SSO cookies reach the vendor client. */
  partition: string;
  openExternal(url: string): void;
  log(entry: NavigationLogEntry): void;
}

function guard(
  contents: GuardedContents,
  profile: string | null,
  decide: (url: string, isMainFrame: boolean) => NavigationDecision,
  log: (entry: NavigationLogEntry) => void,
): void {
  const listener = (event: NavigationEventName) => (details: NavigationEventLike) => {
    // 'will-navigate' is main-frame only; a frame event without the flag is judged by the
    // stricter main-frame rules.
    const isMainFrame = event === 'will-navigate' || details.isMainFrame !== false;
    const decision = decide(details.url, isMainFrame);
    if (decision.allow) return;
    details.preventDefault();
    log({ profile, event, url: describeUrl(details.url), mainFrame: isMainFrame, outcome: 'denied', reason: decision.reason });
  };
  contents.on('will-frame-navigate', listener('will-frame-navigate'));
  contents.on('will-navigate', listener('will-navigate'));
  contents.on('will-redirect', listener('will-redirect'));
}

export function installNavigationGuards(contents: GuardedContents, ctx: NavigationGuardContext): void {
  const { profile, mode } = ctx;
  // Fail at install time, not at the first popup, if the wiring passed a bad partition.
  const popupWebPreferences = popupPreferences(ctx.partition);
  guard(contents, profile.id, (url, isMainFrame) => decideNavigation({ url, isMainFrame, profile, mode }), ctx.log);

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen({ url, profile });
    const entry = { profile: profile.id, event: 'window-open', url: describeUrl(url), mainFrame: null } as const;
    switch (decision.action) {
      case 'allow-in-app':
        ctx.log({ ...entry, outcome: 'allowed-in-app', reason: 'sign-in popup of this profile' });
        return { action: 'allow', overrideBrowserWindowOptions: { webPreferences: { ...popupWebPreferences } } };
      case 'open-external':
        ctx.log({ ...entry, outcome: 'opened-externally', reason: 'link handed to the OS after the scheme check' });
        // electronegativity-allow OPEN_EXTERNAL_JS_CHECK: only what decideWindowOpen passed for the OS (scheme allowlist, no credentials, no controls, length cap)
        ctx.openExternal(decision.url);
        return { action: 'deny' };
      case 'deny':
        ctx.log({ ...entry, outcome: 'denied', reason: decision.reason });
        return { action: 'deny' };
    }
  });
}

/** The shell window stays on app://shell and opens no windows; its own links go through IPC. */
export function installShellNavigationGuards(contents: GuardedContents, log: (entry: NavigationLogEntry) => void): void {
  guard(contents, null, (url) => decideShellNavigation(url), log);
  contents.setWindowOpenHandler(({ url }) => {
    log({
      profile: null,
      event: 'window-open',
      url: describeUrl(url),
      mainFrame: null,
      outcome: 'denied',
      reason: 'the shell window opens no popups',
    });
    return { action: 'deny' };
  });
}
