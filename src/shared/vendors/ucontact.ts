/**
 * uContact (Integra). Two envelopes, both plain objects posted to window.parent:
 *   v7 "Events API"            {event, data}    docs.ucontactcloud.com/developer/events.html; data is an
 *                                               object, or a bare string (changedLanguage "en")
 *   v6 "uPhone" Window Proxy   {action, params} integra-scm.atlassian.net/wiki/x/AQCxnQ (older
 *                                               instances); its only payload sample is makeCall's
 *                                               {"number":1234, "campaign":"campaign->"}
 * An object with an "event" key is read as v7, else one with an "action" key as v6; neither is rejected.
 *
 * Mapping table:
 *   v7 assignedInteraction   interaction.offered   (ref = guid, queue = campaign, media from channel, party from clientId)
 *   v7 finishedInteraction   interaction.ended     (ref = guid)
 *   v7 sentDisposition       interaction.wrapup    (ref = guid, text = comment)
 *   v7 changedTheme          vendor.info
 *   v7 changedLanguage       vendor.info
 *   v6 gettingCall           interaction.offered   (voice; ref = guid, party.number = number ?? callerid, queue = campaign)
 *   v6 makeCall              interaction.outbound  (voice; same fields)
 *   v6 finishedCall          interaction.ended     (voice; same fields)
 *   v6 finishedSms           interaction.ended     (sms; "an SMS conversation is closed", whatever its direction
 *                                                   "I"/"O": ref = guid, else "sms:<number>", party.number = number)
 *                            vendor.info           when it names neither guid nor number
 *   v6 sentDispositions      interaction.wrapup    (ref = guid, text = comment)
 *   v6 agentLogin            agent.session         loggedIn=true
 *   any other event/action   vendor.other
 *
 * finishedSms is the one event whose kind depends on its payload; it still yields exactly one
 * ShellEvent and is listed once in the mapping table, under interaction.ended. It never gets an
 * empty ref: an interaction.ended without one means "every call ended" (core/presence.ts), and a
 * closed SMS conversation must not end the agent's call.
 * v6 `number` is a JSON number in the wiki's sample (`"number":1234`) and a string elsewhere, so
 * both are read; a numeric one is a positive safe integer or it is no number at all. Other v6 field
 * names (guid, callerid, campaign, comment) follow the wiki's listener and the older Porthole
 * integration; they are read defensively, none is required.
 *
 * clientId is only "ID of the client". On telephony it is most likely the caller's number [inf],
 * and our own dial command sends the number there, so a phone-like value (6–15 digits, optional +,
 * usual separators) becomes party.number; anything else (an e-mail address, a chat handle, a CRM
 * id) becomes party.name, since it is still the best label the agent gets for the customer.
 *
 * Commands: only dial, in the dialect the instance was last heard to speak (adapter memory: a
 * `{action}` envelope means v6, an `{event}` one v7): v6 `{action:'makeCall', params:{number,
 * campaign}}`, v7 `{event:'startInteraction', data:{campaign, channel, clientId}}`. Before the
 * instance has said anything, v7: it is the documented current API, and v6 is for older
 * instances. That guess is watched (confirm): a v6 instance ignores startInteraction without a
 * word, so the agent is told when no call starts. Agent state, answer and hangup exist only in
 * uContact's REST Agent API, which needs agent credentials the shell does not hold.
 */
import { z } from 'zod';
import type { CommandResult, OutboundMessage } from '../contract/outbound';
import type { RawCapture } from '../contract/raw-capture';
import { FIELD_LIMITS, type Kind, type Media, type ShellEvent } from '../contract/shell-event';
import { postMessages, unsupported, type CommandContext, type DialOptions, type MappingRow, type NormalizeResult, type VendorAdapter } from './adapter';
import { describeValue, envelopeProblem, eventName, idField, looseRecord, lookup, stamp, text, type EventDraft } from './fields';
import { memorySlot, type AdapterMemory } from './memory';

const V7_KINDS = {
  assignedInteraction: 'interaction.offered',
  finishedInteraction: 'interaction.ended',
  sentDisposition: 'interaction.wrapup',
  changedTheme: 'vendor.info',
  changedLanguage: 'vendor.info',
} as const satisfies Record<string, Kind>;
type V7Event = keyof typeof V7_KINDS;

const V6_KINDS = {
  gettingCall: 'interaction.offered',
  makeCall: 'interaction.outbound',
  finishedCall: 'interaction.ended',
  finishedSms: 'interaction.ended',
  sentDispositions: 'interaction.wrapup',
  agentLogin: 'agent.session',
} as const satisfies Record<string, Kind>;
type V6Action = keyof typeof V6_KINDS;

const V7_SOURCE = 'docs.ucontactcloud.com/developer/events.html (Events API; seed 001)';
const V6_SOURCE = 'integra-scm.atlassian.net/wiki/x/AQCxnQ (uContact Window Proxy API, v6 uPhone)';
export const UCONTACT_MAPPING: readonly MappingRow[] = [
  ...Object.entries(V7_KINDS).map(([vendorEvent, kind]) => ({ vendorEvent, kind, source: V7_SOURCE })),
  ...Object.entries(V6_KINDS).map(([vendorEvent, kind]) => ({ vendorEvent, kind, source: V6_SOURCE })),
];

/** Which envelope the instance was last heard to use; decides the dial command's dialect. */
type Dialect = 'v6' | 'v7';
const DIALECT = memorySlot('ucontact-dialect', () => ({ heard: undefined as Dialect | undefined }));

/** uContact channel names seen in campaigns and its UI; compared lower-cased. [inf] */
const CHANNEL_MEDIA: Readonly<Record<string, Media>> = {
  telephony: 'voice',
  voice: 'voice',
  call: 'voice',
  phone: 'voice',
  video: 'video',
  sms: 'sms',
  email: 'email',
  mail: 'email',
  chat: 'chat',
  webchat: 'chat',
  whatsapp: 'chat',
  facebook: 'social',
  instagram: 'social',
  twitter: 'social',
};

export function channelMedia(channel: string | undefined): Media {
  return (channel && lookup(CHANNEL_MEDIA, channel.toLowerCase())) || 'unknown';
}

/** E.164 allows at most 15 digits; fewer than 6 is more likely an internal id than a number. */
export function looksLikePhoneNumber(value: string): boolean {
  if (!/^\+?[0-9(][0-9 ().-]*$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

const name = z.string().min(1).max(200);
const V7Envelope = z.looseObject({ event: name, data: z.unknown().optional() });
const V6Envelope = z.looseObject({ action: name, params: z.unknown().optional() });

const V7Schema = looseRecord({
  guid: idField,
  campaign: text(FIELD_LIMITS.queue),
  channel: text(64),
  clientId: text(FIELD_LIMITS.name),
  comment: text(),
});
/** A phone number as a string, or as the JSON number of the v6 sample (a positive safe integer). */
const phoneNumber = z
  .union([z.string(), z.number()])
  .transform((v) => {
    if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? String(v) : undefined;
    const t = v.trim();
    return t === '' ? undefined : t.slice(0, FIELD_LIMITS.number);
  })
  .optional()
  .catch(undefined);

const V6Schema = looseRecord({
  guid: idField,
  number: phoneNumber,
  callerid: phoneNumber,
  campaign: text(FIELD_LIMITS.queue),
  comment: text(),
});

function v7Draft(event: V7Event, data: unknown, raw: unknown): EventDraft {
  const p = V7Schema.parse(data);
  const base = { kind: V7_KINDS[event], vendorEvent: event, ref: p.guid, raw };
  switch (event) {
    case 'assignedInteraction': {
      const client = p.clientId;
      const party = client && looksLikePhoneNumber(client) ? { number: client } : { name: client };
      return { ...base, media: channelMedia(p.channel), party, queue: p.campaign };
    }
    case 'sentDisposition':
      return { ...base, text: p.comment };
    default:
      return base;
  }
}

function v6Draft(action: V6Action, params: unknown, raw: unknown): EventDraft {
  const p = V6Schema.parse(params);
  const base = { kind: V6_KINDS[action], vendorEvent: action, ref: p.guid, raw };
  const party = { number: p.number ?? p.callerid };
  switch (action) {
    case 'gettingCall':
    case 'makeCall':
    case 'finishedCall':
      return { ...base, media: 'voice', party, queue: p.campaign };
    case 'finishedSms': {
      const ref = p.guid ?? (p.number !== undefined ? `sms:${p.number}` : undefined);
      return ref === undefined ? { ...base, kind: 'vendor.info', media: 'sms' } : { ...base, ref, media: 'sms', party: { number: p.number } };
    }
    case 'sentDispositions':
      return { ...base, text: p.comment };
    case 'agentLogin':
      return { ...base, ref: undefined, loggedIn: true };
  }
}

const EXPECTED = 'expected an object {event, data} (v7) or {action, params} (v6)';

export function normalizeUcontact(capture: RawCapture, memory: AdapterMemory): NormalizeResult {
  if (capture.transport !== 'postMessage') return { reject: `uContact messages arrive by postMessage, not ${capture.transport}` };
  const data = capture.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { reject: `not a uContact message: ${EXPECTED}; got ${describeValue(data)}` };
  const record = data as Record<string, unknown>;

  if (Object.hasOwn(record, 'event')) {
    const v7 = V7Envelope.safeParse(record);
    if (!v7.success) return { reject: `not a uContact v7 message: ${envelopeProblem(record, 'event')}` };
    memory.get(DIALECT).heard = 'v7';
    const event = v7.data.event;
    if (!lookup<Kind>(V7_KINDS, event)) return other(capture, event, v7.data);
    return { events: stamp(capture, [v7Draft(event as V7Event, v7.data.data, v7.data)]) };
  }
  if (Object.hasOwn(record, 'action')) {
    const v6 = V6Envelope.safeParse(record);
    if (!v6.success) return { reject: `not a uContact v6 message: ${envelopeProblem(record, 'action')}` };
    memory.get(DIALECT).heard = 'v6';
    const action = v6.data.action;
    if (!lookup<Kind>(V6_KINDS, action)) return other(capture, action, v6.data);
    return { events: stamp(capture, [v6Draft(action as V6Action, v6.data.params, v6.data)]) };
  }
  return { reject: `not a uContact message: ${EXPECTED}; it has neither an "event" nor an "action" key` };
}

function other(capture: RawCapture, vendorEvent: string, raw: unknown): NormalizeResult {
  return { events: stamp(capture, [{ kind: 'vendor.other', vendorEvent: eventName(vendorEvent), raw }]) };
}

export interface StartInteraction {
  campaign: string;
  channel: string;
  clientId: string;
}

const startInteractionData = ({ campaign, channel, clientId }: StartInteraction) => ({
  event: 'startInteraction',
  data: { campaign, channel, clientId },
});

/** The v7 action (docs.ucontactcloud.com/developer/events.html "Actions"): uContact starts an interaction of `channel` in `campaign` to `clientId`. */
export function startInteraction({ campaign, channel, clientId }: StartInteraction): OutboundMessage {
  return { transport: 'postMessage', data: startInteractionData({ campaign, channel, clientId }) };
}

/** The v6 command (the wiki's "Make call"); the number stays a string, so a leading + or 0 survives. */
const makeCallData = (number: string, campaign: string) => ({ action: 'makeCall', params: { number, campaign } });

/** Events that show a dial took effect: the instance assigned the interaction or started the call. */
const startedCall = (e: ShellEvent) => e.vendorEvent === 'assignedInteraction' || e.vendorEvent === 'makeCall';

function dial(number: string, ctx: CommandContext, options?: DialOptions): CommandResult {
  const campaign = options?.campaign?.trim();
  if (!campaign) return unsupported('uContact starts a call only within a campaign, and this profile names none');
  const clientId = number.trim();
  if (!clientId) return unsupported('no number to dial');
  const heard = ctx.memory.get(DIALECT).heard;
  if (heard === 'v6') return postMessages(makeCallData(clientId, campaign));
  // 'telephony' is our inference of uContact's voice channel name; its page documents only "string".
  const messages = [startInteraction({ campaign, channel: 'telephony', clientId })];
  if (heard === 'v7') return { messages };
  return {
    messages,
    confirm: {
      what: `start the call to ${clientId}`,
      withinMs: 15_000,
      by: startedCall,
      hint: 'nothing was heard from this uContact yet, so the current (v7) startInteraction was sent; a v6 (uPhone) instance ignores it — dial again once it has sent an event',
    },
  };
}

export const ucontact: VendorAdapter = {
  id: 'ucontact',
  label: 'uContact',
  defaultOrigins: ['https://*.ucontactcloud.com'],
  transport: 'postMessage',
  // The Events API is the iframe integration (once frame-ancestors lists the host).
  defaultMode: 'framed',
  // uContact has no "connected" event, so deriving "offered, then ended without connecting" would
  // call every interaction missed.
  derivesMissed: false,
  mapping: UCONTACT_MAPPING,
  normalize: normalizeUcontact,
  commands: { dial },
};
