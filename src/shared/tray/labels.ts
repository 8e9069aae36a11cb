/**
 * Words the tray shows: state names and expiry times. English only for now, like the rest of the
 * shell UI. Times use local Date methods and a fixed 24-hour format rather than toLocale*, so the
 * menu reads the same on every machine and tests do not depend on the ICU data Node ships with.
 */
import type { TrayState } from '../contract/effects';
import type { AgentState, VendorId } from '../contract/shell-event';

export const TRAY_STATE_LABELS: Readonly<Record<TrayState, string>> = {
  available: 'Available',
  ringing: 'Ringing',
  'on-call': 'On call',
  busy: 'Busy',
  'wrap-up': 'Wrap-up',
  away: 'Away',
  dnd: 'Do not disturb',
  offline: 'Offline',
};

/** Every AgentState is also a TrayState, with the same words. */
export const AGENT_STATE_LABELS: Readonly<Record<AgentState, string>> = TRAY_STATE_LABELS;

/**
 * Vendors whose state means something other than its name: RingCentral's userStatus "Offline"
 * only hides the agent's presence, calls still ring; RingCentral's own widgets name it Invisible
 * (ringcentral/ringcentral-js-widgets packages/ringcentral-widgets/lib/getPresenceStatusName/i18n/en-US.ts).
 */
const VENDOR_STATE_LABELS: Readonly<Partial<Record<VendorId, Partial<Record<AgentState, string>>>>> = {
  'ringcentral-embeddable': { offline: 'Invisible (calls still ring)' },
};

/** The words for choosing (or showing as chosen) `state` of a `vendor` profile, in the tray and the header. */
export function agentStateLabel(vendor: VendorId, state: AgentState): string {
  return VENDOR_STATE_LABELS[vendor]?.[state] ?? AGENT_STATE_LABELS[state];
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Local calendar day as a day count: built from local y/m/d, so a 23- or 25-hour DST day still counts as one. */
function dayIndex(d: Date): number {
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

/**
 * `at` as seen from `now`: "14:30" today, "tomorrow 08:00", otherwise "Tue 08:00" (DND never
 * lasts more than two days, so a weekday is unambiguous).
 */
export function formatWhen(at: number, now: number): string {
  const when = new Date(at);
  const clock = `${pad2(when.getHours())}:${pad2(when.getMinutes())}`;
  const days = dayIndex(when) - dayIndex(new Date(now));
  if (days === 0) return clock;
  if (days === 1) return `tomorrow ${clock}`;
  return `${WEEKDAYS[when.getDay()] ?? ''} ${clock}`;
}
