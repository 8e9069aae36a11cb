/**
 * How RingCentral Embeddable's three call streams become one call's life (ringcentral-calls.ts
 * says which streams and ids). Sources, all in RingCentral's public repositories:
 *   ringcentral-embeddable src/modules/Adapter/index.js  _pushActiveCalls posts every changed
 *     presence active call (ended ones too: their status change is the change) as
 *     rc-active-call-notify, and first as rc-ringout-call-notify in RingOut mode; telephonySessionNotify.
 *   ringcentral-js-widgets lib/callLogHelpers.ts  normalizeFromTo ({phoneNumber}), isEnded
 *     (NoCall + terminationType final), areTwoLegs (RingOut's leg to the agent's own phone).
 *   ringcentral-mock ActiveCallInfoWithoutSIP.ts  terminationType 'intermediate': "the call is
 *     not actually ended, the connection is established on one of the devices".
 *   ringcentral-call-control-js src/Session.ts  Party {extensionId, direction, status {code,
 *     reason}, missedCall}; `get party()` = the user's own party.
 *
 * Rules:
 *   web phone mode   the web phone's rc-call-*-notify carry the call's life; active calls and
 *                    telephony sessions are facts (vendor.info). A fact that the ring was taken
 *                    (own party Answered, Disconnected without missedCall, presence CallConnected
 *                    or NoCall/intermediate) closes the ring's toast and the ring ends unmissed.
 *   other modes      rc-active-call-notify and rc-ringout-call-notify drive the life (the second
 *                    of the pair says nothing new, so it is a fact): Ringing → offered/outbound,
 *                    CallConnected → connected (or hold off), OnHold → hold, NoCall final or
 *                    ParkedCall → ended; RingOut's leg to the agent's own phone is no offer.
 *   missed           RingCentral's own verdict: own party missedCall or Voicemail. A ring that
 *                    ended first waits for it when the ring is linked to a telephony session
 *                    and this widget sends them; otherwise the old rule (rang, never connected).
 */
import { z } from 'zod';
import type { EventDraft } from './fields';
import { boolField, idField, looseRecord, text } from './fields';
import { newCall, rangUnanswered, type RcCall, type RcCallBook, type RingOutcome } from './ringcentral-calls';

const End = z.union([z.string(), z.looseObject({ phoneNumber: z.string().optional(), name: z.string().optional() })]).optional().catch(undefined);
const endNumber = (end: z.infer<typeof End>) => (typeof end === 'string' ? end.trim() || undefined : end?.phoneNumber);
const endName = (end: z.infer<typeof End>) => (typeof end === 'object' && end ? end.name : undefined);

/** In web phone mode only these are read (a fact about a call the web phone may have): the hot path. */
const ActiveCallFactSchema = looseRecord({
  telephonySessionId: idField,
  sessionId: idField,
  telephonyStatus: text(32),
  terminationType: text(32),
});
const ActiveCallSchema = looseRecord({
  telephonySessionId: idField,
  sessionId: idField,
  direction: text(16),
  telephonyStatus: text(32),
  terminationType: text(32),
  from: End,
  to: End,
  fromName: text(),
  toName: text(),
});
type ActiveCall = z.infer<typeof ActiveCallSchema>;

const PartySchema = looseRecord({
  extensionId: idField,
  direction: text(16),
  status: looseRecord({ code: text(32), reason: text(64) }),
  missedCall: boolField,
});
type TelephonyParty = z.infer<typeof PartySchema>;
/** A conference has many parties; the user's own is what matters, and it is among the first. */
const MAX_PARTIES = 32;
const TelephonySchema = looseRecord({
  id: idField,
  extensionId: idField,
  parties: z.array(z.unknown()).optional().catch(undefined),
});

export const MISSED_BY_RC = 'rc-telephony-missed-call';
export const MISSED_BY_OLD_RULE = 'offered-then-ended-unanswered';

function draft(kind: EventDraft['kind'], vendorEvent: string, call: RcCall, raw: unknown, text?: string): EventDraft {
  const d: EventDraft = { kind, vendorEvent, ref: call.ref, media: 'voice', raw };
  if (call.party) d.party = call.party;
  if (call.queue) d.queue = call.queue;
  if (text) d.text = text;
  return d;
}

/** A fact about a call: it names the call unless that would close a ring it does not end (decide.ts closes a ring on any vendor.info with its ref). */
function fact(vendorEvent: string, call: RcCall | undefined, raw: unknown, text?: string): EventDraft {
  const d: EventDraft = { kind: 'vendor.info', vendorEvent, raw };
  if (call && call.phase !== 'ringing') d.ref = call.ref;
  if (text) d.text = text;
  return d;
}

/** The ring is over and nobody missed it: closes its toast, and the tray stops ringing (presence.ts). */
function ringTaken(vendorEvent: string, call: RcCall, raw: unknown, how: string): EventDraft {
  call.outcome ??= 'answered';
  return { kind: 'vendor.info', vendorEvent, ref: call.ref, raw, text: `the call was taken (${how}): not missed` };
}

const ringsUntaken = (call: RcCall | undefined): call is RcCall => !!call && call.phase === 'ringing' && rangUnanswered(call) && call.outcome === undefined;

/** What follows a ring that ended unanswered: the missed call, or nothing yet (waiting for RingCentral's verdict). */
export function afterUnansweredEnd(book: RcCallBook, call: RcCall, vendorEvent: string, raw: unknown): EventDraft[] {
  if (call.outcome === 'answered') return [];
  if (call.outcome === 'missed') return [missed(call, vendorEvent, raw, MISSED_BY_RC)];
  if (call.telephonySessionId !== undefined && book.telephonySeen) {
    call.awaitingOutcome = true;
    return [];
  }
  return [missed(call, vendorEvent, raw, MISSED_BY_OLD_RULE)];
}

function missed(call: RcCall, vendorEvent: string, raw: unknown, rule: string): EventDraft {
  const why = rule === MISSED_BY_RC ? 'RingCentral counts it as missed' : 'it rang and was never answered';
  return { ...draft('interaction.missed', vendorEvent, call, raw, why), derived: rule };
}

/** The user's own party, as ringcentral-call-control-js Session `get party()` picks it. */
function ownParty(extensionId: string | undefined, raw: readonly unknown[]): TelephonyParty | undefined {
  const own: TelephonyParty[] = [];
  for (const p of raw.slice(0, MAX_PARTIES)) {
    const party = PartySchema.parse(p);
    if (extensionId !== undefined && party.extensionId === extensionId) own.push(party);
  }
  if (own.length <= 1) return own[0];
  return own.find((p) => p.status.code !== 'Disconnected') ?? own[own.length - 1];
}

function verdict(party: TelephonyParty): RingOutcome | undefined {
  const code = party.status.code;
  if (party.missedCall === true || code === 'Voicemail' || code === 'VoiceMailScreening') return 'missed';
  if (code === 'Answered' || code === 'Hold' || code === 'Parked') return 'answered';
  // Taken by a colleague of the queue, picked up, or withdrawn: RingCentral itself does not call it missed.
  if ((code === 'Disconnected' || code === 'Gone') && party.missedCall === false) return 'answered';
  return undefined;
}

export function telephonyDrafts(book: RcCallBook, vendorEvent: string, payload: Record<string, unknown>): EventDraft[] {
  book.telephonySeen = true;
  const session = TelephonySchema.parse(payload.telephonySession);
  const party = session.id !== undefined ? ownParty(session.extensionId, session.parties ?? []) : undefined;
  if (session.id === undefined || !party) return [fact(vendorEvent, undefined, payload)];
  const said = `telephony session: own party ${party.status.code ?? 'without status'}${party.status.reason ? ` (${party.status.reason})` : ''}${party.missedCall ? ', missed' : ''}`;
  const outcome = verdict(party);
  const call = book.get(session.id);
  if (!call) {
    // Before the web phone rings (the telephony stream can be faster than SIP): remembered for the ring.
    if (outcome) book.file(session.id, undefined, () => ({ ...newCall(session.id!, party.direction === 'Inbound', 'ringing'), telephonySessionId: session.id, outcome }));
    return [fact(vendorEvent, undefined, payload, said)];
  }
  call.telephonySessionId ??= session.id;
  if (call.awaitingOutcome && outcome) {
    call.awaitingOutcome = false;
    call.outcome = outcome;
    return [outcome === 'missed' ? missed(call, vendorEvent, payload, MISSED_BY_RC) : ringTaken(vendorEvent, call, payload, said)];
  }
  if (ringsUntaken(call) && outcome === 'answered') return [ringTaken(vendorEvent, call, payload, said)];
  if (outcome && call.outcome === undefined && call.phase === 'ringing') call.outcome = outcome;
  return [fact(vendorEvent, call, payload, said)];
}

const answeredSomewhere = (c: ActiveCall) =>
  c.telephonyStatus === 'CallConnected' || c.telephonyStatus === 'OnHold' || (c.telephonyStatus === 'NoCall' && c.terminationType === 'intermediate');

/** rc-active-call-notify and rc-ringout-call-notify. */
export function activeCallDrafts(book: RcCallBook, vendorEvent: string, payload: Record<string, unknown>): EventDraft[] {
  // In web phone mode a fact about a call the book does not know (another device's) is only
  // logged: probing the book with the raw id first spares the hot path a parse (a non-string
  // id simply finds nothing; nothing unvalidated reaches an event).
  if (book.webphoneMode && !book.get(probeKey(payload.call))) return [fact(vendorEvent, undefined, payload)];
  const active = (book.webphoneMode ? ActiveCallFactSchema : ActiveCallSchema).parse(payload.call) as ActiveCall;
  const key = active.telephonySessionId ?? active.sessionId;
  if (key === undefined) return [fact(vendorEvent, undefined, payload)];
  const call = book.get(key);
  const said = `${active.telephonyStatus ?? 'no status'}${active.terminationType ? ` (${active.terminationType})` : ''}`;
  if (book.webphoneMode) {
    if (ringsUntaken(call) && answeredSomewhere(active)) return [ringTaken(vendorEvent, call, payload, `presence ${said}`)];
    return [fact(vendorEvent, call, payload, said)];
  }
  return activeCallLife(book, key, active, vendorEvent, payload, said);
}

function probeKey(call: unknown): string | undefined {
  if (typeof call !== 'object' || call === null) return undefined;
  const { telephonySessionId, sessionId } = call as { telephonySessionId?: unknown; sessionId?: unknown };
  const key = typeof telephonySessionId === 'string' ? telephonySessionId : sessionId;
  return typeof key === 'string' ? key : undefined;
}

function activeCallLife(book: RcCallBook, key: string, active: ActiveCall, vendorEvent: string, raw: unknown, said: string): EventDraft[] {
  const inbound = active.direction === 'Inbound';
  const call = book.file(key, undefined, () => ({ ...newCall(key, inbound, 'ringing'), telephonySessionId: active.telephonySessionId }));
  call.inbound = inbound;
  call.presenceSessionId ??= active.sessionId;
  call.from = endNumber(active.from);
  call.to = endNumber(active.to);
  call.party = inbound ? { name: active.fromName ?? endName(active.from), number: call.from } : { name: active.toName ?? endName(active.to), number: call.to };
  const status = active.telephonyStatus;
  // The RingOut pair (rc-ringout-call-notify, then rc-active-call-notify) or an unchanged status.
  const repeat = call.status === said && call.announced;
  call.status = said;
  const out: EventDraft[] = [];
  if (book.callingMode === 'ringout' && !call.announced && !call.ringOutLeg) pairRingOutLegs(book, call, vendorEvent, raw, out);
  if (call.ringOutLeg || repeat) return [...out, fact(vendorEvent, call, raw, said)];
  switch (status) {
    case 'Ringing':
      if (call.announced && call.phase !== 'ended') return [...out, fact(vendorEvent, call, raw, said)];
      if (call.phase === 'ended') Object.assign(call, { connected: false, onHold: false, outcome: undefined, awaitingOutcome: false });
      call.announced = true;
      call.phase = inbound ? 'ringing' : 'active';
      out.push(draft(inbound ? 'interaction.offered' : 'interaction.outbound', vendorEvent, call, raw, said));
      return out;
    case 'CallConnected':
    case 'OnHold': {
      if (!call.announced && !inbound) out.push(draft('interaction.outbound', vendorEvent, call, raw, said));
      call.announced = true;
      call.phase = 'active';
      const hold = status === 'OnHold';
      if (hold !== call.onHold) out.push({ ...draft('interaction.hold', vendorEvent, call, raw, said), on: hold });
      else if (!call.connected) out.push(draft('interaction.connected', vendorEvent, call, raw, said));
      call.onHold = hold;
      call.connected = true;
      return out;
    }
    case 'NoCall':
      if (active.terminationType === 'intermediate') {
        return [...out, ringsUntaken(call) ? ringTaken(vendorEvent, call, raw, `presence ${said}`) : fact(vendorEvent, call, raw, said)];
      }
      return [...out, ...endCall(book, call, vendorEvent, raw, said)];
    case 'ParkedCall':
      return [...out, ...endCall(book, call, vendorEvent, raw, said)];
    default:
      return [...out, fact(vendorEvent, call, raw, said)];
  }
}

function endCall(book: RcCallBook, call: RcCall, vendorEvent: string, raw: unknown, said: string): EventDraft[] {
  if (!call.announced || call.phase === 'ended') return [fact(vendorEvent, call, raw, said)];
  const rang = call.phase === 'ringing' && rangUnanswered(call);
  call.phase = 'ended';
  const ended = draft('interaction.ended', vendorEvent, call, raw, said);
  return rang ? [ended, ...afterUnansweredEnd(book, call, vendorEvent, raw)] : [ended];
}

/**
 * RingOut calls the agent's own phone first: presence shows that leg as an inbound call whose
 * numbers mirror the outbound leg's, with session ids 1000–4000 apart (callLogHelpers.ts
 * areTwoLegs). Whichever leg arrives second makes the pair; an inbound leg already announced is
 * withdrawn without a missed call.
 */
function pairRingOutLegs(book: RcCallBook, call: RcCall, vendorEvent: string, raw: unknown, out: EventDraft[]): void {
  for (const other of book.each()) {
    if (other === call || other.inbound === call.inbound || other.ringOutLeg) continue;
    const [inbound, outbound] = call.inbound ? [call, other] : [other, call];
    if (!areTwoLegs(inbound, outbound)) continue;
    inbound.ringOutLeg = true;
    if (inbound.announced && inbound.phase === 'ringing') {
      out.push({ kind: 'vendor.info', vendorEvent, ref: inbound.ref, raw, text: "RingOut's call to the agent's own phone, not an incoming call" });
    }
    inbound.phase = 'ended';
    return;
  }
}

function areTwoLegs(inbound: RcCall, outbound: RcCall): boolean {
  const a = Number(inbound.presenceSessionId);
  const b = Number(outbound.presenceSessionId);
  const apart = Math.abs(a - b);
  if (!(apart === 1000 || apart === 2000 || apart === 3000 || apart === 4000)) return false;
  return sameNumber(inbound.from, outbound.to) && sameNumber(inbound.to, outbound.from);
}

/** isSameLocalNumber in spirit: "+16505550100" and "6505550100" are the same line. */
function sameNumber(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  return da === db || (da.length >= 10 && db.length >= 10 && da.slice(-10) === db.slice(-10));
}
