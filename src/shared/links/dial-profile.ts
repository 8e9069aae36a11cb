/**
 * Which profile a tel:/callto:/sip: link dials through. The agent (settings `dialProfile`) or IT
 * (a policy profile with `default: true`) names one; otherwise the first profile that can dial.
 */
import type { Profile } from '../contract/profile';
import type { VendorId } from '../contract/shell-event';

/**
 * Vendors that can dial a bare number handed over by a link. uContact also has a dial command,
 * but only within a campaign, which a link does not name; the others have no dial command.
 */
export const LINK_DIAL_VENDORS: readonly VendorId[] = ['ringcentral-embeddable', 'huawei-aicc', 'demo'];

export const canDialLinks = (vendor: VendorId): boolean => LINK_DIAL_VENDORS.includes(vendor);

export const NO_DIAL_PROFILE =
  'No profile can place calls: add a RingCentral, Huawei AICC or demo profile, or mark one as the default softphone.';

export type DialProfileChoice = { profile: Profile; note?: string } | { error: string };

/**
 * The profile named by `preferredId` when it exists and can dial; else the first profile that
 * can, with a note saying why the named one was passed over (the agent should know).
 */
export function chooseDialProfile(profiles: readonly Profile[], preferredId?: string | null): DialProfileChoice {
  let note: string | undefined;
  if (preferredId) {
    const preferred = profiles.find((p) => p.id === preferredId);
    if (preferred && canDialLinks(preferred.vendor)) return { profile: preferred };
    note = preferred
      ? `The default softphone "${preferred.name}" cannot place calls from links (${preferred.vendor}).`
      : `The default softphone profile "${preferredId}" does not exist.`;
  }
  const first = profiles.find((p) => canDialLinks(p.vendor));
  if (!first) return { error: note ? `${note} ${NO_DIAL_PROFILE}` : NO_DIAL_PROFILE };
  return note ? { profile: first, note: `${note} Dialing through "${first.name}" instead.` } : { profile: first };
}
