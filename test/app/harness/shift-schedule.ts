/**
 * A contact-center shift as a list of timed steps, in simulated seconds from the start of the
 * shift, for test/app/long-shift.spec.ts to play against the demo softphone:
 * - a ring every minute, in turn answered then ended (A), declined while ringing (B: a missed
 *   call), or left ringing (C): main's own ring timer closes its toast after the ring timeout
 *   (90 s, the default) and the vendor ends the call a minute after that, so C rings overlap the
 *   next minutes' rings as real ones do;
 * - an inbound chat (SMS) every 20 s;
 * - the agent's DND from the tray: in even hours on at minute 30 and off at minute 50; in odd
 *   hours "For 1 hour" at minute 0, which main's own timer ends an hour later;
 * - the vendor's presence from the softphone, Busy and Available in turn every 20 minutes;
 * - the agent swiping away the minute's chat and missed-call toasts.
 * Gaps between a call's steps are tens of simulated seconds (hundreds of real milliseconds at
 * 120×), so the delivery jitter of a loaded machine cannot reorder them against main's timers.
 * Pure, so the numbers the test expects are read off the same list the test plays.
 */
export const RING_TIMEOUT_S = 90;

export type ShiftStep =
  | { at: number; kind: 'ring'; call: string; turn: 'A' | 'B' | 'C'; caller: Caller }
  | { at: number; kind: 'answer' | 'end'; call: string; turn: 'A' | 'B' | 'C'; caller: Caller; ringAt: number }
  | { at: number; kind: 'chat'; id: string; caller: Caller }
  | { at: number; kind: 'dnd'; item: 'On' | 'For 1 hour' | 'Off' }
  | { at: number; kind: 'presence'; state: 'Busy' | 'Available' }
  | { at: number; kind: 'swipe' }
  | { at: number; kind: 'sample'; hour: number };

export interface Caller {
  name: string;
  number: string;
  queue: string;
}

const CALLERS: readonly Caller[] = [
  { name: 'Jane Doe', number: '+1 650 555 0100', queue: 'Support' },
  { name: 'Omar Haddad', number: '+44 20 7946 0321', queue: 'Sales' },
  { name: 'Li Wei', number: '+86 10 5555 0188', queue: 'Billing' },
];

/** The steps of an `hours`-long shift, sorted by time; a sample at every whole hour, 0 included. */
export function shiftSchedule(hours: number): ShiftStep[] {
  const steps: ShiftStep[] = [];
  for (let hour = 0; hour <= hours; hour++) steps.push({ at: hour * 3600, kind: 'sample', hour });
  for (let minute = 0; minute < hours * 60; minute++) {
    const t = minute * 60;
    const call = `shift-call-${minute}`;
    const turn = (['A', 'B', 'C'] as const)[minute % 3]!;
    const caller = CALLERS[minute % CALLERS.length]!;
    // 1 s after the hour's sample, so a sample is never taken with a call ringing.
    const ringAt = t + 1;
    steps.push({ at: ringAt, kind: 'ring', call, turn, caller });
    if (turn === 'A') steps.push({ at: t + 10, kind: 'answer', call, turn, caller, ringAt }, { at: t + 40, kind: 'end', call, turn, caller, ringAt });
    if (turn === 'B') steps.push({ at: t + 16, kind: 'end', call, turn, caller, ringAt });
    // 60 s after main's ring timer fired: ended by the vendor, no longer ringing for main.
    if (turn === 'C') steps.push({ at: ringAt + RING_TIMEOUT_S + 60, kind: 'end', call, turn, caller, ringAt });
    for (const s of [5, 25, 45]) steps.push({ at: t + s, kind: 'chat', id: `shift-chat-${minute}-${s}`, caller: CALLERS[(minute + s) % CALLERS.length]! });
    const inHour = minute % 60;
    const evenHour = Math.floor(minute / 60) % 2 === 0;
    if (evenHour && inHour === 30) steps.push({ at: t + 55, kind: 'dnd', item: 'On' });
    if (evenHour && inHour === 50) steps.push({ at: t + 55, kind: 'dnd', item: 'Off' });
    if (!evenHour && inHour === 0) steps.push({ at: t + 55, kind: 'dnd', item: 'For 1 hour' });
    if (minute % 20 === 5) steps.push({ at: t + 56, kind: 'presence', state: Math.floor(minute / 20) % 2 === 0 ? 'Busy' : 'Available' });
    steps.push({ at: t + 58, kind: 'swipe' });
  }
  return steps.sort((a, b) => a.at - b.at);
}

/** How far either side of main's end of a timed DND a ring cannot be placed (delivery jitter). */
const DND_EDGE_MS = 15_000;

/**
 * Whether the agent's DND was on when main saw `ring`: On and Off are steps in the same order
 * as the rings; "For 1 hour" ends by main's own timer an hour of main's time after main got it,
 * so that one is judged on main's clock (`mainAt`: when each step was played, on main's clock;
 * `ringMainAt`: main's own time of the ring), and a ring too close to its end is 'unsure'.
 */
export function dndFor(steps: readonly ShiftStep[], ring: ShiftStep, mainAt: ReadonlyMap<ShiftStep, number>, ringMainAt: number): boolean | 'unsure' {
  let last: Extract<ShiftStep, { kind: 'dnd' }> | null = null;
  for (const step of steps) {
    if (step === ring) break;
    if (step.kind === 'dnd') last = step;
  }
  if (!last || last.item === 'Off') return false;
  if (last.item === 'On') return true;
  const ends = mainAt.get(last)! + 3_600_000;
  if (Math.abs(ringMainAt - ends) < DND_EDGE_MS) return 'unsure';
  return ringMainAt < ends;
}

/** What the vendor posts for a step, in RingCentral Embeddable's shape (src/renderer/demo/softphone.ts). */
export function vendorMessage(step: ShiftStep): Record<string, unknown> | null {
  if (step.kind === 'chat') {
    return { type: 'rc-inbound-message-notify', message: { id: step.id, type: 'SMS', direction: 'Inbound', subject: 'Can you call me back about my order?', from: { phoneNumber: step.caller.number, name: step.caller.name } } };
  }
  if (step.kind === 'presence') {
    return { type: 'rc-adapter-syncPresence', userStatus: step.state, dndStatus: 'TakeAllCalls', telephonyStatus: 'NoCall' };
  }
  if (step.kind === 'ring' || step.kind === 'answer' || step.kind === 'end') {
    const callStatus = step.kind === 'ring' ? 'ringing' : step.kind === 'answer' ? 'connected' : step.turn === 'A' ? 'connected' : 'ringing';
    const type = step.kind === 'ring' ? 'rc-call-ring-notify' : step.kind === 'answer' ? 'rc-call-start-notify' : 'rc-call-end-notify';
    const call = { id: step.call, direction: 'Inbound', fromUserName: step.caller.name, fromNumber: step.caller.number, callQueueName: `${step.caller.queue} - `, isOnMute: false, callStatus };
    return { type, call };
  }
  return null;
}
