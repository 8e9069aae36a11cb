/**
 * "Set all to Available / Break / Away / Offline", optionally for a while ("Break for 15 min,
 * then back to what it was"). Each choice is put to every profile in the nearest state its
 * vendor's adapter can set (`commands.setState.states`, src/shared/vendors/*): a Break is Away
 * where the vendor has Away (ExpertFlow NOT_READY) and Busy where it has only Busy (RingCentral,
 * the demo). Profiles whose vendor Switchboard cannot set are named, with where to set it, in
 * plain words. Pure: main (src/main/app/presence-all-wiring.ts) runs the commands and the clock.
 */
import type { AgentState, VendorId } from '../contract/shell-event';
import { ADAPTERS } from '../vendors/registry';

export const SET_ALL_CHOICES = ['available', 'break', 'away', 'offline'] as const;
export type SetAllChoice = (typeof SET_ALL_CHOICES)[number];

export const SET_ALL_LABELS: Readonly<Record<SetAllChoice, string>> = { available: 'Available', break: 'Break', away: 'Away', offline: 'Offline' };

/** Durations offered, in minutes; null: until the agent changes it. */
export const SET_ALL_MINUTES = [null, 15, 30, 60] as const;

/** Vendor states that mean each choice, best first. */
const WANTED: Readonly<Record<SetAllChoice, readonly AgentState[]>> = {
  available: ['available'],
  break: ['away', 'busy'],
  away: ['away', 'busy'],
  offline: ['offline'],
};

/** Plain words for a vendor state the agent is put in. */
export const STATE_WORDS: Readonly<Record<AgentState, string>> = {
  available: 'Available',
  busy: 'Busy',
  'wrap-up': 'Wrap-up',
  away: 'Away',
  dnd: 'Do not disturb',
  offline: 'Offline',
};

const VENDOR_NAMES: Readonly<Record<VendorId, string>> = {
  'ringcentral-embeddable': 'RingCentral',
  'engage-digital': 'Engage Digital',
  ucontact: 'uContact',
  'huawei-aicc': 'Huawei AICC',
  expertflow: 'ExpertFlow',
  demo: 'the demo softphone',
};

export interface PresenceTarget {
  id: string;
  name: string;
  vendor: VendorId;
  /** What the vendor last said the agent is, if anything (presence.ts). */
  agentState: AgentState | null;
}

export type SetAllStep =
  | { profile: string; name: string; state: AgentState; previous: AgentState | null }
  | { profile: string; name: string; cannot: string };

const settable = (vendor: VendorId): readonly AgentState[] => ADAPTERS[vendor].commands.setState?.states ?? [];

/** "Switchboard cannot change your status in Chat desk (Engage Digital): set it there, in Engage Digital's own window." */
export function cannotFollowText(name: string, vendor: VendorId, choice: SetAllChoice): string {
  const vendorName = VENDOR_NAMES[vendor];
  if (settable(vendor).length === 0) return `Switchboard cannot change your status in ${name} (${vendorName}): open ${name} and set it in ${vendorName}'s own status menu.`;
  return `${vendorName} has no ${SET_ALL_LABELS[choice]} status: open ${name} and choose the status you want in ${vendorName}'s own menu.`;
}

/** Beside a profile whose status Switchboard cannot set: what to do instead, in plain words. */
export function setItThereText(name: string, vendor: VendorId): string {
  const vendorName = VENDOR_NAMES[vendor];
  return `Switchboard cannot change this status: open ${name} and set it in ${vendorName}'s own status menu.`;
}

/** What "Set all to `choice`" does to each profile, in the rail's order. */
export function planSetAll(profiles: readonly PresenceTarget[], choice: SetAllChoice): SetAllStep[] {
  return profiles.map((p) => {
    const state = WANTED[choice].find((s) => settable(p.vendor).includes(s));
    if (!state) return { profile: p.id, name: p.name, cannot: cannotFollowText(p.name, p.vendor, choice) };
    return { profile: p.id, name: p.name, state, previous: p.agentState };
  });
}

/** Whether this vendor can be told Do not disturb (RingCentral's DoNotAcceptAnyCalls, the demo). */
export const takesDnd = (vendor: VendorId): boolean => settable(vendor).includes('dnd');

/**
 * When a set-all with a duration ends, each profile goes back to what it was, if Switchboard can
 * set that state and the agent has not changed it since (the vendor still reports what we set).
 */
export function planRestore(steps: readonly SetAllStep[], now: readonly PresenceTarget[]): Array<{ profile: string; state: AgentState }> {
  const out: Array<{ profile: string; state: AgentState }> = [];
  for (const step of steps) {
    if ('cannot' in step || step.previous === null || step.previous === step.state) continue;
    const current = now.find((p) => p.id === step.profile);
    if (!current || (current.agentState !== null && current.agentState !== step.state)) continue; // changed since: theirs
    if (settable(current.vendor).includes(step.previous)) out.push({ profile: step.profile, state: step.previous });
  }
  return out;
}
