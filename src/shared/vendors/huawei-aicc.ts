/**
 * Huawei AICC / CEC lightweight connection bar (seed 003; Huawei API reference api-cec
 * cec_07_1355…1427 and api-ccfs-cec cec_07_0513/0520/1398). The bar runs in an iframe named
 * `ccbarclient` on the tenant's `$aicc_ContextPath` origin and posts events to its parent once the
 * host subscribes with `eventpost` (the handshake below, re-sent by the bridge until the bar
 * answers). Envelope: `data` is a JSON string or an object (the docs never say which), shaped
 * `{message, retcode, event:{eventType, workNo, content, eventGenTime?}}`, or the event itself
 * with no envelope, as several published examples are (cec_07_1396 AgentOther_PhoneRelease,
 * cec_07_1405 AgentEvent_MessageData, cec_07_1373 AgentEvent_Incoming_CallInfo).
 * `content` is an object, a bare callid string (Call_Release, No_Answer, Call_Out_Fail,
 * Inside_Call_Fail, Hold) or null, depending on the event.
 *
 * Mapping table (every eventType subscribed to):
 *   AgentOther_PhoneAlerting           interaction.offered    (content null: no ref; voice)
 *   AgentEvent_Ringing                 interaction.offered    (ref callid, party = caller, media from mediaAbility)
 *   AgentEvent_Incoming_CallInfo       interaction.offered    (ref callId, party = caller, queue = skillName;
 *                                                              vendor.info when it carries no callId)
 *   AgentEvent_Auto_Answer             interaction.connected  (the agent's phone answered by itself, cec_07_1365)
 *   AgentEvent_Talking                 interaction.connected  (party = called when feature 7, outbound)
 *   AgentEvent_Hold                    interaction.hold on=true  (content is the callid string)
 *   AgentEvent_linkagePhoneHold        interaction.hold on=true  (phone linkage, content {callId}, cec_07_1427)
 *   AgentEvent_Customer_Alerting       vendor.info            (see below: NOT hold)
 *   AgentEvent_No_Answer               interaction.missed     (voice unless the call said otherwise)
 *   AgentEvent_Call_Out_Fail           interaction.failed     (an outbound call, cec_07_1359)
 *   AgentEvent_Inside_Call_Fail        interaction.failed     (an internal call, cec_07_1361)
 *   AgentEvent_Call_Release            interaction.ended      (the agent left)
 *   AgentEvent_Customer_Release        interaction.ended      (the customer left; party = number)
 *   AgentEvent_MessageData             message.inbound        (text channel, cec_07_1405: text = message,
 *                                                              party = caller (called when feature 7), chat)
 *   AgentOther_PhoneRelease            vendor.info            (phone hung up; the call events carry the end)
 *   AgentState_Ready                   agent.state available
 *   AgentState_Busy                    agent.state busy       (also "reserved for a call", cec_05_1426)
 *   AgentState_SetNotReady_Success     agent.state busy
 *   AgentState_Work / _SetWork_Success agent.state wrap-up
 *   AgentState_SetRest_Success         agent.state away
 *   AgentState_Cancel{NotReady,Rest,Work}_Success   agent.state available
 *   AgentState_Rest_Timeout            vendor.info            (a reminder; the agent is still resting)
 *   AgentOther_InService               agent.session loggedIn=true
 *   AgentOther_ShutdownService         agent.session loggedIn=false
 *   other Agent*_ eventTypes           vendor.other           (AgentMediaEvent_, AgentConf_, …)
 *
 * Events that name the call only (the callid strings above) get the caller, queue and media the
 * call's earlier events named (huawei-aicc-calls.ts), so a missed call says who it was.
 *
 * AgentEvent_Customer_Alerting: seed 003's table calls it "Holding Success", but the API reference
 * (cec_07_1356, cec_07_0503) describes it as the other party's phone ringing, with {callid,
 * otherPhone, otherPhoneWorkno, type}: the agent called out or transferred and is waiting. Treating
 * it as hold would show a held call that is not held, so it is informational.
 * There is no unhold event: after a retrieve the bar reports AgentEvent_Talking again.
 */
import { z } from 'zod';
import type { RawCapture } from '../contract/raw-capture';
import type { AgentState, Kind, Media } from '../contract/shell-event';
import { postMessages, unsupported, type MappingRow, type NormalizeResult, type VendorAdapter } from './adapter';
import { measureCapture } from '../core/measure';
import { describeValue, eventName, idField, looseRecord, lookup, stamp, text, type EventDraft } from './fields';
import { forgetCall, recallCall, rememberCall } from './huawei-aicc-calls';
import type { AdapterMemory } from './memory';

const SEED = 'seed 003';
const REF = 'vendors.md §4.3';
const page = (id: string) => `Huawei API reference ${id}`;

const CALL_KINDS = {
  AgentOther_PhoneAlerting: ['interaction.offered', SEED],
  AgentEvent_Ringing: ['interaction.offered', REF],
  AgentEvent_Incoming_CallInfo: ['interaction.offered', REF],
  AgentEvent_Auto_Answer: ['interaction.connected', REF],
  AgentEvent_Talking: ['interaction.connected', SEED],
  AgentEvent_Hold: ['interaction.hold', REF],
  AgentEvent_No_Answer: ['interaction.missed', REF],
  AgentEvent_Call_Out_Fail: ['interaction.failed', SEED],
  AgentEvent_Call_Release: ['interaction.ended', SEED],
  AgentEvent_Customer_Release: ['interaction.ended', SEED],
  AgentEvent_linkagePhoneHold: ['interaction.hold', page('cec_07_1427')],
  AgentEvent_Inside_Call_Fail: ['interaction.failed', page('cec_07_1361')],
  AgentEvent_MessageData: ['message.inbound', page('cec_07_1405')],
} as const satisfies Record<string, readonly [Kind, string]>;

const STATES = {
  AgentState_Ready: 'available',
  AgentState_Busy: 'busy',
  AgentState_SetNotReady_Success: 'busy',
  AgentState_Work: 'wrap-up',
  AgentState_SetWork_Success: 'wrap-up',
  AgentState_SetRest_Success: 'away',
  AgentState_CancelNotReady_Success: 'available',
  AgentState_CancelRest_Success: 'available',
  AgentState_CancelWork_Success: 'available',
} as const satisfies Record<string, AgentState>;

const SESSIONS = { AgentOther_InService: true, AgentOther_ShutdownService: false } as const satisfies Record<string, boolean>;

const INFO = { AgentEvent_Customer_Alerting: SEED, AgentOther_PhoneRelease: REF, AgentState_Rest_Timeout: SEED } as const;

export const HUAWEI_AICC_MAPPING: readonly MappingRow[] = [
  ...Object.entries(CALL_KINDS).map(([vendorEvent, [kind, source]]) => ({ vendorEvent, kind, source })),
  ...Object.keys(STATES).map((vendorEvent) => ({ vendorEvent, kind: 'agent.state' as const, source: SEED })),
  ...Object.keys(SESSIONS).map((vendorEvent) => ({ vendorEvent, kind: 'agent.session' as const, source: REF })),
  ...Object.entries(INFO).map(([vendorEvent, source]) => ({ vendorEvent, kind: 'vendor.info' as const, source })),
];

/** Strings are parsed only below this size: a bar event is a few hundred bytes. */
export const MAX_JSON_CHARS = 64 * 1024;
/** Huawei's event families all look like Agent<Family>_<Name>; anything else is not a bar event. */
const HUAWEI_EVENT_RE = /^Agent[A-Za-z]*_/;

const EventBody = z.looseObject({ eventType: z.string().min(1).max(200) });

/** Codes arrive as numbers in the API reference; accept "1" too. */
const code = z
  .union([z.number().int(), z.string().regex(/^\d{1,4}$/).transform(Number)])
  .optional()
  .catch(undefined);

const Content = looseRecord({
  callid: idField,
  callId: idField,
  caller: text(64),
  called: text(64),
  number: text(64),
  otherPhone: text(64),
  skillName: text(200),
  message: text(),
  feature: code,
  mediaAbility: code,
});
type Content = z.infer<typeof Content>;

const MEDIA_ABILITY: Readonly<Record<string, Media>> = { '1': 'voice', '2': 'video', '3': 'video', '5': 'chat', '6': 'video' };
/** feature 7 is an outbound call (cec_07_0513), where the customer is the called party. */
const OUTBOUND_FEATURE = 7;

/** Plain objects only: a structured-clone or JSON value never has another prototype to read through. */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

type Parsed = { eventType: string; content: unknown; raw: Record<string, unknown> };

function readEnvelope(data: unknown): Parsed | { reject: string } {
  let value = data;
  if (typeof data === 'string') {
    if (data.length > MAX_JSON_CHARS) return { reject: `not a Huawei AICC event: a ${data.length}-character string is over the ${MAX_JSON_CHARS / 1024} KiB limit` };
    try {
      value = JSON.parse(data);
    } catch {
      return { reject: `not a Huawei AICC event: expected a JSON string or an object; got ${describeValue(data)}, which is not JSON` };
    }
    // A 12 KB string can unfold into a value thousands of levels deep: what is parsed here is
    // held to the same limits as a captured object (core/measure.ts).
    const bounded = measureCapture(value);
    if (!bounded.ok) return { reject: `not a Huawei AICC event: its JSON string is ${bounded.reason}` };
  }
  if (!isRecord(value)) return { reject: `not a Huawei AICC event: expected an object {event:{eventType,…}} or {eventType,…}; got ${describeValue(value)}` };
  const nested = isRecord(value.event);
  const inner = nested ? (value.event as Record<string, unknown>) : value;
  const body = EventBody.safeParse(inner);
  if (!body.success) {
    const where = nested ? '"event.eventType"' : '"eventType"';
    return { reject: `not a Huawei AICC event: expected a string eventType in {event:{eventType}} or {eventType}; its ${where} is ${describeValue(inner.eventType)}` };
  }
  return { eventType: body.data.eventType, content: inner.content, raw: value };
}

/** content is a callid string for Hold (and Call_Release in some versions), else an object. */
function callRef(content: unknown, c: Content): string | undefined {
  if (typeof content === 'string' || typeof content === 'number') return idField.parse(content);
  return c.callid ?? c.callId;
}

const mediaOf = (c: Content): Media | undefined => (c.mediaAbility === undefined ? undefined : (lookup(MEDIA_ABILITY, String(c.mediaAbility)) ?? 'voice'));

/** On an outbound call (feature 7) the customer is the called party, else the caller. */
const customerOf = (c: Content) => ({ number: c.feature === OUTBOUND_FEATURE ? c.called : c.caller });

/** Events after which nothing more is said about the call. */
const CALL_ENDS: ReadonlySet<string> = new Set([
  'AgentEvent_Call_Release',
  'AgentEvent_Customer_Release',
  'AgentEvent_No_Answer',
  'AgentEvent_Call_Out_Fail',
  'AgentEvent_Inside_Call_Fail',
]);

function callDraft(type: keyof typeof CALL_KINDS, content: unknown, raw: Record<string, unknown>, memory: AdapterMemory): EventDraft {
  const c = Content.parse(content);
  const kind = CALL_KINDS[type][0];
  const draft: EventDraft = { kind, vendorEvent: type, ref: callRef(content, c), media: mediaOf(c), raw };
  switch (type) {
    case 'AgentEvent_Incoming_CallInfo':
      // Without callId it announces nothing the agent can act on.
      if (!c.callId) return { kind: 'vendor.info', vendorEvent: type, ref: c.callid, raw };
      draft.queue = c.skillName;
      draft.party = { number: c.caller };
      break;
    case 'AgentEvent_Customer_Release':
      draft.party = { number: c.number };
      break;
    case 'AgentEvent_MessageData':
      // A text-channel message (cec_07_1405): the customer's words; the channel is text.
      draft.text = c.message;
      draft.media ??= 'chat';
      if (c.caller || c.called) draft.party = customerOf(c);
      break;
    default:
      if (c.caller || c.called) draft.party = customerOf(c);
  }
  if (draft.ref !== undefined) completeFromBook(draft, draft.ref, memory);
  // Huawei is a voice contact center first; only mediaAbility (or the call's earlier events) says otherwise.
  if ((kind === 'interaction.offered' || kind === 'interaction.connected' || kind === 'interaction.missed') && !draft.media) draft.media = 'voice';
  if (type === 'AgentEvent_Hold' || type === 'AgentEvent_linkagePhoneHold') draft.on = true;
  if (draft.ref !== undefined && CALL_ENDS.has(type)) forgetCall(memory, draft.ref);
  return draft;
}

/**
 * Fills what the event leaves out (its content is often the bare callid) from what the call's
 * earlier events said, and remembers what it adds: a missed call then names its caller and queue.
 */
function completeFromBook(draft: EventDraft, ref: string, memory: AdapterMemory): void {
  rememberCall(memory, ref, { number: draft.party?.number, queue: draft.queue, media: draft.media });
  const known = recallCall(memory, ref);
  if (!known) return;
  if (!draft.party?.number && known.number) draft.party = { ...draft.party, number: known.number };
  draft.queue ??= known.queue;
  draft.media ??= known.media;
}

function toDraft(type: string, content: unknown, raw: Record<string, unknown>, memory: AdapterMemory): EventDraft {
  if (lookup<unknown>(CALL_KINDS, type)) return callDraft(type as keyof typeof CALL_KINDS, content, raw, memory);
  const state = lookup<AgentState>(STATES, type);
  if (state) return { kind: 'agent.state', vendorEvent: type, state, raw };
  const loggedIn = lookup<boolean>(SESSIONS, type);
  if (loggedIn !== undefined) return { kind: 'agent.session', vendorEvent: type, loggedIn, raw };
  if (lookup<string>(INFO, type)) {
    const c = Content.parse(content);
    const ref = callRef(content, c);
    // The other party ringing: on an outbound call, the customer being dialled. A caller the
    // call's own events named stays the call's party.
    if (ref !== undefined && c.otherPhone && !recallCall(memory, ref)?.number) rememberCall(memory, ref, { number: c.otherPhone });
    return { kind: 'vendor.info', vendorEvent: type, ref, party: { number: c.otherPhone }, raw };
  }
  return { kind: 'vendor.other', vendorEvent: eventName(type), raw };
}

function normalize(capture: RawCapture, memory: AdapterMemory): NormalizeResult {
  if (capture.transport !== 'postMessage') return { reject: `Huawei AICC events arrive by postMessage, not ${capture.transport}` };
  const parsed = readEnvelope(capture.data);
  if ('reject' in parsed) return parsed;
  if (!HUAWEI_EVENT_RE.test(parsed.eventType)) {
    return { reject: `not a Huawei AICC event: eventType "${eventName(parsed.eventType)}" is not of the form Agent<Family>_<Name>` };
  }
  return { events: stamp(capture, [toDraft(parsed.eventType, parsed.content, parsed.raw, memory)]) };
}

/** What a callout can carry: the bar dials exactly what it gets, so reject anything else here. */
const DIALABLE = /^\+?[0-9*#]+$/;
const MAX_DIAL_CHARS = 32;

export const huaweiAicc: VendorAdapter = {
  id: 'huawei-aicc',
  label: 'Huawei AICC',
  // $aicc_ContextPath is tenant-specific: the profile must name its origin.
  defaultOrigins: [],
  transport: 'postMessage',
  defaultMode: 'framed',
  // The bar reports AgentEvent_No_Answer itself.
  derivesMissed: false,
  mapping: HUAWEI_AICC_MAPPING,
  normalize,
  // The bar sends nothing until subscribed; the seed posts the subscription as a JSON string.
  handshake: () => [
    { transport: 'postMessage', data: JSON.stringify({ name: 'eventpost', param: HUAWEI_AICC_MAPPING.map((r) => r.vendorEvent) }) },
  ],
  // Only eventpost and callout are postMessage commands. Ready/busy/rest, answer and sign-out are
  // CC-Gateway REST calls that need the Guid from the agent's sign-in, which the bar did and the
  // host never sees (vendors.md §4.4), so setState/answer/hangup are not offered.
  commands: {
    dial(number) {
      if (typeof number !== 'string' || number.length > MAX_DIAL_CHARS || !DIALABLE.test(number)) {
        const got = typeof number === 'string' ? `"${number.slice(0, 40)}"` : describeValue(number);
        return unsupported(`Huawei AICC can only dial digits, *, # and a leading + (at most 32 characters); got ${got}`);
      }
      // An object, not a string: the callout command is documented that way (cec_05_1313).
      return postMessages({ name: 'callout', param: [number, 'audio'] });
    },
  },
};
