/**
 * RingCentral Embeddable's call book: what one profile's widget said about its calls so far, kept
 * in the profile's adapter memory (memory.ts). RingCentral describes one call in up to three
 * streams, each with its own id (ringcentral/ringcentral-embeddable src/modules/Adapter/index.js):
 *   - the web phone's rc-call-*-notify, `call.id` = the SIP session (webphoneHelper.ts
 *     normalizeSession in ringcentral/ringcentral-js-widgets), with `call.partyData.sessionId` =
 *     the telephony session id ("s-…") read from the P-Rc-Api-Ids SIP header;
 *   - rc-active-call-notify / rc-ringout-call-notify: the extension's presence `activeCalls`
 *     (Presence.ts), keyed by `telephonySessionId`, in every calling mode and for every device;
 *   - rc-telephony-session-notify: the call-control session (ringcentral-call-control-js
 *     src/index.ts onNotificationEvent), `id` = the telephony session id.
 * The book links them through the telephony session id, so a ring can learn from the telephony
 * stream that it was answered on another device or missed, and calls in the modes without a web
 * phone (RingOut, desk phone, RingCentral app) get a life of their own.
 */
import type { Party } from '../contract/shell-event';
import { BoundedMap, memorySlot } from './memory';

export type CallPhase = 'ringing' | 'active' | 'ended';
/** What RingCentral says became of a ring: someone took it (this agent elsewhere, a colleague), or nobody did. */
export type RingOutcome = 'answered' | 'missed';

export interface RcCall {
  /** The ref its events carry: the web phone's call id when the web phone has the call (rc-adapter-control-call needs it), else the telephony session id. */
  ref: string;
  telephonySessionId?: string;
  /** Presence's numeric sessionId: pairs RingOut's two legs (callLogHelpers.ts areTwoLegs). */
  presenceSessionId?: string;
  /** The web phone reports this call (rc-call-*-notify): its life comes from there. */
  webphone: boolean;
  inbound: boolean;
  phase: CallPhase;
  connected: boolean;
  onHold: boolean;
  /** We announced it (offered or outbound); a call first seen ending was never announced. */
  announced: boolean;
  outcome?: RingOutcome;
  /** The ring ended before RingCentral said whether it was missed; the telephony session will tell. */
  awaitingOutcome: boolean;
  /** The last presence status applied, with its terminationType (active calls in modes without a web phone). */
  status?: string;
  /** RingOut's leg to the agent's own phone: not a call of its own. */
  ringOutLeg: boolean;
  party?: Party;
  /** The other end's and the agent's numbers, for RingOut leg pairing. */
  from?: string;
  to?: string;
  queue?: string;
}

/** Calls kept per profile (each under up to three keys): a shift's worth of recent calls. */
const MAX_KEYS = 192;

export class RcCallBook {
  /** From rc-calling-settings-notify `callingMode` ('webphone', 'softphone', 'ringout', 'jupiter', …). */
  callingMode: string | undefined;
  /** The widget sends telephony sessions on this profile: a ring's outcome can wait for them. */
  telephonySeen = false;
  /** From rc-login-status-notify; undefined until it says. */
  loggedIn: boolean | undefined;
  /** The last dndStatus and userStatus the widget reported (RC's enum values only). */
  dndStatus: string | undefined;
  userStatus: string | undefined;
  /** The last dndStatus that still takes calls (e.g. a queue agent's TakeDepartmentCallsOnly): restored when leaving DND. */
  takingCalls: string | undefined;
  private readonly calls = new BoundedMap<string, RcCall>(MAX_KEYS);

  /**
   * Until rc-calling-settings-notify says otherwise the web phone is assumed: the widget posts
   * that message as soon as its calling settings are ready (_checkCallingSettingsChanged runs
   * on every state change), before any call, and the web phone is its default (CallingSettings.ts
   * picks callWithOptions[0], the browser, when WebRTC is available).
   */
  get webphoneMode(): boolean {
    return this.callingMode === undefined || this.callingMode === 'webphone';
  }

  get(key: string | undefined): RcCall | undefined {
    return key === undefined ? undefined : this.calls.get(key);
  }

  /** The call known under either key, or a new one; filed under both (no per-message arrays: this is the hot path). */
  file(key: string, alias: string | undefined, create: () => RcCall): RcCall {
    const call = this.calls.get(key) ?? this.get(alias) ?? create();
    this.calls.set(key, call);
    if (alias !== undefined && alias !== key) this.calls.set(alias, call);
    return call;
  }

  /** Calls of this book, each once (for RingOut leg pairing). */
  *each(): IterableIterator<RcCall> {
    const seen = new Set<RcCall>();
    for (const call of this.calls.values()) {
      if (seen.has(call)) continue;
      seen.add(call);
      yield call;
    }
  }
}

export function newCall(ref: string, inbound: boolean, phase: CallPhase): RcCall {
  return { ref, webphone: false, inbound, phase, connected: false, onHold: false, announced: false, awaitingOutcome: false, ringOutLeg: false };
}

/** An announced inbound call that rang and never connected: whether it was missed is the question. */
export function rangUnanswered(call: RcCall): boolean {
  return call.inbound && call.announced && !call.connected && !call.ringOutLeg;
}

/** The profile's book, shared by the adapter's reader and its commands (CommandContext.memory). */
export const RC_CALLS = memorySlot('rc-calls', () => new RcCallBook());
