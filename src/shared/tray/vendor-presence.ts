/**
 * What the tray may offer per vendor: the agent states its adapter can set, and the reason it
 * cannot set the others. The adapters' own `unsupported(...)` texts are written for logs (long,
 * in the vendor's vocabulary); a menu needs a short sentence, so the tray words its own here.
 */
import type { AgentState, VendorId } from '../contract/shell-event';
import { ADAPTERS } from '../vendors/registry';

/** Short vendor names for menu text ("RingCentral has no Away state"). */
const SHORT_NAMES: Readonly<Record<VendorId, string>> = {
  'ringcentral-embeddable': 'RingCentral',
  'engage-digital': 'Engage Digital',
  ucontact: 'uContact',
  'huawei-aicc': 'Huawei AICC',
  expertflow: 'ExpertFlow',
  demo: 'The demo softphone',
};

/** Why a vendor without a setState command cannot have its presence set from the tray. */
const NO_PRESENCE: Partial<Record<VendorId, string>> = {
  'engage-digital': 'Engage Digital has no presence commands in its embedded UI',
  ucontact: "uContact's Events API has no presence commands",
  // vendors.md §4.4: ready/busy/rest are CC-Gateway REST calls needing the bar's sign-in Guid.
  'huawei-aicc': 'Huawei AICC sets presence only through its own CC-Gateway session',
};

const NONE: readonly AgentState[] = [];

/** States the vendor's adapter can put the agent in; empty when it has no setState at all. */
export function settableStates(vendor: VendorId): readonly AgentState[] {
  return ADAPTERS[vendor].commands.setState?.states ?? NONE;
}

/** For a vendor with no setState: why (shown beside "Presence is set in the vendor's own window"). */
export function noPresenceReason(vendor: VendorId): string {
  return NO_PRESENCE[vendor] ?? `${SHORT_NAMES[vendor]} has no presence commands`;
}

/** For one state a vendor with setState cannot be put in. */
export function cannotSetReason(vendor: VendorId, stateLabel: string): string {
  return `${SHORT_NAMES[vendor]} has no ${stateLabel} state`;
}
