/**
 * RingCentral Embeddable's presence as the widget reports it, and the commands Switchboard sends
 * it, in RingCentral's own vocabulary (ringcentral/ringcentral-embeddable src/modules/Adapter/index.js).
 *
 * Presence (_pushPresence): `rc-adapter-syncPresence {telephonyStatus, userStatus, dndStatus,
 * presenceOption}`, every field null while signed out (or before presence loads). userStatus is
 * Available/Busy/Offline (ringcentral-js-widgets enums/presenceStatus.enum.ts); dndStatus is
 * TakeAllCalls/DoNotAcceptAnyCalls/DoNotAcceptDepartmentCalls/TakeDepartmentCallsOnly
 * (modules/Presence/dndStatus.ts), and the REST API also answers 'Unknown'.
 *
 * Commands the widget drops without a word, so each is refused up front when the book shows it
 * would be, and otherwise watched (CommandConfirmation) until an event shows it took effect:
 *   rc-adapter-new-call      _newCall returns unless signed in, the dialer idle and no call to
 *                            that number is on.
 *   rc-adapter-set-presence  _setPresence returns unless presence is ready and each value is in
 *                            its enum; a missing field keeps its current value, so Available is
 *                            sent alone and a queue agent keeps TakeDepartmentCallsOnly.
 *   rc-adapter-control-call  _controlCall acts on the web phone only (_webphone.answer, …).
 */
import type { CommandConfirmation } from '../contract/outbound';
import type { AgentState } from '../contract/shell-event';
import { postMessages, unsupported, type CommandContext, type VendorCommands } from './adapter';
import type { EventDraft } from './fields';
import { looseRecord, text } from './fields';
import { RC_CALLS, type RcCallBook } from './ringcentral-calls';

const USER_STATUSES: ReadonlySet<string> = new Set(['Available', 'Busy', 'Offline']);
const DND_STATUSES: ReadonlySet<string> = new Set(['TakeAllCalls', 'DoNotAcceptAnyCalls', 'DoNotAcceptDepartmentCalls', 'TakeDepartmentCallsOnly']);
const DND = 'DoNotAcceptAnyCalls';

const PresenceSchema = looseRecord({ userStatus: text(32), dndStatus: text(48), telephonyStatus: text(32), presenceOption: text(48) });

export function rcPresenceState(userStatus: string | undefined, dndStatus: string | undefined): AgentState | undefined {
  if (dndStatus === DND) return 'dnd';
  switch (userStatus) {
    case 'Available':
      return 'available';
    case 'Busy':
      return 'busy';
    case 'Offline':
      return 'offline';
    default:
      return undefined;
  }
}

/**
 * rc-adapter-syncPresence. All fields null is no routing state (signed out, or presence not
 * loaded yet): a vendor.info, and the tray keeps what rc-login-status-notify says. dndStatus
 * 'Unknown' (or any value outside the enum) says nothing about DND: userStatus decides.
 */
export function presenceDraft(type: string, payload: Record<string, unknown>, book: RcCallBook | undefined): EventDraft {
  const p = PresenceSchema.parse(payload);
  if (!p.userStatus && !p.dndStatus && !p.telephonyStatus && !p.presenceOption) {
    if (book) book.userStatus = book.dndStatus = undefined;
    return { kind: 'vendor.info', vendorEvent: type, text: 'no presence: RingCentral is signed out or has not loaded presence yet', raw: payload };
  }
  const dnd = p.dndStatus && DND_STATUSES.has(p.dndStatus) ? p.dndStatus : undefined;
  const user = p.userStatus && USER_STATUSES.has(p.userStatus) ? p.userStatus : undefined;
  if (book) {
    book.userStatus = user;
    book.dndStatus = dnd;
    if (dnd && dnd !== DND) book.takingCalls = dnd;
  }
  return { kind: 'agent.state', vendorEvent: type, state: rcPresenceState(user, dnd), raw: payload };
}

const PRESENCE_WORDS: Partial<Record<AgentState, string>> = {
  available: 'Available',
  busy: 'Busy',
  dnd: 'Do not disturb',
  offline: 'Invisible',
};
const SIGNED_OUT = 'RingCentral Embeddable is signed out, and ignores this until the agent signs in';
const WEBPHONE_ONLY = 'RingCentral Embeddable controls calls only in its web phone, and this profile calls with';

function presenceMessage(state: AgentState, book: RcCallBook): Record<string, string> | undefined {
  switch (state) {
    case 'available':
    case 'busy': {
      const msg: Record<string, string> = { type: 'rc-adapter-set-presence', userStatus: state === 'available' ? 'Available' : 'Busy' };
      // Leaving DND restores how the agent took calls before (TakeDepartmentCallsOnly for a queue agent).
      if (book.dndStatus === DND) msg.dndStatus = book.takingCalls ?? 'TakeAllCalls';
      return msg;
    }
    case 'dnd':
      return { type: 'rc-adapter-set-presence', dndStatus: DND };
    case 'offline':
      // RingCentral's "Offline" hides the agent's presence; calls still ring (the tray labels it Invisible).
      return { type: 'rc-adapter-set-presence', userStatus: 'Offline' };
    default:
      return undefined;
  }
}

const PRESENCE_WITHIN_MS = 10_000;
const DIAL_WITHIN_MS = 15_000;

/**
 * RingCentral's commands. `watched`: attach confirmations (RingCentral itself); the demo
 * softphone obeys or refuses every command it gets, so it is not watched.
 */
export function rcLikeCommands(watched: boolean): VendorCommands {
  const control = (callAction: string) => (ref: string | undefined, ctx: CommandContext) => {
    const book = ctx.memory.get(RC_CALLS);
    if (!book.webphoneMode) return unsupported(`${WEBPHONE_ONLY} ${book.callingMode}`);
    return postMessages(ref ? { type: 'rc-adapter-control-call', callAction, callId: ref } : { type: 'rc-adapter-control-call', callAction });
  };
  return {
    setState: {
      states: ['available', 'busy', 'dnd', 'offline'],
      build(state, ctx) {
        const book = ctx.memory.get(RC_CALLS);
        const msg = presenceMessage(state, book);
        if (!msg) return unsupported(`RingCentral has no "${state}" presence (it knows Available, Busy, Do not disturb, Offline)`);
        if (book.loggedIn === false) return unsupported(SIGNED_OUT);
        const result = postMessages(msg);
        // Already so: RingCentral posts presence only when it changes, so nothing would confirm it.
        if (!watched || rcPresenceState(book.userStatus, book.dndStatus) === state) return result;
        const confirm: CommandConfirmation = {
          what: `show the agent as ${PRESENCE_WORDS[state] ?? state}`,
          withinMs: PRESENCE_WITHIN_MS,
          by: (e) => e.kind === 'agent.state' && e.state === state,
          hint: 'it ignores presence changes until its presence has loaded',
        };
        return { ...result, confirm };
      },
    },
    answer: control('answer'),
    decline: control('reject'),
    hangup: control('hangup'),
    hold: control('hold'),
    unhold: control('unhold'),
    dial(number, ctx) {
      const book = ctx.memory.get(RC_CALLS);
      if (book.loggedIn === false) return unsupported(SIGNED_OUT);
      const result = postMessages({ type: 'rc-adapter-new-call', phoneNumber: number, toCall: true });
      if (!watched) return result;
      const confirm: CommandConfirmation = {
        what: `start the call to ${number}`,
        withinMs: DIAL_WITHIN_MS,
        by: (e) => e.kind === 'interaction.outbound',
        hint: 'it ignores a dial while another call is being placed or one to that number is on',
      };
      return { ...result, confirm };
    },
  };
}
