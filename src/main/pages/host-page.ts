/**
 * The per-profile host page (app://host/profile/<id>): a static document holding only the vendor
 * iframe. It runs no script of its own — the capture bridge is the view's preload — so its CSP
 * can forbid scripts entirely, and everything profile-specific is escaped into attributes here.
 */
import { APP_ORIGINS, hostPageUrl } from '../../shared/app-urls';
import type { Profile } from '../../shared/contract/profile';
import { vendorTargetOrigin, vendorUrl } from '../../shared/core/profile-defaults';
import { csp, escapeHtml } from './html';

/** Names vendor scripts and docs address the frame by (vendors.md §3.1, §4.2). */
const FRAME_NAMES: Partial<Record<Profile['vendor'], string>> = { 'huawei-aicc': 'ccbarclient', ucontact: 'uContact' };

/**
 * RC's adapter uses these tokens (vendors.md §1.1); allow-popups-to-escape-sandbox lets the
 * OAuth popup run normally. No allow-top-navigation: the vendor can never navigate our page.
 */
const SANDBOX = 'allow-same-origin allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals';

export function frameAllow(profile: Profile): string {
  const features = ['autoplay', 'clipboard-write', 'speaker-selection'];
  if (profile.media.audio) features.unshift('microphone');
  if (profile.media.video) features.unshift('camera');
  return features.join('; ');
}

export interface RenderedPage {
  html: string;
  csp: string;
}

const PAGE_CSP_BASE = {
  'default-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="${APP_ORIGINS.host}/host.css"></head>
<body>${body}</body>
</html>
`;
}

export function renderHostPage(profile: Profile): RenderedPage {
  const url = vendorUrl(profile);
  const origin = vendorTargetOrigin(profile);
  if (!url || !origin) {
    return renderNotice(profile, 'No vendor URL', `The profile “${profile.name}” has no URL configured. Add one in Settings.`);
  }
  const name = FRAME_NAMES[profile.vendor] ?? `vendor-${profile.vendor}`;
  const iframe =
    `<iframe id="vendor" name="${escapeHtml(name)}" title="${escapeHtml(profile.name)}" src="${escapeHtml(url)}" ` +
    `allow="${escapeHtml(frameAllow(profile))}" sandbox="${SANDBOX}" referrerpolicy="strict-origin"></iframe>`;
  return { html: page(profile.name, iframe), csp: csp({ ...PAGE_CSP_BASE, 'frame-src': [origin] }) };
}

/** A plain page with a message and, when given, a retry link (no script needed to retry). */
export function renderNotice(profile: Profile, heading: string, message: string, retryUrl?: string): RenderedPage {
  const retry = retryUrl ? `<p><a class="retry" href="${escapeHtml(retryUrl)}">Try again</a></p>` : '';
  const body = `<main class="notice"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>${retry}</main>`;
  return { html: page(`${profile.name}: ${heading}`, body), csp: csp(PAGE_CSP_BASE) };
}

export function renderLoadError(profile: Profile, failure: { code: number; description: string; url: string }, retryUrl: string): RenderedPage {
  return renderNotice(
    profile,
    `${profile.name} could not load`,
    `${failure.description || 'The page failed to load'} (error ${failure.code}) while loading ${failure.url}.`,
    retryUrl,
  );
}

/**
 * The host page's chrome and notices (load errors, no URL) use the shell's colour roles
 * (src/renderer/shell/styles/theme.css) and follow prefers-color-scheme, which main drives
 * through nativeTheme.themeSource (electron/electron docs/api/native-theme.md). The vendor's
 * iframe keeps a white backdrop: its page decides its own colours.
 */
export const HOST_CSS = `:root { color-scheme: light; --page: #f6f7f9; --surface: #fff; --ink: #1b1f24; --line: #d5d9e0; --accent: #0b5cad; --on-accent: #fff; --focus: #f0a500; }
@media (prefers-color-scheme: dark) { :root { color-scheme: dark; --page: #13171d; --surface: #1a1f26; --ink: #e6e9ee; --line: #343c47; --accent: #7cb3ff; --on-accent: #0a1628; } }
html, body { margin: 0; height: 100%; overflow: hidden; font: 14px system-ui, sans-serif; color: var(--ink); background: var(--page); }
iframe#vendor { border: 0; width: 100%; height: 100%; display: block; background: #fff; }
.notice { max-width: 36rem; margin: 15vh auto; padding: 1.5rem 2rem; background: var(--surface); border: 1px solid var(--line); border-radius: 8px; overflow-wrap: anywhere; }
.notice h1 { font-size: 1.2rem; margin: 0 0 .75rem; }
.retry { display: inline-block; padding: .45rem 1rem; border-radius: 6px; background: var(--accent); color: var(--on-accent); text-decoration: none; }
.retry:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;

export { hostPageUrl };
