/**
 * Where a profile view's frames may go, which popups stay in the app, and which links are handed
 * to the OS browser (DESIGN.md §5). Pure: URLs are parsed with the WHATWG parser and origins are
 * checked with the shared origin policy, never by string prefix.
 */
import { APP_HOSTS, APP_ORIGINS } from '../../shared/app-urls';
import type { Profile } from '../../shared/contract/profile';
import { compileOriginPolicy, urlOrigin, type OriginVerdict } from '../../shared/core/origin-policy';
import { effectiveOrigins, vendorTargetOrigin } from '../../shared/core/profile-defaults';
import { isDialLink } from '../../shared/links/dial-link';

export type ViewMode = 'framed' | 'direct';
export type NavigationDecision = { allow: boolean; reason: string };
export type WindowOpenDecision =
  | { action: 'allow-in-app' }
  | { action: 'open-external'; url: string }
  | { action: 'dial-in-app'; url: string }
  | { action: 'deny'; reason: string };
/** A same-window navigation to a link scheme: a dial asks in-app, mail goes to the OS. */
export type LinkNavigationDecision = { action: 'open-external'; url: string } | { action: 'dial-in-app'; url: string } | { action: 'deny'; reason: string };

/**
 * What the OS may be asked to open. Dial schemes (dial-link.ts: tel:, callto:, sip:, sips:) are
 * never among them: the OS would hand them straight back to Switchboard, its registered dialer,
 * as if the agent had clicked them in another app. They are dialled in-app, after asking.
 */
const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const MAX_EXTERNAL_URL = 2048;


/** app://host/profile/<id> for exactly this profile. The fragment is ignored: it never leaves the document. */
export function isHostPageUrl(text: string, profile: Profile): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (
    urlOrigin(text) === APP_ORIGINS.host &&
    url.pathname === `/profile/${encodeURIComponent(profile.id)}` &&
    url.search === ''
  );
}

/**
 * Our load-failure page for this profile, app://host/error/<id>. Another profile's error page is
 * not this view's to show: it describes that profile's failed URL.
 */
export function isErrorPageUrl(text: string, profile: Profile): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return urlOrigin(text) === APP_ORIGINS.host && url.pathname === `/error/${encodeURIComponent(profile.id)}` && url.search === '';
}

const policies = new WeakMap<Profile, (origin: string) => OriginVerdict>();

/** The profile's allowed origins, compiled once per profile object (its verdict cache then helps). */
export function originPolicyFor(profile: Profile): (origin: string) => OriginVerdict {
  let policy = policies.get(profile);
  if (!policy) {
    policy = compileOriginPolicy(effectiveOrigins(profile));
    policies.set(profile, policy);
  }
  return policy;
}


/**
 * authHosts entries are host names; "*.example.com" means any subdomain at any depth but not
 * example.com itself. Only https on the default port: identity providers do not need more.
 */
export function isAuthHostUrl(url: URL, profile: Profile): boolean {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname;
  return profile.authHosts.some((entry) => {
    if (!entry.startsWith('*.')) return host === entry;
    const suffix = entry.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  });
}

/**
 * Web content the profile may show: its allowed origins, its vendor URL's origin, its auth hosts.
 * Our own app: origins only count when they are this profile's vendor page (the demo), so a
 * configured pattern like "app://*" cannot pull the shell or another profile's page into a view.
 */
function isProfileContent(url: URL, text: string, profile: Profile): string | undefined {
  if (isAuthHostUrl(url, profile)) return 'auth host';
  const origin = urlOrigin(text);
  if (origin === undefined) return undefined;
  const own = vendorTargetOrigin(profile);
  if (own !== undefined && compileOriginPolicy([own])(origin).ok) return "the vendor URL's origin";
  if (url.protocol === 'app:') return undefined;
  if ((url.protocol === 'https:' || url.protocol === 'http:') && originPolicyFor(profile)(origin).ok) return 'allowed origin';
  return undefined;
}

export function decideNavigation(req: { url: string; isMainFrame: boolean; profile: Profile; mode: ViewMode }): NavigationDecision {
  const { url: text, isMainFrame, profile, mode } = req;
  const frame = isMainFrame ? 'main frame' : 'sub frame';
  if (!URL.canParse(text)) return { allow: false, reason: `${frame} navigation denied: not a valid URL` };
  const url = new URL(text);
  const target = describeUrl(text);

  if (url.protocol === 'about:') {
    const blank = url.pathname === 'blank' && url.search === '';
    return blank && !isMainFrame
      ? { allow: true, reason: 'sub frame may be about:blank' }
      : { allow: false, reason: `${frame} navigation to ${target} denied: only sub frames may be about:blank` };
  }
  if (!['https:', 'http:', 'app:'].includes(url.protocol)) {
    return { allow: false, reason: `${frame} navigation to ${target} denied: scheme ${url.protocol} is never navigable` };
  }
  if (isMainFrame && isErrorPageUrl(text, profile)) return { allow: true, reason: 'our error page' };
  if (isMainFrame && mode === 'framed') {
    return isHostPageUrl(text, profile)
      ? { allow: true, reason: "this profile's host page" }
      : { allow: false, reason: `main frame navigation to ${target} denied: a framed view's top frame stays on its host page` };
  }
  const why = isProfileContent(url, text, profile);
  return why
    ? { allow: true, reason: why }
    : { allow: false, reason: `${frame} navigation to ${target} denied: not an allowed origin, the vendor URL or an auth host of this profile` };
}

/** Why a URL may not leave the view (to the OS or the dialer), or its parsed form. */
function checkLinkUrl(text: string, what: string): { url: URL } | { deny: string } {
  if (text.length > MAX_EXTERNAL_URL) return { deny: `${what} denied: URL longer than ${MAX_EXTERNAL_URL} characters` };
  if (hasUnsafeChars(text)) return { deny: `${what} denied: URL contains whitespace or control characters` };
  if (!URL.canParse(text)) return { deny: `${what} denied: not a valid URL` };
  const url = new URL(text);
  if (url.username !== '' || url.password !== '') return { deny: `${what} denied: URL carries credentials (user:pass@)` };
  return { url };
}

/**
 * A frame of the view navigates itself to a dial or mailto: link (a plain <a href="tel:…">, or
 * `location = 'tel:…'`). Such a navigation never loads anything; Electron would hand it to the
 * session's 'openExternal' permission (shell/browser/electron_browser_client.cc,
 * HandleExternalProtocol), which is denied. Returns null for every other URL: the navigation
 * rules decide those.
 */
export function decideLinkNavigation(text: string): LinkNavigationDecision | null {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'mailto' && !isDialLink(text)) return null;
  const checked = checkLinkUrl(text, 'link');
  if ('deny' in checked) return { action: 'deny', reason: checked.deny };
  return scheme === 'mailto' ? { action: 'open-external', url: checked.url.href } : { action: 'dial-in-app', url: text };
}

export function decideWindowOpen(req: { url: string; profile: Profile }): WindowOpenDecision {
  const { url: text, profile } = req;
  const checked = checkLinkUrl(text, 'popup');
  if ('deny' in checked) return { action: 'deny', reason: checked.deny };
  const { url } = checked;
  if (isDialLink(text)) return { action: 'dial-in-app', url: text };

  if (isAuthHostUrl(url, profile)) return { action: 'allow-in-app' };
  // RingCentral's OAuth popup is served from the widget's own origin; it must keep window.opener
  // to hand the code back, so it cannot go to the OS browser.
  const own = vendorTargetOrigin(profile);
  if (
    url.protocol === 'https:' &&
    own !== undefined &&
    compileOriginPolicy([own])(url.origin).ok &&
    url.pathname.toLowerCase().includes('authorize')
  ) {
    return { action: 'allow-in-app' };
  }
  if (EXTERNAL_SCHEMES.has(url.protocol)) return { action: 'open-external', url: url.href };
  return { action: 'deny', reason: `popup denied: scheme ${url.protocol} is not opened outside the app` };
}

/**
 * Whitespace, controls and invisible format characters (zero-width, bidi overrides): what OS URL
 * handlers split arguments on or mis-parse, and what hides the real target from the agent.
 */
function hasUnsafeChars(text: string): boolean {
  return /[\s\p{Cc}\p{Cf}]/u.test(text);
}

/** The shell window shows our own UI and nothing else. */
export function decideShellNavigation(text: string): NavigationDecision {
  const origin = urlOrigin(text);
  return origin === APP_ORIGINS.shell
    ? { allow: true, reason: 'shell page' }
    : { allow: false, reason: `shell navigation to ${describeUrl(text)} denied: the shell only shows app://${APP_HOSTS.shell} pages` };
}

/**
 * How a URL appears in logs: origin and path only. Queries carry OAuth codes and state, and
 * mailto:/tel: carry customers' addresses and numbers, so those are reduced to their scheme.
 */
export function describeUrl(text: string): string {
  if (!URL.canParse(text)) return '(invalid URL)';
  const url = new URL(text);
  if (url.protocol === 'about:') return `about:${url.pathname}`;
  const origin = urlOrigin(text);
  const shown = origin !== undefined && url.protocol !== 'blob:' ? `${origin}${url.pathname}` : `${url.protocol}…`;
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
