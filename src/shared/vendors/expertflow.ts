/**
 * ExpertFlow CX Agent Desk. The desk talks to its Agent Manager over Socket.IO: the shell taps the
 * desk's own Engine.IO traffic inside its view (hence defaultMode 'direct'; WebSocket frames and
 * the long-polling XHRs it starts on) and hands each Engine.IO text frame over as capture.data,
 * with direction 'in' (Agent Manager → desk) or 'out' (desk → Agent Manager). Engine.IO/Socket.IO
 * transport frames (open, ping, connect, ack…) carry no vendor event and yield zero events.
 * With CRM events enabled the desk also posts `{eventName, agentData}` to its parent window:
 * those arrive as postMessage captures and are read by expertflow-crm.ts.
 *
 * Sources: expertflow/agent-desk-ui@f04b6b9d (built bundle, 2024-09-06) and
 * expertflow/expertflow-cx-documentation@495316a4 (Socket_Events pages).
 *
 * Mapping table:
 *   in  agentPresence     agent.state  {action, agentStateChanged, mrdStateChanges, agentPresence:
 *                                      {agent, state{name, reasonCode}, agentMrdStates[]}} (the bare
 *                                      inner object is read too): READY → available, NOT_READY →
 *                                      away, LOGOUT → offline, else no state; text lists the MRD
 *                                      states; session agentId = agent.id (= agent.keycloakUser.id)
 *   in  taskRequest       interaction.offered  (ref taskId, party = customer name /
 *                                      channelCustomerIdentifier, queue = queue.name, media from the
 *                                      channel type) unless taskState.name is STARTED: then
 *                                      interaction.connected (the desk subscribes by itself)
 *   out topicSubscription interaction.connected  (ref = the conversation's offered taskId, else
 *                                      taskId) when topicParticipant.state is SUBSCRIBED and the
 *                                      task is not already connected; else vendor.info
 *   in  revokeTask        interaction.missed  {conversationId}: the offer was not accepted in time
 *                                      (ref = the conversation's offered taskId); vendor.info when
 *                                      no offer of that conversation is known
 *   in  onCimEvent        message.inbound  when a CUSTOMER or CONNECTOR (WhatsApp and other
 *                                      connectors) sender's CUSTOMER_MESSAGE is not a notification
 *                                      (ref cimEvent.id, text body.markdownText, party = sender);
 *                                      cimEvent is a JSON string (2024 desk) or an object (2026 docs)
 *                         vendor.info      for every other CIM event (agent/bot messages, typing,
 *                                      session notices): one event either way, the payload decides
 *   out publishCimEvent   message.outbound for cimEvent.type MESSAGE (ref cimEvent.id, text
 *                                      body.markdownText); vendor.info for TYPING_INDICATOR,
 *                                      MESSAGE_DELIVERY_NOTIFICATION (read receipts) and other
 *                                      NOTIFICATION events; session agentId
 *   out changeAgentState  vendor.info  (the desk asked; agentPresence confirms)
 *   postMessage CRM events: see expertflow-crm.ts (AGENT_STATE_CHANGE → agent.state, AGENT_LOGIN /
 *                                      LOGOUT → agent.session, AGENT_TASK_STATE → as taskRequest or
 *                                      interaction.connected, others vendor.info)
 *   other event names, or a known name in the wrong direction   vendor.other
 *
 * raw is the event's payload (its first argument) for documented events, and the whole argument
 * list for vendor.other, whose arity we do not know.
 */
import type { RawCapture } from '../contract/raw-capture';
import type { Kind } from '../contract/shell-event';
import type { MappingRow, NormalizeResult, VendorAdapter, VendorSession } from './adapter';
import { describeValue, eventName, idField, looseRecord, lookup, stamp, type EventDraft } from './fields';
import type { AdapterMemory } from './memory';
import { decodeSocketIoFrame } from './socket-io-frames';
import { cimDraft, isAgentMessage, isCustomerMessage, isRecord, MRDS, presenceDraft, readCim, readPresence } from './expertflow-payloads';
import { acceptedDraft, revokedDraft, taskRequestDraft } from './expertflow-tasks';
import { CRM_EVENTS, normalizeCrm } from './expertflow-crm';
import { expertflowSetState } from './expertflow-commands';

type Direction = 'in' | 'out';

const SOCKET_EVENTS = 'expertflow/expertflow-cx-documentation@495316a4 Socket_Events';
const DESK = 'expertflow/agent-desk-ui@f04b6b9d main.3f924a1f254f066c7376.js';
const EVENTS = {
  agentPresence: { direction: 'in', kind: 'agent.state', source: `${SOCKET_EVENTS}/agentPresence.md` },
  taskRequest: { direction: 'in', kind: 'interaction.offered', source: `${SOCKET_EVENTS}/taskRequest.md` },
  topicSubscription: { direction: 'out', kind: 'interaction.connected', source: `${SOCKET_EVENTS}/topicSubscription.md` },
  revokeTask: { direction: 'in', kind: 'interaction.missed', source: `${SOCKET_EVENTS}/revokeTask.md` },
  onCimEvent: { direction: 'in', kind: 'message.inbound', source: `${DESK} onCimEvent handler` },
  publishCimEvent: { direction: 'out', kind: 'message.outbound', source: 'expertflow/agent-desk-ui@f04b6b9d 7.99944668afee0d6b6cb4.js emitCimEvent' },
  changeAgentState: { direction: 'out', kind: 'vendor.info', source: `${DESK} changeState` },
} as const satisfies Record<string, { direction: Direction; kind: Kind; source: string }>;
type EventName = keyof typeof EVENTS;

const CRM_KINDS: Readonly<Record<(typeof CRM_EVENTS)[number], Kind>> = {
  AGENT_STATE_CHANGE: 'agent.state',
  AGENT_LOGIN: 'agent.session',
  LOGOUT: 'agent.session',
  AGENT_TASK_STATE: 'interaction.offered',
  TASK_STATE_CHANGED: 'vendor.info',
  END_CONVERSATION: 'vendor.info',
  CHAT_SWITCHING: 'vendor.info',
};

export const EXPERTFLOW_MAPPING: readonly MappingRow[] = [
  ...Object.entries(EVENTS).map(([vendorEvent, e]) => ({ vendorEvent, kind: e.kind, source: e.source })),
  ...CRM_EVENTS.map((vendorEvent) => ({ vendorEvent, kind: CRM_KINDS[vendorEvent], source: `${DESK} crmEventsService.postCRMEvent (postMessage)` })),
];

const AgentRef = looseRecord({ agentId: idField });

function documentedEvent(name: EventName, payload: Record<string, unknown>, namespace: string, memory: AdapterMemory): { draft: EventDraft; session?: VendorSession } | { reject: string } {
  switch (name) {
    case 'agentPresence': {
      const read = readPresence(payload);
      if (read.mrds) memory.get(MRDS).list = read.mrds;
      return { draft: presenceDraft(name, read, payload), session: read.agentId ? { agentId: read.agentId, namespace } : { namespace } };
    }
    case 'taskRequest':
      return { draft: taskRequestDraft(name, payload, memory) };
    case 'topicSubscription':
      return { draft: acceptedDraft(name, payload, memory) };
    case 'revokeTask':
      return { draft: revokedDraft(name, payload, memory) };
    case 'onCimEvent': {
      // The desk reads payload.cimEvent; a payload that is the CIM event itself is read as one.
      const cim = readCim(typeof payload.cimEvent === 'string' || isRecord(payload.cimEvent) ? payload.cimEvent : payload);
      if ('error' in cim) return { reject: `not an ExpertFlow onCimEvent event: ${cim.error}` };
      return { draft: cimDraft(isCustomerMessage(cim) ? 'message.inbound' : 'vendor.info', name, cim, payload) };
    }
    case 'publishCimEvent':
    case 'changeAgentState': {
      const agentId = AgentRef.parse(payload).agentId;
      const session = agentId ? { agentId, namespace } : undefined;
      if (name === 'changeAgentState') return { draft: { kind: 'vendor.info', vendorEvent: name, raw: payload }, session };
      const cim = readCim(isRecord(payload.cimEvent) ? payload.cimEvent : {});
      if ('error' in cim) return { reject: `not an ExpertFlow publishCimEvent event: ${cim.error}` };
      return { draft: cimDraft(isAgentMessage(cim) ? 'message.outbound' : 'vendor.info', name, cim, payload), session };
    }
  }
}

function normalizePostMessage(capture: RawCapture, memory: AdapterMemory): NormalizeResult {
  const r = normalizeCrm(capture.data, memory);
  if ('reject' in r) return r;
  const events = stamp(capture, [r.draft]);
  return r.agentId ? { events, session: { agentId: r.agentId } } : { events };
}

function normalize(capture: RawCapture, memory: AdapterMemory): NormalizeResult {
  if (capture.transport === 'postMessage') return normalizePostMessage(capture, memory);
  if (capture.transport !== 'socket.io') return { reject: `ExpertFlow events arrive as Socket.IO frames or CRM postMessages, not by ${capture.transport}` };
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
  const read = documentedEvent(name, payload, frame.namespace, memory);
  if ('reject' in read) return read;
  const { draft, session } = read;
  const events = stamp(capture, [draft]);
  return session ? { events, session } : { events };
}

export const expertflow: VendorAdapter = {
  id: 'expertflow',
  label: 'ExpertFlow Agent Desk',
  // Each tenant hosts its own Agent Desk: the profile must name its origin.
  defaultOrigins: [],
  transport: 'socket.io',
  // The WebSocket tap has to run in the Agent Desk's own frame; our host page cannot reach it.
  defaultMode: 'direct',
  // revokeTask says when an offer was not taken; nothing is derived from silence.
  derivesMissed: false,
  mapping: EXPERTFLOW_MAPPING,
  normalize,
  commands: { setState: expertflowSetState },
};
