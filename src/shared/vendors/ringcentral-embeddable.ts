/**
 * RingCentral Embeddable (vendors.md §1, seed 002). Envelope: a plain object `{type, ...payload}`
 * posted by the widget to window.parent. Commands go back as `rc-adapter-*` messages.
 *
 * Mapping table (every type in seed 002 and vendors.md §1.2/§1.3):
 *   rc-call-ring-notify            interaction.offered    (voice, party = fromUserName/from, queue = callQueueName)
 *   rc-call-init-notify            interaction.outbound   (party = toUserName/to)
 *   rc-call-start-notify           interaction.connected
 *   rc-call-hold-notify            interaction.hold  on=true
 *   rc-call-resume-notify          interaction.hold  on=false
 *   rc-call-mute-notify            interaction.mute  on=call.isOnMute
 *   rc-call-end-notify             interaction.ended      (+ derived interaction.missed when it never started)
 *   rc-inbound-message-notify      message.inbound        (SMS/voicemail/fax; text = subject)
 *   rc-adapter-syncPresence        agent.state            (dnd DoNotAcceptAnyCalls → dnd, else userStatus)
 *   rc-login-status-notify         agent.session          (loggedIn)
 *   everything else documented     vendor.info            (listed in INFO_TYPES)
 *   other `rc-*` types             vendor.other
 */
import { z } from 'zod';
import type { RawCapture } from '../contract/raw-capture';
import { FIELD_LIMITS, type AgentState, type Kind } from '../contract/shell-event';
import { postMessages, unsupported, type MappingRow, type NormalizeResult, type VendorAdapter } from './adapter';
import { boolField, envelopeProblem, eventName, idField, looseRecord, lookup, stamp, text, type EventDraft } from './fields';

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

/** Documented and informational: logged, no effect. */
const INFO_TYPES = [
  'rc-active-call-notify',
  'rc-ringout-call-notify',
  'rc-telephony-session-notify',
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

const SEED = 'seed 002 / vendors.md §1.3';
export const RC_MAPPING: readonly MappingRow[] = [
  ...Object.entries(CALL_KINDS).map(([vendorEvent, kind]) => ({ vendorEvent, kind, source: SEED })),
  ...Object.entries(OTHER_KINDS).map(([vendorEvent, kind]) => ({ vendorEvent, kind, source: SEED })),
  ...INFO_TYPES.map((vendorEvent) => ({ vendorEvent, kind: 'vendor.info' as const, source: 'vendors.md §1.2–1.3' })),
];

const Envelope = z.object({ type: z.string().min(1).max(200) });

const PartyEnd = z.union([z.string(), z.looseObject({ phoneNumber: z.string().optional(), name: z.string().optional() })]);
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

const PresenceSchema = looseRecord({ userStatus: text(32), dndStatus: text(48) });
const LoginSchema = looseRecord({ loggedIn: boolField });
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

function callDraft(type: keyof typeof CALL_KINDS, payload: Record<string, unknown>): EventDraft {
  const call = CallSchema.parse(payload.call);
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

export function rcPresenceState(userStatus: string | undefined, dndStatus: string | undefined): AgentState | undefined {
  if (dndStatus === 'DoNotAcceptAnyCalls') return 'dnd';
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

const MESSAGE_MEDIA: Readonly<Record<string, EventDraft['media']>> = { SMS: 'sms', Pager: 'chat', VoiceMail: 'voice', Fax: 'unknown' };

function otherDraft(type: keyof typeof OTHER_KINDS, payload: Record<string, unknown>): EventDraft {
  switch (type) {
    case 'rc-adapter-syncPresence': {
      const p = PresenceSchema.parse(payload);
      return { kind: 'agent.state', vendorEvent: type, state: rcPresenceState(p.userStatus, p.dndStatus), raw: payload };
    }
    case 'rc-login-status-notify': {
      const l = LoginSchema.parse(payload);
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

/**
 * The RC envelope reader, shared with the demo softphone (which speaks a subset of it).
 * `known` limits which types count as documented for that vendor.
 */
export function normalizeRcLike(capture: RawCapture, label: string, known: ReadonlySet<string>): NormalizeResult {
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
  const callType = lookup<Kind>(CALL_KINDS, type) ? (type as keyof typeof CALL_KINDS) : undefined;
  if (callType) return { events: stamp(capture, [callDraft(callType, payload)]) };
  const otherType = lookup<Kind>(OTHER_KINDS, type) ? (type as keyof typeof OTHER_KINDS) : undefined;
  if (otherType) return { events: stamp(capture, [otherDraft(otherType, payload)]) };
  return { events: stamp(capture, [{ kind: 'vendor.info', vendorEvent: type, raw: payload }]) };
}

const KNOWN = new Set(RC_MAPPING.map((r) => r.vendorEvent));

const RC_PRESENCE: Partial<Record<AgentState, { userStatus?: string; dndStatus?: string }>> = {
  available: { userStatus: 'Available', dndStatus: 'TakeAllCalls' },
  busy: { userStatus: 'Busy', dndStatus: 'TakeAllCalls' },
  dnd: { dndStatus: 'DoNotAcceptAnyCalls' },
  offline: { userStatus: 'Offline' },
};

/** Call control and presence in RC's own command vocabulary; also used by the demo. */
export const rcCommands: VendorAdapter['commands'] = {
  setState: {
    states: ['available', 'busy', 'dnd', 'offline'],
    build(state) {
      const presence = RC_PRESENCE[state];
      if (!presence) return unsupported(`RingCentral has no "${state}" presence (it knows Available, Busy, Do not disturb, Offline)`);
      return postMessages({ type: 'rc-adapter-set-presence', ...presence });
    },
  },
  answer: (ref) => postMessages(controlCall('answer', ref)),
  decline: (ref) => postMessages(controlCall('reject', ref)),
  hangup: (ref) => postMessages(controlCall('hangup', ref)),
  hold: (ref) => postMessages(controlCall('hold', ref)),
  unhold: (ref) => postMessages(controlCall('unhold', ref)),
  dial: (number) => postMessages({ type: 'rc-adapter-new-call', phoneNumber: number, toCall: true }),
};

/** Without a callId RC acts on the current ringing (answer/reject) or active call. */
function controlCall(callAction: string, ref: string | undefined): Record<string, unknown> {
  return ref ? { type: 'rc-adapter-control-call', callAction, callId: ref } : { type: 'rc-adapter-control-call', callAction };
}

export const ringcentralEmbeddable: VendorAdapter = {
  id: 'ringcentral-embeddable',
  label: 'RingCentral Embeddable',
  defaultOrigins: ['https://apps.ringcentral.com'],
  transport: 'postMessage',
  // The widget posts to window.parent, which is itself when top-level (how RC's own Electron app runs it).
  defaultMode: 'direct',
  derivesMissed: true,
  mapping: RC_MAPPING,
  normalize: (capture) => normalizeRcLike(capture, 'RingCentral Embeddable', KNOWN),
  commands: rcCommands,
};
