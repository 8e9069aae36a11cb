/**
 * ExpertFlow's CRM postMessage channel: with CRM events enabled the Agent Desk posts
 * `window.parent.postMessage({eventName, agentData}, '*')` (expertflow/agent-desk-ui@f04b6b9d
 * main.3f924a1f254f066c7376.js, crmEventsService.postCRMEvent / sendEventMessage;
 * expertflow/expertflow-cx-documentation@495316a4 CRM-Agent-Desk-Post-Message-Events.md). The
 * Socket.IO tap stays the primary path; these say the same things and are read the same way.
 *
 *   AGENT_STATE_CHANGE  agentData {id, firstName, agentData: <the wrapped agentPresence>} (the
 *                       desk) or {action, agentPresence} (the CRM page's snippet) → agent.state
 *   AGENT_LOGIN         agentData {id, firstName, agentData: keycloak_User} → agent.session loggedIn
 *   LOGOUT              agentData {event:'Logout', …} → agent.session logged out
 *   AGENT_TASK_STATE    agentData = the taskRequest (RESERVED offer / STARTED) → as taskRequest;
 *                       = onTopicData {topicData{state:'CREATED'}, conversationId} after a
 *                       RESERVED task (the agent accepted) → interaction.connected;
 *                       = the TASK_STATE_CHANGED (WRAP_UP) CIM event → vendor.info
 *   TASK_STATE_CHANGED, END_CONVERSATION, CHAT_SWITCHING ({event, agentData}) → vendor.info
 *   any other name → vendor.other
 */
import { eventName, idField, looseRecord, text, type EventDraft } from './fields';
import type { AdapterMemory } from './memory';
import { isRecord, MRDS, presenceDraft, readPresence } from './expertflow-payloads';
import { taskRequestDraft, topicCreatedDraft } from './expertflow-tasks';

export const CRM_EVENTS = ['AGENT_STATE_CHANGE', 'AGENT_LOGIN', 'LOGOUT', 'AGENT_TASK_STATE', 'TASK_STATE_CHANGED', 'END_CONVERSATION', 'CHAT_SWITCHING'] as const;
const KNOWN: ReadonlySet<string> = new Set(CRM_EVENTS);

const AgentRef = looseRecord({ id: idField });
const TopicData = looseRecord({ conversationId: idField, topicData: looseRecord({ state: text(32) }) });

export type CrmResult = { draft: EventDraft; agentId?: string } | { reject: string };

/** The event name: `eventName` for every CRM event, `event` for CHAT_SWITCHING (chatSwitching). */
function crmName(data: Record<string, unknown>): string | undefined {
  if (typeof data.eventName === 'string') return data.eventName;
  return data.event === 'CHAT_SWITCHING' ? data.event : undefined;
}

export function normalizeCrm(data: unknown, memory: AdapterMemory): CrmResult {
  if (!isRecord(data)) return { reject: 'not an ExpertFlow CRM event: expected an {eventName, agentData} object' };
  const name = crmName(data);
  if (name === undefined || name.trim() === '') return { reject: 'not an ExpertFlow CRM event: it has no eventName' };
  const agentData = data.agentData;
  if (!KNOWN.has(name)) return { draft: { kind: 'vendor.other', vendorEvent: eventName(name), raw: data } };
  if (!isRecord(agentData)) return { reject: `not an ExpertFlow ${name} event: agentData is not an object` };

  switch (name) {
    case 'AGENT_STATE_CHANGE': {
      const inner = isRecord(agentData.agentData) ? agentData.agentData : agentData;
      const read = readPresence(inner);
      if (read.mrds) memory.get(MRDS).list = read.mrds;
      const agentId = read.agentId ?? AgentRef.parse(agentData).id;
      return { draft: presenceDraft(name, read, data), ...(agentId ? { agentId } : {}) };
    }
    case 'AGENT_LOGIN': {
      const agentId = AgentRef.parse(agentData).id;
      return { draft: { kind: 'agent.session', vendorEvent: name, loggedIn: true, raw: data }, ...(agentId ? { agentId } : {}) };
    }
    case 'LOGOUT':
      return { draft: { kind: 'agent.session', vendorEvent: name, loggedIn: false, raw: data } };
    case 'AGENT_TASK_STATE': {
      if (isRecord(agentData.taskState)) return { draft: taskRequestDraft(name, agentData, memory) };
      const topic = TopicData.parse(agentData);
      if (topic.topicData.state === 'CREATED') return { draft: topicCreatedDraft(name, topic.conversationId, data, memory) };
      return { draft: { kind: 'vendor.info', vendorEvent: name, raw: data } };
    }
    default:
      return { draft: { kind: 'vendor.info', vendorEvent: name, raw: data } };
  }
}
