/**
 * What a profile means once the vendor's defaults fill its gaps: the origins it accepts, how its
 * view loads the vendor, where from, and where commands are posted to.
 */
import { DEMO_URL } from '../app-urls';
import type { Profile } from '../contract/profile';
import type { VendorAdapter } from '../vendors/adapter';
import { ADAPTERS } from '../vendors/registry';
import { urlOrigin } from './origin-policy';

/**
 * The origins a profile accepts: its configured list, else the vendor's defaults — plus, always,
 * the origin of the vendor URL it loads (a tenant-specific AICC or ExpertFlow host needs no
 * separate allow-list entry to be trusted for what it loads itself).
 */
export function effectiveOrigins(profile: Profile, adapter: VendorAdapter = ADAPTERS[profile.vendor]): readonly string[] {
  const listed = profile.allowedOrigins.length > 0 ? profile.allowedOrigins : adapter.defaultOrigins;
  const own = vendorTargetOrigin(profile);
  return own && !listed.includes(own) ? [...listed, own] : listed;
}

export function effectiveMode(profile: Profile): 'framed' | 'direct' {
  return profile.mode ?? ADAPTERS[profile.vendor].defaultMode;
}

/**
 * The demo always loads the page the app ships; other vendors load what the profile names, in
 * the URL parser's normalized form (so what is framed is exactly what was validated).
 */
export function vendorUrl(profile: Profile): string | undefined {
  if (profile.vendor === 'demo') return DEMO_URL;
  return profile.url !== undefined && URL.canParse(profile.url) ? new URL(profile.url).href : undefined;
}

/**
 * The exact origin commands are posted to (never '*'): the origin of the vendor URL, as the URL
 * parser gives it. Undefined when there is no URL, in which case no command can be delivered.
 */
export function vendorTargetOrigin(profile: Profile): string | undefined {
  const url = vendorUrl(profile);
  return url === undefined ? undefined : urlOrigin(url);
}
