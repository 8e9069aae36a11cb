/**
 * What an app:// URL serves. Pure, so path traversal, unknown hosts and per-profile pages are
 * tested without Electron. Files come only from the built renderer folder, under a fixed list of
 * hosts, and every response carries a strict CSP.
 */
import { APP_HOSTS, hostPageUrl } from '../../shared/app-urls';
import type { Profile } from '../../shared/contract/profile';
import { HOST_CSS, renderHostPage, renderLoadError } from '../pages/host-page';
import { csp } from '../pages/html';

export type AppResponse =
  | { kind: 'file'; relativePath: string; mime: string; csp: string }
  | { kind: 'text'; body: string; mime: string; csp: string }
  | { kind: 'not-found'; reason: string };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/** Our own UI pages: scripts and styles only from themselves, nothing else. */
export const PAGE_CSP = csp({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // The ringtone (assets/ringtone-*.wav), played by the shell page.
  'media-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
});

/** Which built folder each static host serves (the renderer build keeps the src/renderer tree). */
const STATIC_ROOTS: Readonly<Record<string, string>> = { [APP_HOSTS.shell]: 'shell', [APP_HOSTS.demo]: 'demo' };
/** Built, hashed JS/CSS shared by our pages, referenced as /assets/... from any of them. */
const ASSETS = 'assets';

export interface ResolveContext {
  profiles: ReadonlyMap<string, Profile>;
  /** Last load failure per profile, shown at app://host/error/<id>. */
  failures: ReadonlyMap<string, { code: number; description: string; url: string }>;
}

export function resolveAppRequest(rawUrl: string, ctx: ResolveContext): AppResponse {
  if (!URL.canParse(rawUrl)) return { kind: 'not-found', reason: 'not a URL' };
  const url = new URL(rawUrl);
  if (url.protocol !== 'app:') return { kind: 'not-found', reason: `scheme ${url.protocol}` };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'not-found', reason: 'malformed percent-encoding' };
  }
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    return { kind: 'not-found', reason: 'path traversal' };
  }

  if (url.host === APP_HOSTS.host) return resolveHostPage(segments, ctx);

  const root = Object.hasOwn(STATIC_ROOTS, url.host) ? STATIC_ROOTS[url.host] : undefined;
  if (!root) return { kind: 'not-found', reason: `unknown host ${url.host}` };
  const relativePath = segments[0] === ASSETS ? segments.join('/') : [root, ...(segments.length ? segments : ['index.html'])].join('/');
  const ext = /\.[a-z0-9]+$/.exec(relativePath)?.[0] ?? '';
  const mime = Object.hasOwn(MIME, ext) ? MIME[ext] : undefined;
  if (!mime) return { kind: 'not-found', reason: `no type for "${ext || 'no extension'}"` };
  return { kind: 'file', relativePath, mime, csp: PAGE_CSP };
}

function resolveHostPage(segments: string[], ctx: ResolveContext): AppResponse {
  const html = MIME['.html']!;
  if (segments.length === 1 && segments[0] === 'host.css') return { kind: 'text', body: HOST_CSS, mime: MIME['.css']!, csp: PAGE_CSP };
  const [section, id] = segments;
  const profile = segments.length === 2 && id !== undefined ? ctx.profiles.get(id) : undefined;
  if (!profile) return { kind: 'not-found', reason: 'no such profile page' };
  if (section === 'profile') {
    const page = renderHostPage(profile);
    return { kind: 'text', body: page.html, mime: html, csp: page.csp };
  }
  if (section === 'error') {
    const failure = ctx.failures.get(profile.id) ?? { code: 0, description: 'The page failed to load', url: profile.url ?? '' };
    const page = renderLoadError(profile, failure, hostPageUrl(profile.id));
    return { kind: 'text', body: page.html, mime: html, csp: page.csp };
  }
  return { kind: 'not-found', reason: `unknown page ${section}` };
}
