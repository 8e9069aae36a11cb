/**
 * Custom schemes. Electron lets an app register `app:` as standard and secure before `ready`
 * (protocol.registerSchemesAsPrivileged; shell/browser/api/electron_api_protocol.cc throws
 * "should be called before app is ready" afterwards, :362-369), and each session then serves it from its
 * own handler. Debian's Chromium has no way to register a scheme, so the model gives each
 * standard custom-scheme host a stand-in origin Chromium treats the same way (its own origin,
 * its own site, a secure context):
 *
 *     app://shell/index.html   ⇄   https://app-shell.localhost/index.html
 *
 * The page sees the stand-in; main sees app:// everywhere, because every value crossing between
 * the two (URLs in events and frames, IPC payloads, the bodies and headers our handler serves) is
 * translated here, both ways. A scheme that was not registered as standard has no stand-in and
 * cannot load, as in Electron, where it would get opaque origins and break relative URLs.
 */

export interface SchemePrivileges {
  standard?: boolean;
  secure?: boolean;
  supportFetchAPI?: boolean;
  stream?: boolean;
  corsEnabled?: boolean;
  bypassCSP?: boolean;
  allowServiceWorkers?: boolean;
  codeCache?: boolean;
}

const privileged = new Map<string, SchemePrivileges>();
const STAND_IN_SUFFIX = '.localhost';

export function registerPrivileged(scheme: string, privileges: SchemePrivileges): void {
  privileged.set(scheme, { ...privileges });
}

export function privilegesOf(scheme: string): SchemePrivileges | undefined {
  return privileged.get(scheme);
}

/** Standard custom schemes, the only ones that get a stand-in origin. */
function mapped(): string[] {
  return [...privileged.entries()].filter(([, p]) => p.standard === true).map(([s]) => s);
}

const HOST = '[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?';

/** app://host… → https://app-host.localhost… in any string (URLs, CSP, HTML, JSON). */
export function toPage(text: string): string {
  let out = text;
  for (const scheme of mapped()) {
    out = out.replace(new RegExp(`${escape(scheme)}://(${HOST})`, 'gi'), (_m, host: string) => `https://${scheme}-${host.toLowerCase()}${STAND_IN_SUFFIX}`);
  }
  return out;
}

/** https://app-host.localhost… → app://host… in any string. */
export function toMain(text: string): string {
  let out = text;
  for (const scheme of mapped()) {
    out = out.replace(new RegExp(`https://${escape(scheme)}-(${HOST})${escape(STAND_IN_SUFFIX)}(?::443)?`, 'gi'), (_m, host: string) => `${scheme}://${host.toLowerCase()}`);
  }
  return out;
}

/** The custom scheme a page-side URL stands in for, if it is a stand-in. */
export function standInScheme(pageUrl: string): string | undefined {
  const back = toMain(pageUrl);
  if (back === pageUrl) return undefined;
  return back.slice(0, back.indexOf(':'));
}

/** Deep copy of an IPC payload with every string translated (plain data only). */
export function deepMap(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, map));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, map)]));
  }
  return value;
}

/** Content types whose body may name our origins and is rewritten when served. */
export function isTextual(contentType: string): boolean {
  return /^(text\/|application\/(javascript|json|xml|xhtml\+xml)|image\/svg\+xml)/i.test(contentType);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
