/**
 * What a profile means once the vendor's defaults fill its gaps: the origins it accepts, how its
 * view loads the vendor, where from, and where commands are posted to.
 */
import { DEMO_URL } from '../app-urls';
import type { Profile } from '../contract/profile';
import type { VendorAdapter } from '../vendors/adapter';
import { ADAPTERS } from '../vendors/registry';

export function effectiveOrigins(profile: Profile, adapter: VendorAdapter = ADAPTERS[profile.vendor]): readonly string[] {
  return profile.allowedOrigins.length > 0 ? profile.allowedOrigins : adapter.defaultOrigins;
}

export function effectiveMode(profile: Profile): 'framed' | 'direct' {
  return profile.mode ?? ADAPTERS[profile.vendor].defaultMode;
}

/** The demo always loads the page the app ships; other vendors load what the profile names. */
export function vendorUrl(profile: Profile): string | undefined {
  return profile.vendor === 'demo' ? DEMO_URL : profile.url;
}

/**
 * The exact origin commands are posted to (never '*'): the origin of the vendor URL. Undefined
 * when there is no URL, in which case no command can be delivered.
 */
export function vendorTargetOrigin(profile: Profile): string | undefined {
  const url = vendorUrl(profile);
  if (!url) return undefined;
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(url);
  return m?.[1]?.toLowerCase();
}
