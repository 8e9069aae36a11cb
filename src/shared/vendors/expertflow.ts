/**
 * ExpertFlow CX Agent Desk (vendors.md §5, seed 004). Agent Desk has no postMessage API; it talks
 * to the Agent Manager over Socket.IO. The shell taps the desk's own WebSocket inside its view
 * (hence defaultMode 'direct') and hands each Engine.IO text frame over as capture.data, with
 * direction 'in' (Agent Manager → desk) or 'out' (desk → Agent Manager). Engine.IO/Socket.IO
 * transport frames (open, ping, connect, ack…) carry no vendor event and yield zero events.
 *
 * Mapping table (vendors.md §5.2; seed 004 for publishCimEvent):
 *   in  agentPresence     agent.state      (state.name READY → available, NOT_READY → away,
 *                                           LOGOUT → offline, else no state); session agentId = agent.id
 *   in  taskRequest       interaction.offered  (ref taskId, party = customer name / channelCustomerIdentifier,
 *                                           queue = queue.name, media from the channel type)
 *   in  onCimEvent        message.inbound  when the sender is the CUSTOMER and it is not a NOTIFICATION
 *                                           (ref cimEvent.id, text body.markdownText, party = sender);
 *                         vendor.info      for every other CIM event (agent/bot messages, typing,
 *                                           session notices): one event either way, the payload decides
 *   out publishCimEvent   message.outbound (ref cimEvent.id, text body.markdownText); session agentId
 *   out changeAgentState  vendor.info      (the desk asked; agentPresence confirms)
 *   other event names, or a known name in the wrong direction   vendor.other
 *
 * raw is the event's payload (its first argument) for documented events, and the whole argument
 * list for vendor.other, whose arity we do not know.
 */
import type { z } from 'zod';
import type { RawCapture } from '../contract/raw-capture';
import { FIELD_LIMITS, type AgentState, type Kind, type Media } from '../contract/shell-event';
import { unsupported, type MappingRow, type NormalizeResult, type VendorAdapter, type VendorSession } from './adapter';
import { describeValue, eventName, idField, looseRecord, lookup, stamp, text, type EventDraft } from './fields';
import { decodeSocketIoFrame, encodeSocketIoEvent } from './socket-io-frames';

type Direction = 'in' | 'out';

const EVENTS = {
  agentPresence: { direction: 'in', kind: 'agent.state', source: 'vendors.md §5.2' },
  taskRequest: { direction: 'in', kind: 'interaction.offered', source: 'vendors.md §5.2' },
  onCimEvent: { direction: 'in', kind: 'message.inbound', source: 'vendors.md §5.2' },
  publishCimEvent: { direction: 'out', kind: 'message.outbound', source: 'seed 004' },
  changeAgentState: { direction: 'out', kind: 'vendor.info', source: 'vendors.md §5.2' },
} as const satisfies Record<string, { direction: Direction; kind: Kind; source: string }>;
type EventName = keyof typeof EVENTS;

export const EXPERTFLOW_MAPPING: readonly MappingRow[] = Object.entries(EVENTS).map(([vendorEvent, e]) => ({
  vendorEvent,
  kind: e.kind,
  source: e.source,
}));

const PRESENCE_STATES: Readonly<Record<string, AgentState>> = { READY: 'available', NOT_READY: 'away', LOGOUT: 'offline' };

/** Channel type names as ExpertFlow lists them; a channel we do not know is still a task. */
const CHANNEL_MEDIA: Readonly<Record<string, Media>> = {
  WEB: 'chat',
  WHATSAPP: 'chat',
  VIBER: 'chat',
  TELEGRAM: 'chat',
  LINE: 'chat',
  VOICE: 'voice',
  CX_VOICE: 'voice',
  EMAIL: 'email',
  SMS: 'sms',
  FACEBOOK: 'social',
  INSTAGRAM: 'social',
  TWITTER: 'social',
};

const Name = looseRecord({ firstName: text(FIELD_LIMITS.name), lastName: text(FIELD_LIMITS.name) });
const ChannelSession = looseRecord({
  channel: looseRecord({ channelType: looseRecord({ name: text(32) }) }),
  customer: Name,
  channelData: looseRecord({ channelCustomerIdentifier: text(64) }),
});
type ChannelSession = z.infer<typeof ChannelSession>;

const Presence = looseRecord({
  agent: looseRecord({ id: idField, keycloakUser: looseRecord({ id: idField }) }),
  state: looseRecord({ name: text(32) }),
});
const Task = looseRecord({ taskId: idField, queue: looseRecord({ name: text(FIELD_LIMITS.queue) }), channelSession: ChannelSession });
const CimEvent = looseRecord({
  id: idField,
  type: text(32),
  data: looseRecord({
    header: looseRecord({ sender: looseRecord({ type: text(32), participant: Name }), channelSession: ChannelSession }),
    body: looseRecord({ markdownText: text() }),
  }),
});
const AgentRef = looseRecord({ agentId: idField });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const fullName = (n: z.infer<typeof Name>): string | undefined => [n.firstName, n.lastName].filter(Boolean).join(' ') || undefined;

function channelMedia(cs: ChannelSession): Media | undefined {
  const name = cs.channel.channelType.name;
  return name === undefined ? undefined : (lookup(CHANNEL_MEDIA, name.toUpperCase()) ?? 'task');
}

function customerParty(cs: ChannelSession): { name?: string; number?: string } {
  return { name: fullName(cs.customer), number: cs.channelData.channelCustomerIdentifier };
}

/** onCimEvent wraps the CIM event as {cimEvent}; some payloads are the CIM event itself. */
const unwrapCim = (payload: Record<string, unknown>): unknown => (isRecord(payload.cimEvent) ? payload.cimEvent : payload);

type Cim = z.infer<typeof CimEvent>;

function cimDraft(kind: Kind, vendorEvent: EventName, cim: Cim, raw: unknown): EventDraft {
  const { sender, channelSession } = cim.data.header;
  const party = customerParty(channelSession);
  // An inbound message names its sender; the channel session's customer is the fallback.
  if (kind === 'message.inbound') party.name = fullName(sender.participant) ?? party.name;
  return { kind, vendorEvent, ref: cim.id, media: channelMedia(channelSession), party, text: cim.data.body.markdownText, raw };
}

/** Customers also send notifications (typing); only their messages deserve a new-message alert. */
const isCustomerMessage = (cim: Cim): boolean => cim.data.header.sender.type === 'CUSTOMER' && cim.type !== 'NOTIFICATION';

function documentedEvent(name: EventName, payload: Record<string, unknown>, namespace: string): { draft: EventDraft; session?: VendorSession } {
  switch (name) {
    case 'agentPresence': {
      const p = Presence.parse(payload);
      const agentId = p.agent.id ?? p.agent.keycloakUser.id;
      const state = p.state.name === undefined ? undefined : lookup(PRESENCE_STATES, p.state.name);
      return { draft: { kind: 'agent.state', vendorEvent: name, state, raw: payload }, session: agentId ? { agentId, namespace } : { namespace } };
    }
    case 'taskRequest': {
      const t = Task.parse(payload);
      const cs = t.channelSession;
      const media = channelMedia(cs) ?? 'task';
      return { draft: { kind: 'interaction.offered', vendorEvent: name, ref: t.taskId, media, party: customerParty(cs), queue: t.queue.name, raw: payload } };
    }
    case 'onCimEvent': {
      const cim = CimEvent.parse(unwrapCim(payload));
      return { draft: cimDraft(isCustomerMessage(cim) ? 'message.inbound' : 'vendor.info', name, cim, payload) };
    }
    case 'publishCimEvent':
    case 'changeAgentState': {
      const agentId = AgentRef.parse(payload).agentId;
      const session = agentId ? { agentId, namespace } : undefined;
      if (name === 'changeAgentState') return { draft: { kind: 'vendor.info', vendorEvent: name, raw: payload }, session };
      return { draft: cimDraft('message.outbound', name, CimEvent.parse(payload.cimEvent), payload), session };
    }
  }
}

function normalize(capture: RawCapture): NormalizeResult {
  if (capture.transport !== 'socket.io') return { reject: `ExpertFlow events arrive as Socket.IO frames, not by ${capture.transport}` };
  const direction = capture.direction;
  if (direction !== 'in' && direction !== 'out') return { reject: `ExpertFlow captures need direction "in" or "out"; got ${describeValue(direction)}` };
  const frame = decodeSocketIoFrame(capture.data);
  if ('error' in frame) return { reject: `not an ExpertFlow Socket.IO frame: ${frame.error}` };
  if (frame.kind === 'transport') return { events: [] };
  if (frame.name.trim() === '') return { reject: 'not an ExpertFlow event: the Socket.IO event name is empty' };

  const known = lookup(EVENTS, frame.name);
  if (!known || known.direction !== direction) {
    return { events: stamp(capture, [{ kind: 'vendor.other', vendorEvent: eventName(frame.name), raw: frame.args }]) };
  }
  const name = frame.name as EventName;
  const payload = frame.args[0];
  if (!isRecord(payload)) return { reject: `not an ExpertFlow ${name} event: expected an object payload; got ${describeValue(payload)}` };
  const { draft, session } = documentedEvent(name, payload, frame.namespace);
  const events = stamp(capture, [draft]);
  return session ? { events, session } : { events };
}

const AGENT_STATE_NAMES: Partial<Record<AgentState, 'READY' | 'NOT_READY' | 'LOGOUT'>> = {
  available: 'READY',
  away: 'NOT_READY',
  offline: 'LOGOUT',
};

export const expertflow: VendorAdapter = {
  id: 'expertflow',
  label: 'ExpertFlow Agent Desk',
  // Each tenant hosts its own Agent Desk: the profile must name its origin.
  defaultOrigins: [],
  transport: 'socket.io',
  // The WebSocket tap has to run in the Agent Desk's own frame; our host page cannot reach it.
  defaultMode: 'direct',
  // No task-end event is tapped, so offered → ended can never be observed here; RONA is ExpertFlow's.
  derivesMissed: false,
  mapping: EXPERTFLOW_MAPPING,
  normalize,
  commands: {
    setState: {
      states: ['available', 'away', 'offline'],
      build(state, ctx) {
        const name = lookup(AGENT_STATE_NAMES, state);
        if (!name) return unsupported(`ExpertFlow has no "${state}" agent state (it knows READY, NOT_READY and LOGOUT)`);
        const agentId = ctx.session.agentId;
        if (!agentId) return unsupported('ExpertFlow needs the agent id for changeAgentState, and no agentPresence has been seen yet');
        // vendors.md §5.2: ExpertFlow may require a reasonCode ({id, name, type} from
        // unified-admin/reasons) for NOT_READY and LOGOUT. We have no REST access to that list,
        // so it is null here; READY must have null anyway.
        const frame = encodeSocketIoEvent(ctx.session.namespace ?? '/', 'changeAgentState', [
          { agentId, action: 'agentState', state: { name, reasonCode: null } },
        ]);
        return { messages: [{ transport: 'socket.io', frame }] };
      },
    },
  },
};
