/**
 * RingCentral Embeddable (ringcentral/ringcentral-embeddable, src/modules/Adapter/index.js).
 * Envelope: a plain object `{type, ...payload}` posted by the widget to window.parent. Commands
 * go back as `rc-adapter-*` messages (ringcentral-commands.ts).
 *
 * Mapping table:
 *   rc-call-ring-notify            interaction.offered    (voice, party = fromUserName/from, queue = callQueueName)
 *   rc-call-init-notify            interaction.outbound   (party = toUserName/to)
 *   rc-call-start-notify           interaction.connected
 *   rc-call-hold-notify            interaction.hold  on=true
 *   rc-call-resume-notify          interaction.hold  on=false
 *   rc-call-mute-notify            interaction.mute  on=call.isOnMute
 *   rc-call-end-notify             interaction.ended      (+ interaction.missed when the ring was missed, see below)
 *   rc-active-call-notify          web phone mode: vendor.info (a fact: "answered elsewhere" closes the ring);
 *   rc-ringout-call-notify           RingOut / desk phone / RingCentral app: the call's life —
 *                                    Ringing → offered (inbound) / outbound, CallConnected → connected
 *                                    (or hold on=false), OnHold → hold on=true, NoCall final / ParkedCall →
 *                                    ended (+ missed); RingOut's leg to the agent's own phone is no offer
 *   rc-telephony-session-notify    vendor.info (a fact: own party Answered / Disconnected unmissed closes
 *                                    the ring; missedCall or Voicemail → interaction.missed after the end)
 *   rc-calling-settings-notify     vendor.info (remembers callingMode: which stream carries the calls)
 *   rc-inbound-message-notify      message.inbound        (SMS/voicemail/fax; text = subject)
 *   rc-adapter-syncPresence        agent.state            (dnd DoNotAcceptAnyCalls → dnd, else userStatus;
 *                                    all fields null = signed out / not loaded → vendor.info)
 *   rc-login-status-notify         agent.session          (loggedIn)
 *   everything else documented     vendor.info            (listed in INFO_TYPES)
 *   other `rc-*` types             vendor.other
 * Missed calls are decided here (derivesMissed: false), by RingCentral's own verdict when the ring
 * is linked to a telephony session (`call.partyData.sessionId`); ringcentral-call-life.ts has the rules.
 */
import { z } from 'zod';
import type { RawCapture } from '../contract/raw-capture';
import { FIELD_LIMITS, type Kind } from '../contract/shell-event';
import type { MappingRow, NormalizeResult, VendorAdapter } from './adapter';
import { boolField, envelopeProblem, eventName, idField, looseRecord, lookup, stamp, text, type EventDraft } from './fields';
import type { AdapterMemory } from './memory';
import { activeCallDrafts, afterUnansweredEnd, telephonyDrafts } from './ringcentral-call-life';
import { RC_CALLS, newCall, rangUnanswered, type RcCall, type RcCallBook } from './ringcentral-calls';
import { presenceDraft, rcLikeCommands } from './ringcentral-commands';

export { rcPresenceState } from './ringcentral-commands';

const CALL_KINDS = {
  'rc-call-ring-notify': 'interaction.offered',
  'rc-call-init-notify': 'interaction.outbound',
  'rc-call-start-notify': 'interaction.connected',
  'rc-call-hold-notify': 'interaction.hold',
  'rc-call-resume-notify': 'interaction.hold',
  'rc-call-mute-notify': 'interaction.mute',
  'rc-call-end-notify': 'interaction.ended',
} as const satisfies Record<string, Kind>;

const OTHER_KINDS = {
  'rc-inbound-message-notify': 'message.inbound',
  'rc-adapter-syncPresence': 'agent.state',
  'rc-login-status-notify': 'agent.session',
} as const satisfies Record<string, Kind>;

/** Facts that the call book reads (ringcentral-call-life.ts); vendor.info in web phone mode. */
const CALL_FACT_TYPES = ['rc-active-call-notify', 'rc-ringout-call-notify', 'rc-telephony-session-notify'] as const;

/** Documented and informational: logged, no effect. */
const INFO_TYPES = [
  'rc-webphone-connection-status-notify',
  'rc-webphone-sessions-sync',
  'rc-webphone-active-notify',
  'rc-login-popup-notify',
  'rc-message-updated-notify',
  'rc-dialer-status-notify',
  'rc-route-changed-notify',
  'rc-region-settings-notify',
  'rc-meeting-status-notify',
  'rc-calling-settings-notify',
  'rc-control-call-error',
  'rc-adapter-message-response',
  'rc-adapter-pushAdapterState',
  'rc-adapter-pushLocale',
  'rc-call-drop-voicemail-notify',
  'rc-message-thread-notify',
  'rc-message-thread-entity-notify',
  'rc-adapter-phone-number-format-settings-notify',
] as const;

const SEED = 'ringcentral-embeddable src/modules/Adapter/index.js';
const FACT_SOURCE = `${SEED} (_pushActiveCalls, telephonySessionNotify); the call's life without a web phone: ringcentral-call-life.ts`;
export const RC_MAPPING: readonly MappingRow[] = [
  ...Object.entries(CALL_KINDS).map(([vendorEvent, kind]) => ({ vendorEvent, kind, source: SEED })),
  ...Object.entries(OTHER_KINDS).map(([vendorEvent, kind]) => ({ vendorEvent, kind, source: SEED })),
  ...CALL_FACT_TYPES.map((vendorEvent) => ({ vendorEvent, kind: 'vendor.info' as const, source: FACT_SOURCE })),
  ...INFO_TYPES.map((vendorEvent) => ({ vendorEvent, kind: 'vendor.info' as const, source: SEED })),
];

const Envelope = z.object({ type: z.string().min(1).max(200) });

const PartyEnd = z.union([z.string(), z.looseObject({ phoneNumber: z.string().optional(), name: z.string().optional() })]);
/** The web phone's call (ringcentral-js-widgets webphoneHelper.ts normalizeSession). */
const CallSchema = looseRecord({
  id: idField,
  callId: idField,
  direction: text(16),
  fromUserName: text(),
  from: PartyEnd.optional().catch(undefined),
  fromNumber: text(),
  toUserName: text(),
  to: PartyEnd.optional().catch(undefined),
  toNumber: text(),
  callQueueName: text(FIELD_LIMITS.queue),
  isOnMute: boolField,
  contactMatch: looseRecord({ name: text() }).optional().catch(undefined),
});
type Call = z.infer<typeof CallSchema>;
/** Read only where the book needs them (ring/init/start, end), so hold, resume and mute pay nothing extra. */
const LinkSchema = looseRecord({
  /** null when the SIP INVITE had no P-Rc-Api-Ids header. */
  partyData: looseRecord({ sessionId: idField }).nullish(),
});
const EndSchema = looseRecord({
  /** Set only once answered (null before: nullish, so the common case never takes zod's catch path). */
  startTime: z.number().finite().nullish().catch(undefined),
  /** The agent sent the ring on (to voicemail, forwarded, replied with a message): not missed. */
  isToVoicemail: boolField,
  isForwarded: boolField,
  isReplied: boolField,
});

const LoginSchema = looseRecord({ loggedIn: boolField });
const SettingsSchema = looseRecord({ callingMode: text(48), callWith: text(48) });
const MessageSchema = looseRecord({
  id: idField,
  type: text(32),
  subject: text(),
  from: looseRecord({ phoneNumber: text(), name: text(), extensionNumber: text() }).optional().catch(undefined),
});

function endNumber(end: Call['from']): string | undefined {
  if (typeof end === 'string') return end.trim() || undefined;
  return end?.phoneNumber;
}
function endName(end: Call['from']): string | undefined {
  return typeof end === 'object' && end ? end.name : undefined;
}

/** RC appends " - " to queue names ("Sales - "); agents should see "Sales". */
function cleanQueue(q: string | undefined): string | undefined {
  const trimmed = q?.replace(/\s*-\s*$/, '').trim();
  return trimmed || undefined;
}

function callDraft(type: keyof typeof CALL_KINDS, payload: Record<string, unknown>, call: Call): EventDraft {
  const outbound = type === 'rc-call-init-notify' || call.direction === 'Outbound';
  const party = outbound
    ? { name: call.toUserName ?? endName(call.to), number: call.toNumber ?? endNumber(call.to) }
    : {
        name: call.fromUserName ?? call.contactMatch?.name ?? endName(call.from),
        number: call.fromNumber ?? endNumber(call.from),
      };
  const draft: EventDraft = {
    kind: CALL_KINDS[type],
    vendorEvent: type,
    ref: call.id ?? call.callId,
    media: 'voice',
    party,
    queue: cleanQueue(call.callQueueName),
    raw: payload,
  };
  if (type === 'rc-call-hold-notify') draft.on = true;
  if (type === 'rc-call-resume-notify') draft.on = false;
  if (type === 'rc-call-mute-notify') draft.on = call.isOnMute ?? undefined;
  return draft;
}

/** The web phone's events, filed in the book under its call id and the telephony session id. */
function webphoneLife(book: RcCallBook, type: keyof typeof CALL_KINDS, payload: Record<string, unknown>, call: Call, d: EventDraft): EventDraft[] {
  const key = d.ref;
  if (key === undefined) return [d];
  if (type === 'rc-call-end-notify') {
    const known = book.get(key);
    if (!known) return [d];
    const end = EndSchema.parse(payload.call);
    const sentOn = typeof end.startTime === 'number' || end.isToVoicemail === true || end.isForwarded === true || end.isReplied === true;
    const rang = known.phase === 'ringing' && rangUnanswered(known) && !sentOn;
    known.phase = 'ended';
    return rang ? [d, ...afterUnansweredEnd(book, known, type, d.raw)] : [d];
  }
  if (type !== 'rc-call-ring-notify' && type !== 'rc-call-init-notify' && type !== 'rc-call-start-notify') return [d];
  const sessionId = LinkSchema.parse(payload.call).partyData?.sessionId ?? undefined;
  const inbound = type !== 'rc-call-init-notify' && call.direction !== 'Outbound';
  const filed = book.file(key, sessionId, () => newCall(key, inbound, 'ringing'));
  filed.ref = key;
  filed.webphone = true;
  filed.telephonySessionId ??= sessionId;
  if (d.party) filed.party = d.party;
  if (d.queue) filed.queue = d.queue;
  announce(filed, type, inbound);
  return [d];
}

function announce(call: RcCall, type: keyof typeof CALL_KINDS, inbound: boolean): void {
  if (type === 'rc-call-ring-notify' || type === 'rc-call-init-notify') {
    if (call.phase === 'ended') Object.assign(call, { connected: false, outcome: undefined, awaitingOutcome: false });
    call.inbound = inbound;
    call.announced = true;
    call.phase = type === 'rc-call-init-notify' || call.connected ? 'active' : 'ringing';
  } else if (type === 'rc-call-start-notify') {
    call.announced = true;
    call.connected = true;
    call.phase = 'active';
  }
}

const MESSAGE_MEDIA: Readonly<Record<string, EventDraft['media']>> = { SMS: 'sms', Pager: 'chat', VoiceMail: 'voice', Fax: 'unknown' };

function otherDraft(type: keyof typeof OTHER_KINDS, payload: Record<string, unknown>, book: RcCallBook | undefined): EventDraft {
  switch (type) {
    case 'rc-adapter-syncPresence':
      return presenceDraft(type, payload, book);
    case 'rc-login-status-notify': {
      const l = LoginSchema.parse(payload);
      if (book && l.loggedIn !== undefined) book.loggedIn = l.loggedIn;
      return { kind: 'agent.session', vendorEvent: type, loggedIn: l.loggedIn, raw: payload };
    }
    case 'rc-inbound-message-notify': {
      const m = MessageSchema.parse(payload.message);
      return {
        kind: 'message.inbound',
        vendorEvent: type,
        ref: m.id,
        media: (m.type && lookup(MESSAGE_MEDIA, m.type)) || 'sms',
        party: { name: m.from?.name, number: m.from?.phoneNumber ?? m.from?.extensionNumber },
        text: m.subject,
        raw: payload,
      };
    }
  }
}

function factDrafts(type: string, payload: Record<string, unknown>, book: RcCallBook | undefined): EventDraft[] {
  if (!book) return [{ kind: 'vendor.info', vendorEvent: type, raw: payload }];
  switch (type) {
    case 'rc-telephony-session-notify':
      return telephonyDrafts(book, type, payload);
    case 'rc-active-call-notify':
    case 'rc-ringout-call-notify':
      return activeCallDrafts(book, type, payload);
    case 'rc-calling-settings-notify': {
      const s = SettingsSchema.parse(payload);
      // callingMode 'webphone' | 'softphone' | 'ringout' | 'jupiter' | 'jupiterUniversalLink' (CallingSettings/callingModes.ts).
      book.callingMode = s.callingMode ?? (s.callWith === 'browser' ? 'webphone' : s.callWith) ?? book.callingMode;
      return [{ kind: 'vendor.info', vendorEvent: type, raw: payload }];
    }
    default:
      return [{ kind: 'vendor.info', vendorEvent: type, raw: payload }];
  }
}

/**
 * The RC envelope reader, shared with the demo softphone (which speaks a subset of it).
 * `known` limits which types count as documented for that vendor. `memory`: RingCentral's call
 * book (ringcentral-calls.ts); the demo has none, so its calls are read one message at a time
 * and the pipeline derives its missed calls.
 */
export function normalizeRcLike(capture: RawCapture, label: string, known: ReadonlySet<string>, memory?: AdapterMemory): NormalizeResult {
  if (capture.transport !== 'postMessage') return { reject: `${label} messages arrive by postMessage, not ${capture.transport}` };
  const envelope = Envelope.safeParse(capture.data);
  if (!envelope.success) {
    return { reject: `not a ${label} message: ${envelopeProblem(capture.data, 'type')}` };
  }
  // Validated above; kept whole as the events' raw payload (the schema's output keeps only `type`).
  const payload = capture.data as Record<string, unknown>;
  const type = envelope.data.type;
  if (!known.has(type)) {
    if (!type.startsWith('rc-')) return { reject: `not a ${label} message: type "${eventName(type)}" lacks the rc- prefix` };
    return { events: stamp(capture, [{ kind: 'vendor.other', vendorEvent: eventName(type), raw: payload }]) };
  }
  const book = memory?.get(RC_CALLS);
  const callType = lookup<Kind>(CALL_KINDS, type) ? (type as keyof typeof CALL_KINDS) : undefined;
  if (callType) {
    const call = CallSchema.parse(payload.call);
    const d = callDraft(callType, payload, call);
    return { events: stamp(capture, book ? webphoneLife(book, callType, payload, call, d) : [d]) };
  }
  const otherType = lookup<Kind>(OTHER_KINDS, type) ? (type as keyof typeof OTHER_KINDS) : undefined;
  if (otherType) return { events: stamp(capture, [otherDraft(otherType, payload, book)]) };
  return { events: stamp(capture, factDrafts(type, payload, book)) };
}

const KNOWN = new Set(RC_MAPPING.map((r) => r.vendorEvent));

/** Call control and presence in RC's own command vocabulary, watched where RC drops commands silently. */
export const rcCommands = rcLikeCommands(true);

export const ringcentralEmbeddable: VendorAdapter = {
  id: 'ringcentral-embeddable',
  label: 'RingCentral Embeddable',
  defaultOrigins: ['https://apps.ringcentral.com'],
  transport: 'postMessage',
  // The widget posts to window.parent, which is itself when top-level (how RC's own Electron app runs it).
  defaultMode: 'direct',
  // Missed calls are RingCentral's verdict, read by the call book (ringcentral-call-life.ts).
  derivesMissed: false,
  mapping: RC_MAPPING,
  normalize: (capture, memory) => normalizeRcLike(capture, 'RingCentral Embeddable', KNOWN, memory),
  commands: rcCommands,
};
