/**
 * RingCentral Engage Digital / RingCX Digital embedded UI, as documented in
 * ringcentral/engage-digital-api-docs@95ff4ddc docs/sdks/ui-embed/events.md. Envelope: an
 * object `{name: 'smcc:…', data: {…}}` posted by the embedded UI to window.parent. App-SDK apps
 * use the same shape, publishing custom events as `smcc:<ns>` (docs/sdks/app-sdk/config.md).
 * No postMessage commands exist for the embedded UI (presence and task actions are REST only and
 * need an API token), so `commands` is empty.
 *
 * Mapping table (every event of that page):
 *   smcc:task:ring                      interaction.offered  (ref = Id, text = body, party.name = author, queue, media task)
 *   smcc:task:missed                    interaction.missed   (ref = Id, queue, media task)
 *   smcc:task:updated                   message.inbound      when waitingForUser === true and its last customer message
 *                                                            was not announced yet for this task (ref = Id,
 *                                                            text = lastIdentityContentBody, party.name = identitySignature)
 *                                       vendor.info          otherwise: agent replied, task deferred and then retrieved,
 *                                                            content deleted, or a message already announced
 *   smcc:task:selected                  vendor.info          (ref = Id)
 *   smcc:content:reply                  vendor.info          (ref = inReplyToId)
 *   smcc:content:initiate_discussion    vendor.info          (no id; text = body)
 *   smcc:content:intervention_opened    vendor.info          (ref = interventionId, else id)
 *   smcc:content:intervention_closed    vendor.info          (ref = interventionId, else id)
 *   smcc:content_thread:selected        vendor.info          (ref = id, the thread)
 *   smcc:identity:show                  vendor.info          (ref = taskID, else interventionId; its `id` is the customer's)
 *   smcc:user:disconnected              agent.session        loggedIn=false
 *   other `smcc:` names                 vendor.other         (App-SDK custom events)
 *   names without the `smcc:` prefix    rejected
 *
 * smcc:task:updated is the one event whose kind depends on its payload (and on what this profile
 * already announced): one vendor event still yields exactly one ShellEvent, so the log keeps a
 * 1:1 trace. The mapping table lists it once, under message.inbound, the kind that has an effect.
 *
 * Already announced: smcc:task:updated fires again, with the same last customer message, when a
 * task is deferred and then retrieved (and when a newer content is deleted, the older one is last
 * again). Its payload names no id for that message (contentId "can be null" and is not said to be
 * the customer's), so a message is known by its task, its body and lastIdentityContentCreatedAt.
 * That time "can be null": then the same words in the same task are taken to be the same message.
 * The ring's body counts as announced too (the ring toast showed it), without a time; the first
 * update that repeats it lends it its time, so the same words sent later still announce.
 *
 * The ids' casing differs per event (Id, id, taskID), so each event names its own ref keys below.
 * Media is always 'task': no payload says whether a task is chat, email or social.
 * Queue is set only for ring/missed ("global" etc.): the other events' queue is the agent's own
 * workbin/history bucket, not a routing queue an agent would recognise.
 */
import { z } from 'zod';
import type { RawCapture } from '../contract/raw-capture';
import { FIELD_LIMITS, type Kind } from '../contract/shell-event';
import type { MappingRow, NormalizeResult, VendorAdapter } from './adapter';
import { boolField, envelopeProblem, eventName, idField, looseRecord, lookup, stamp, text, type EventDraft } from './fields';
import { BoundedMap, memorySlot, type AdapterMemory } from './memory';

const PREFIX = 'smcc:';
const SOURCE = 'ringcentral/engage-digital-api-docs@95ff4ddc docs/sdks/ui-embed/events.md (seed 000)';

const KINDS = {
  'smcc:task:ring': 'interaction.offered',
  'smcc:task:missed': 'interaction.missed',
  'smcc:task:updated': 'message.inbound',
  'smcc:task:selected': 'vendor.info',
  'smcc:content:reply': 'vendor.info',
  'smcc:content:initiate_discussion': 'vendor.info',
  'smcc:content:intervention_opened': 'vendor.info',
  'smcc:content:intervention_closed': 'vendor.info',
  'smcc:content_thread:selected': 'vendor.info',
  'smcc:identity:show': 'vendor.info',
  'smcc:user:disconnected': 'agent.session',
} as const satisfies Record<string, Kind>;
type EngageEvent = keyof typeof KINDS;

export const ENGAGE_DIGITAL_MAPPING: readonly MappingRow[] = Object.entries(KINDS).map(([vendorEvent, kind]) => ({
  vendorEvent,
  kind,
  source: SOURCE,
}));

/** Which payload keys carry the ref, in order of preference; the vendor's casing varies per event. */
const REF_KEYS: Readonly<Record<string, readonly string[]>> = {
  'smcc:task:ring': ['Id'],
  'smcc:task:missed': ['Id'],
  'smcc:task:updated': ['Id'],
  'smcc:task:selected': ['Id'],
  'smcc:content:reply': ['inReplyToId'],
  'smcc:content:intervention_opened': ['interventionId', 'id'],
  'smcc:content:intervention_closed': ['interventionId', 'id'],
  'smcc:content_thread:selected': ['id'],
  'smcc:identity:show': ['taskID', 'interventionId'],
};

// smcc:user:disconnected carries no payload, so `data` may be absent.
const Envelope = z.looseObject({ name: z.string().min(1).max(200), data: z.unknown().optional() });

const TaskSchema = looseRecord({
  queue: text(FIELD_LIMITS.queue),
  body: text(),
  author: text(FIELD_LIMITS.name),
  waitingForUser: boolField,
  lastIdentityContentBody: text(),
  lastIdentityContentCreatedAt: text(64),
  identitySignature: text(FIELD_LIMITS.name),
});

/** One customer message announced for a task; `createdAt` is unknown for the ring's body. */
interface Announced {
  body: string | undefined;
  createdAt: string | undefined;
}
/** Tasks an agent handles in a shift, and the last few customer messages of each. */
const ANNOUNCED = memorySlot('engage-digital-announced', () => new BoundedMap<string, Announced[]>(256));
const MESSAGES_PER_TASK = 8;

/**
 * True when this task's message was announced before; otherwise remembers it. A match without a
 * time on either side is a match on the words alone, and learns the time it now has.
 */
function alreadyAnnounced(memory: AdapterMemory, task: string, body: string | undefined, createdAt: string | undefined): boolean {
  const book = memory.get(ANNOUNCED);
  const messages = book.get(task) ?? [];
  for (const m of messages) {
    if (m.body !== body) continue;
    if (m.createdAt === undefined) m.createdAt = createdAt;
    else if (createdAt !== undefined && m.createdAt !== createdAt) continue;
    return true;
  }
  messages.push({ body, createdAt });
  if (messages.length > MESSAGES_PER_TASK) messages.shift();
  book.set(task, messages);
  return false;
}

function refOf(event: string, data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  for (const key of lookup(REF_KEYS, event) ?? []) {
    if (!Object.hasOwn(data, key)) continue;
    const id = idField.parse((data as Record<string, unknown>)[key]);
    if (id) return id;
  }
  return undefined;
}

function draft(event: EngageEvent, data: unknown, raw: unknown, memory: AdapterMemory): EventDraft {
  const base = { vendorEvent: event, ref: refOf(event, data), raw };
  const task = TaskSchema.parse(data);
  switch (event) {
    case 'smcc:task:ring':
      if (base.ref !== undefined && task.body !== undefined) alreadyAnnounced(memory, base.ref, task.body, undefined);
      return { ...base, kind: 'interaction.offered', media: 'task', party: { name: task.author }, queue: task.queue, text: task.body };
    case 'smcc:task:missed':
      return { ...base, kind: 'interaction.missed', media: 'task', queue: task.queue };
    case 'smcc:task:updated':
      if (task.waitingForUser !== true) return { ...base, kind: 'vendor.info' };
      if (base.ref !== undefined && (task.lastIdentityContentBody !== undefined || task.lastIdentityContentCreatedAt !== undefined)) {
        if (alreadyAnnounced(memory, base.ref, task.lastIdentityContentBody, task.lastIdentityContentCreatedAt)) return { ...base, kind: 'vendor.info' };
      }
      return {
        ...base,
        kind: 'message.inbound',
        media: 'task',
        party: { name: task.identitySignature },
        text: task.lastIdentityContentBody,
      };
    case 'smcc:content:initiate_discussion':
      return { ...base, kind: 'vendor.info', text: task.body };
    case 'smcc:user:disconnected':
      return { ...base, kind: 'agent.session', loggedIn: false };
    default:
      return { ...base, kind: KINDS[event] };
  }
}

export function normalizeEngageDigital(capture: RawCapture, memory: AdapterMemory): NormalizeResult {
  if (capture.transport !== 'postMessage') {
    return { reject: `Engage Digital messages arrive by postMessage, not ${capture.transport}` };
  }
  const envelope = Envelope.safeParse(capture.data);
  if (!envelope.success) return { reject: `not an Engage Digital message: ${envelopeProblem(capture.data, 'name')}` };
  const raw = envelope.data;
  const name = raw.name;
  if (!name.startsWith(PREFIX)) {
    return { reject: `not an Engage Digital message: name "${eventName(name)}" lacks the ${PREFIX} prefix` };
  }
  if (!lookup<Kind>(KINDS, name)) {
    return { events: stamp(capture, [{ kind: 'vendor.other', vendorEvent: eventName(name), raw }]) };
  }
  return { events: stamp(capture, [draft(name as EngageEvent, raw.data, raw, memory)]) };
}

export const engageDigital: VendorAdapter = {
  id: 'engage-digital',
  label: 'RingCentral Engage Digital',
  defaultOrigins: ['https://*.digital.ringcentral.com', 'https://*.engagement.dimelo.com'],
  transport: 'postMessage',
  // Its pages are built to be iframed (once an admin allows it) and post to window.parent.
  defaultMode: 'framed',
  // smcc:task:missed is a real vendor event; deriving one too would double-notify.
  derivesMissed: false,
  mapping: ENGAGE_DIGITAL_MAPPING,
  normalize: normalizeEngageDigital,
  // None documented for the embedded UI; presence is REST only (specs/engage-digital_openapi3.yaml
  // /1.0/status in ringcentral/engage-digital-api-docs).
  commands: {},
};
