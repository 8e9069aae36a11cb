/**
 * Which origin patterns an agent or IT may configure (a profile's allowedOrigins, in settings,
 * the policy file and replay --config). The matcher (src/shared/core/origin-policy.ts) reads
 * every well-formed pattern; these are the ones worth trusting vendor messages from:
 *
 *   - https:// only; http:// only for this machine (localhost, 127.0.0.1, [::1]: simulators and
 *     local development), the same rule as vendor URLs (isVendorUrl). file:, javascript:, data:,
 *     ws:, app: and every other scheme are refused: they name no vendor's web origin;
 *   - a named host, never a whole scheme ("https://*" trusts every web site);
 *   - "*.domain" only below a registrable domain: "*.co.uk", "*.com" or "*.github.io" would
 *     trust sites of every owner under that public suffix. Which suffixes are public comes from
 *     the Public Suffix List through tldts (a maintained, pure-JS copy of the list with no
 *     network or Node API use, so it runs here in src/shared, in main and in the shell UI's
 *     bundle); its private section counts too (github.io, s3.amazonaws.com).
 *
 * The built-in vendor defaults (src/shared/vendors, the demo's app://demo) are code, not
 * configuration, and do not pass through here.
 */
import { parse } from 'tldts';
import { clip } from '../text';
import { parseOriginPattern } from '../core/origin-policy';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `text` may not be configured as an allowed origin, or null when it may. */
export function originPatternProblem(text: string): string | null {
  const parsed = parseOriginPattern(text);
  if ('error' in parsed) return parsed.error;
  const quoted = `"${clip(text, 120)}"`;
  const scheme = parsed.kind === 'exact' ? parsed.origin.scheme : parsed.scheme;
  if (scheme !== 'https:' && scheme !== 'http:') return `${quoted}: only https:// origins can be allowed (http:// only for localhost); ${scheme} is not a vendor's web origin`;
  if (parsed.kind === 'any-host') return `${quoted} would allow every ${scheme}// site; name the vendor's host, or "*." and the vendor's own domain`;
  if (scheme === 'http:') {
    if (parsed.kind === 'exact' && LOOPBACK.has(parsed.origin.host)) return null;
    return `${quoted}: http:// is allowed only for localhost, 127.0.0.1 and [::1]; use https://`;
  }
  if (parsed.kind === 'exact') return null;
  const suffix = parsed.suffix.slice(1);
  const info = parse(suffix, { allowPrivateDomains: true });
  if (info.isIp) return `${quoted}: "*." needs a domain name, not an IP address`;
  if (info.domain === null) {
    return `${quoted}: "${suffix}" is a public suffix (anyone can register a name under it), so "*.${suffix}" would match sites of every owner; name the vendor's own domain, such as "*.vendor.${suffix}"`;
  }
  return null;
}
