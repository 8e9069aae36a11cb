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
import type { DialSource } from '../../shared/links/dial-confirmation';
import { urlOrigin } from '../../shared/core/origin-policy';
import {
  decideLinkNavigation,
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
  setWindowOpenHandler(handler: (details: { url: string; referrer?: { url: string } }) => WindowOpenHandlerResponse): void;
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
  outcome: 'denied' | 'allowed-in-app' | 'opened-externally' | 'dial-asked-in-app';
  reason: string;
}

export interface NavigationGuardContext {
  profile: Profile;
  mode: ViewMode;
  /** The profile's partition; in-app popups share it so SSO cookies reach the vendor client. */
  partition: string;
  openExternal(url: string): void;
  /** A dial link from this view: the dialer asks the agent before anything is dialled. */
  dial(url: string, source: DialSource): void;
  log(entry: NavigationLogEntry): void;
  /** The clock for the mailto: throttle (tests pass their own). */
  now?: () => number;
}

/** mailto: handed to the OS from one view at most this often: a frame cannot flood the mail app. */
export const MAILTO_INTERVAL_MS = 5_000;

function guard(
  contents: GuardedContents,
  profile: string | null,
  decide: (url: string, isMainFrame: boolean) => NavigationDecision,
  log: (entry: NavigationLogEntry) => void,
  /** Same-window links to dial and mailto: schemes; true when it handled (and so denied) the URL. */
  link?: (url: string, event: NavigationEventName, isMainFrame: boolean) => boolean,
): void {
  const listener = (event: NavigationEventName) => (details: NavigationEventLike) => {
    // 'will-navigate' is main-frame only; a frame event without the flag is judged by the
    // stricter main-frame rules.
    const isMainFrame = event === 'will-navigate' || details.isMainFrame !== false;
    // A link scheme is handled once, at 'will-frame-navigate' (which Electron emits first, for
    // every frame) and the navigation cancelled; 'will-navigate' then never comes.
    if (link && event !== 'will-redirect' && link(details.url, event, isMainFrame)) return details.preventDefault();
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
  const now = ctx.now ?? Date.now;
  let lastMailto = Number.NEGATIVE_INFINITY;
  /** mailto: opens a draft in the agent's mail app (nothing is sent without them); throttled per view. */
  const mailto = (url: string, entry: Omit<NavigationLogEntry, 'outcome' | 'reason'>): void => {
    const at = now();
    if (at - lastMailto < MAILTO_INTERVAL_MS) {
      ctx.log({ ...entry, outcome: 'denied', reason: `mailto: link refused: at most one every ${MAILTO_INTERVAL_MS} ms from a view` });
      return;
    }
    lastMailto = at;
    ctx.log({ ...entry, outcome: 'opened-externally', reason: 'mailto: link handed to the OS mail app after the scheme check' });
    // electronegativity-allow OPEN_EXTERNAL_JS_CHECK: mailto: only, checked by decideLinkNavigation, throttled per view
    ctx.openExternal(url);
  };

  const link = (url: string, event: NavigationEventName, isMainFrame: boolean): boolean => {
    const decision = decideLinkNavigation(url);
    if (!decision) return false;
    const entry = { profile: profile.id, event, url: describeUrl(url), mainFrame: isMainFrame } as const;
    if (decision.action === 'deny') ctx.log({ ...entry, outcome: 'denied', reason: decision.reason });
    else if (decision.action === 'open-external') mailto(decision.url, entry);
    else {
      ctx.log({ ...entry, outcome: 'dial-asked-in-app', reason: 'dial link: the agent is asked in the shell window, the OS never sees it' });
      // Electron's navigation event does not say which frame's document started it: the view is named.
      ctx.dial(decision.url, { kind: 'view', profile: profile.id, via: 'navigation', origin: null });
    }
    return true;
  };
  guard(contents, profile.id, (url, isMainFrame) => decideNavigation({ url, isMainFrame, profile, mode }), ctx.log, link);

  contents.setWindowOpenHandler(({ url, referrer }) => {
    const decision = decideWindowOpen({ url, profile });
    const entry = { profile: profile.id, event: 'window-open', url: describeUrl(url), mainFrame: null } as const;
    switch (decision.action) {
      case 'allow-in-app':
        ctx.log({ ...entry, outcome: 'allowed-in-app', reason: 'sign-in popup of this profile' });
        return { action: 'allow', overrideBrowserWindowOptions: { webPreferences: { ...popupWebPreferences } } };
      case 'dial-in-app': {
        ctx.log({ ...entry, outcome: 'dial-asked-in-app', reason: 'dial link: the agent is asked in the shell window, the OS never sees it' });
        // The referrer is the opening frame's URL as its referrer policy lets it out (origin at most here).
        const origin = referrer?.url ? (urlOrigin(referrer.url) ?? null) : null;
        ctx.dial(decision.url, { kind: 'view', profile: profile.id, via: 'window-open', origin });
        return { action: 'deny' };
      }
      case 'open-external':
        if (decision.url.startsWith('mailto:')) {
          mailto(decision.url, entry);
          return { action: 'deny' };
        }
        ctx.log({ ...entry, outcome: 'opened-externally', reason: 'link handed to the OS after the scheme check' });
        // electronegativity-allow OPEN_EXTERNAL_JS_CHECK: http(s) only, as decideWindowOpen passed it (scheme allowlist, no credentials, no controls, length cap)
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
