/**
 * Which origins a profile accepts messages from. Origins are parsed into scheme, host and port and
 * compared part by part — never by string prefix — so `https://apps.ringcentral.com.evil.example`
 * or `https://apps.ringcentral.com@evil.example` can never pass for `https://apps.ringcentral.com`.
 *
 * Pattern forms:
 *   https://apps.ringcentral.com       exactly that origin (port included when not the default)
 *   https://*.digital.ringcentral.com  any subdomain, at any depth, but not the bare domain
 *   https://*                          any origin with that scheme (built-in replay defaults
 *                                      for vendors whose host is tenant-specific)
 *
 * This module reads every well-formed pattern. Which of them a profile may be configured with
 * (https only, no "https://*", no "*." over a public suffix such as "*.co.uk") is decided where
 * profiles are validated, against the Public Suffix List: src/shared/contract/origin-pattern.ts.
 */

import { clip } from '../text';

export interface ParsedOrigin {
  scheme: string;
  host: string;
  port: string;
}

export type OriginPattern =
  | { kind: 'exact'; origin: ParsedOrigin }
  | { kind: 'subdomains'; scheme: string; suffix: string; port: string }
  | { kind: 'any-host'; scheme: string };

const ORIGIN_RE = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'https:': '443', 'http:': '80', 'wss:': '443', 'ws:': '80' };

function isDefaultPort(scheme: string, port: string): boolean {
  return Object.hasOwn(DEFAULT_PORTS, scheme) && DEFAULT_PORTS[scheme] === port;
}

/**
 * Parses a serialized origin as browsers produce it (`event.origin`): lower case, no path, no
 * user info, default port omitted. Anything else is not an origin a browser would report.
 */
export function parseOrigin(text: string): ParsedOrigin | { error: string } {
  if (text === 'null') return { error: 'origin is "null" (sandboxed or file:// frame)' };
  const m = ORIGIN_RE.exec(text);
  if (!m) return { error: `"${clip(text, 120)}" is not a serialized origin (scheme://host[:port], lower case, no path)` };
  const scheme = `${m[1]}:`;
  const port = m[3] ?? '';
  if (port !== '' && isDefaultPort(scheme, port)) {
    return { error: `"${clip(text, 120)}" is not canonical: browsers omit the default port ${port}` };
  }
  return { scheme, host: m[2] ?? '', port };
}

const WILDCARD_RE = /^([a-z][a-z0-9+.-]*):\/\/\*(?:\.([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?))?(?::(\d{1,5}))?$/;

export function parseOriginPattern(text: string): OriginPattern | { error: string } {
  const w = WILDCARD_RE.exec(text);
  if (w) {
    const scheme = `${w[1]}:`;
    const suffix = w[2];
    if (suffix === undefined) {
      if (w[3] !== undefined) return { error: `"${clip(text, 120)}": a port cannot follow a bare "*"` };
      return { kind: 'any-host', scheme };
    }
    const port = w[3] ?? '';
    if (port !== '' && isDefaultPort(scheme, port)) return { error: `"${clip(text, 120)}": drop the default port ${port}` };
    return { kind: 'subdomains', scheme, suffix: `.${suffix}`, port };
  }
  const parsed = parseOrigin(text);
  if ('error' in parsed) return { error: `${parsed.error}; patterns are an origin or scheme://*.domain` };
  return { kind: 'exact', origin: parsed };
}

export function patternMatches(pattern: OriginPattern, origin: ParsedOrigin): boolean {
  switch (pattern.kind) {
    case 'exact':
      return (
        pattern.origin.scheme === origin.scheme && pattern.origin.host === origin.host && pattern.origin.port === origin.port
      );
    case 'subdomains':
      return (
        pattern.scheme === origin.scheme &&
        pattern.port === origin.port &&
        origin.host.length > pattern.suffix.length &&
        origin.host.endsWith(pattern.suffix)
      );
    case 'any-host':
      return pattern.scheme === origin.scheme;
  }
}

/**
 * The origin a URL belongs to, as browsers serialize it. Node's parser gives `app:` URLs the
 * opaque origin "null" because it does not know the scheme; Chromium registers it as a standard
 * scheme, so there it is `app://<host>`, and that is what we must compare against. URLs with
 * user info have no usable origin here (they are how look-alikes are built).
 */
export function urlOrigin(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.origin !== 'null') return url.origin;
  if (url.protocol === 'app:' && url.host !== '') return `app://${url.host}`;
  return undefined;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Compiles patterns once per profile. Verdicts are cached (bounded) because a vendor sends from
 * one or two origins all day and this runs for every captured message.
 */
export function compileOriginPolicy(patterns: readonly string[]): (origin: string) => OriginVerdict {
  const compiled: OriginPattern[] = [];
  for (const p of patterns) {
    const parsed = parseOriginPattern(p);
    // Invalid patterns were already refused where profiles are validated; here they match nothing.
    if (!('error' in parsed)) compiled.push(parsed);
  }
  const cache = new Map<string, OriginVerdict>();
  const allowedText = patterns.length ? patterns.join(', ') : '(none configured)';
  return (origin) => {
    const hit = cache.get(origin);
    if (hit) return hit;
    let verdict: OriginVerdict;
    const parsed = parseOrigin(origin);
    if ('error' in parsed) verdict = { ok: false, reason: `origin rejected: ${parsed.error}` };
    else if (compiled.some((p) => patternMatches(p, parsed))) verdict = { ok: true };
    else verdict = { ok: false, reason: `origin ${clip(origin, 120)} is not allowed for this profile (allowed: ${allowedText})` };
    if (cache.size >= 256) cache.clear();
    cache.set(origin, verdict);
    return verdict;
  };
}
