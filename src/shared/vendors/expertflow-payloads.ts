/**
 * ExpertFlow Agent Desk payload readers shared by the Socket.IO and the CRM postMessage paths
 * (expertflow.ts, expertflow-crm.ts): agent presence, channel sessions and CIM events, read the
 * way the desk itself reads them (expertflow/agent-desk-ui@f04b6b9d main.3f924a1f254f066c7376.js,
 * socket service `agentPresence` / `onCimEvent` handlers and `onCimEventHandler`).
 */
import { z } from 'zod';
import { measureCapture } from '../core/measure';
import { FIELD_LIMITS, type AgentState, type Kind, type Media } from '../contract/shell-event';
import { idField, looseRecord, lookup, text, type EventDraft } from './fields';
import { memorySlot } from './memory';

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

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const Name = looseRecord({ firstName: text(FIELD_LIMITS.name), lastName: text(FIELD_LIMITS.name) });
export const ChannelSession = looseRecord({
  channel: looseRecord({ channelType: looseRecord({ name: text(32) }) }),
  customer: Name,
  channelData: looseRecord({ channelCustomerIdentifier: text(64) }),
});
export type ChannelSession = z.infer<typeof ChannelSession>;

export const fullName = (n: z.infer<typeof Name>): string | undefined => [n.firstName, n.lastName].filter(Boolean).join(' ') || undefined;

export function channelMedia(cs: ChannelSession): Media | undefined {
  const name = cs.channel.channelType.name;
  return name === undefined ? undefined : (lookup(CHANNEL_MEDIA, name.toUpperCase()) ?? 'task');
}

export function customerParty(cs: ChannelSession): { name?: string; number?: string } {
  const party: { name?: string; number?: string } = {};
  const name = fullName(cs.customer);
  if (name) party.name = name;
  if (cs.channelData.channelCustomerIdentifier) party.number = cs.channelData.channelCustomerIdentifier;
  return party;
}

// ---- agent presence -------------------------------------------------------------------------

/** One MRD (media routing domain: CHAT, CX VOICE…) and its own state, as agentMrdStates lists it. */
export interface MrdState {
  id?: string;
  name: string;
  state: string;
}

/** What the latest agentPresence said about the MRDs: setState tells the agent what READY routes. */
export const MRDS = memorySlot('expertflow-mrds', () => ({ list: [] as MrdState[] }));

/** An agent has a handful of MRDs; a payload listing hundreds is cut, not trusted. */
const MAX_MRDS = 16;
const MrdEntry = looseRecord({ mrd: looseRecord({ id: idField, name: text(64) }), state: text(32) });
const MrdList = z
  .array(z.unknown())
  .catch([])
  .transform((list) => {
    const out: MrdState[] = [];
    for (const item of list.slice(0, MAX_MRDS)) {
      const m = MrdEntry.parse(item);
      if (m.mrd.name && m.state) out.push(m.mrd.id ? { id: m.mrd.id, name: m.mrd.name, state: m.state } : { name: m.mrd.name, state: m.state });
    }
    return out;
  })
  .optional();

const Presence = looseRecord({
  agent: looseRecord({ id: idField, keycloakUser: looseRecord({ id: idField }) }),
  state: looseRecord({ name: text(32) }),
  agentMrdStates: MrdList,
});

export interface PresenceRead {
  agentId?: string;
  state?: AgentState;
  mrds?: MrdState[];
  text?: string;
}

/**
 * The Agent Manager sends `{action, agentStateChanged, mrdStateChanges, agentPresence:{agent,
 * state, agentMrdStates, …}}` (the desk reads `t.agentPresence`); older pages show the inner
 * object alone, which is read the same way.
 */
export function readPresence(payload: Record<string, unknown>): PresenceRead {
  const p = Presence.parse(isRecord(payload.agentPresence) ? payload.agentPresence : payload);
  const out: PresenceRead = {};
  const agentId = p.agent.id ?? p.agent.keycloakUser.id;
  if (agentId) out.agentId = agentId;
  const state = p.state.name === undefined ? undefined : lookup(PRESENCE_STATES, p.state.name.toUpperCase());
  if (state) out.state = state;
  if (p.agentMrdStates) {
    out.mrds = p.agentMrdStates;
    if (p.agentMrdStates.length > 0) out.text = `MRDs: ${p.agentMrdStates.map((m) => `${m.name} ${m.state}`).join(', ')}`.slice(0, FIELD_LIMITS.text);
  }
  return out;
}

export function presenceDraft(vendorEvent: string, read: PresenceRead, raw: unknown): EventDraft {
  const draft: EventDraft = { kind: 'agent.state', vendorEvent, raw };
  if (read.state) draft.state = read.state;
  if (read.text) draft.text = read.text;
  return draft;
}

// ---- CIM events -----------------------------------------------------------------------------

const Sender = looseRecord({ type: text(32), participant: Name });
const CimEvent = looseRecord({
  id: idField,
  name: text(64),
  type: text(32),
  // The 2024 desk's own CIM events (its class building publishCimEvent payloads) move the
  // channel session out of data.header to the event itself; onCimEventHandler moves it back.
  channelSession: ChannelSession,
  data: looseRecord({
    header: looseRecord({ sender: Sender, customer: Name, channelSession: z.unknown().optional() }),
    body: looseRecord({ markdownText: text(), type: text(32) }),
  }),
});
export type Cim = z.infer<typeof CimEvent> & { session: ChannelSession };

/**
 * onCimEvent's `cimEvent` is a JSON string in the 2024 desk (its handler calls
 * `JSON.parse(t.cimEvent)`) and an object in the 2026 Socket_Events page: both are read. The
 * string is bounded like any capture (core/measure.ts) before and after parsing.
 */
export function readCim(value: unknown): Cim | { error: string } {
  let cim = value;
  if (typeof value === 'string') {
    if (value.length > 64 * 1024) return { error: 'its cimEvent string is over 64 KiB' };
    try {
      cim = JSON.parse(value);
    } catch {
      return { error: 'its cimEvent string is not JSON' };
    }
    const bounded = measureCapture(cim);
    if (!bounded.ok) return { error: `its cimEvent is ${bounded.reason}` };
  }
  if (!isRecord(cim)) return { error: 'its cimEvent is not an object' };
  const parsed = CimEvent.parse(cim);
  const header = parsed.data.header.channelSession;
  return { ...parsed, session: isRecord(header) ? ChannelSession.parse(header) : parsed.channelSession };
}

/** Senders the desk shows as the customer: CONNECTOR (WhatsApp and other connectors) it rewrites to CUSTOMER. */
const CUSTOMER_SENDERS = new Set(['CUSTOMER', 'CONNECTOR']);

/**
 * A message the customer typed: the desk files CUSTOMER_MESSAGE events of CUSTOMER or CONNECTOR
 * senders as messages; typing indicators, delivery notices and session notices are not.
 */
export function isCustomerMessage(cim: Cim): boolean {
  const sender = cim.data.header.sender.type?.toUpperCase();
  if (sender === undefined || !CUSTOMER_SENDERS.has(sender)) return false;
  if (cim.type?.toUpperCase() === 'NOTIFICATION' || cim.data.body.type?.toUpperCase() === 'NOTIFICATION') return false;
  return cim.name === undefined ? cim.type?.toUpperCase() === 'MESSAGE' : cim.name.toUpperCase() === 'CUSTOMER_MESSAGE';
}

/**
 * A message the agent sent: the desk publishes its messages with type MESSAGE, and also publishes
 * TYPING_INDICATOR and MESSAGE_DELIVERY_NOTIFICATION (read receipts) with type NOTIFICATION
 * (agent-desk-ui@f04b6b9d 7.99944668afee0d6b6cb4.js sendTypingEvent, the read-receipt emitter).
 */
export const isAgentMessage = (cim: Cim): boolean => cim.type?.toUpperCase() === 'MESSAGE';

export function cimDraft(kind: Kind, vendorEvent: string, cim: Cim, raw: unknown): EventDraft {
  const party = customerParty(cim.session);
  if (kind === 'message.inbound') {
    // A customer names itself; a connector is a service, so the desk shows header.customer.
    const sender = cim.data.header.sender;
    const own = sender.type?.toUpperCase() === 'CONNECTOR' ? fullName(cim.data.header.customer) : fullName(sender.participant);
    const name = own ?? party.name;
    if (name) party.name = name;
  }
  const draft: EventDraft = { kind, vendorEvent, raw };
  if (cim.id) draft.ref = cim.id;
  const media = channelMedia(cim.session);
  if (media) draft.media = media;
  if (party.name || party.number) draft.party = party;
  if (cim.data.body.markdownText) draft.text = cim.data.body.markdownText;
  return draft;
}
