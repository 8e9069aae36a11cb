/**
 * ExpertFlow chat tasks: what links an offer to what became of it. The Agent Manager offers a
 * task with `taskRequest` (ref = taskId); the desk accepts it by emitting `topicSubscription`
 * `{topicParticipant{…, state:'SUBSCRIBED'}, agentId, conversationId, taskId}`, and the Agent
 * Manager withdraws an offer not accepted in time with `revokeTask {conversationId}`, which
 * names no task: the task book remembers which task each conversation was offered as.
 *
 * Read from expertflow/agent-desk-ui@f04b6b9d main.3f924a1f254f066c7376.js (socket service:
 * the `taskRequest` handler subscribes at once when `taskState.name` is STARTED, otherwise
 * shows the request unless auto-answer subscribes it; `revokeTask` removes the request) and
 * expertflow/expertflow-cx-documentation@495316a4 Socket_Events taskRequest, topicSubscription
 * and revokeTask ("revoke a new task request from the agent if not accepted within the
 * configured accept time").
 */
import { FIELD_LIMITS, type Media, type Party } from '../contract/shell-event';
import { idField, looseRecord, text, type EventDraft } from './fields';
import { BoundedMap, memorySlot, type AdapterMemory } from './memory';
import { ChannelSession, channelMedia, customerParty } from './expertflow-payloads';

interface TaskEntry {
  taskId: string;
  phase: 'offered' | 'connected';
  media: Media;
  party?: Party;
  queue?: string;
}

/** conversationId → the task it was offered or accepted as; an agent holds a few chats at once. */
const TASKS = memorySlot('expertflow-tasks', () => new BoundedMap<string, TaskEntry>(64));

const Task = looseRecord({
  taskId: idField,
  conversationId: idField,
  taskState: looseRecord({ name: text(32) }),
  queue: looseRecord({ name: text(FIELD_LIMITS.queue) }),
  channelSession: ChannelSession,
});
const Subscription = looseRecord({ taskId: idField, conversationId: idField, topicParticipant: looseRecord({ state: text(32) }) });
const Revoke = looseRecord({ conversationId: idField });

function withTask(draft: EventDraft, entry: TaskEntry | undefined): EventDraft {
  if (!entry) return draft;
  draft.media = entry.media;
  if (entry.party) draft.party = entry.party;
  if (entry.queue) draft.queue = entry.queue;
  return draft;
}

/**
 * A `taskRequest` already STARTED is a task the desk subscribes to at once (reconnect, consult,
 * a pushed conversation): it is connected, not a new offer. Any other state (RESERVED in the
 * Socket_Events sample) is an offer, as the desk treats it.
 */
export function taskRequestDraft(vendorEvent: string, payload: Record<string, unknown>, memory: AdapterMemory): EventDraft {
  const t = Task.parse(payload);
  const media = channelMedia(t.channelSession) ?? 'task';
  const party = customerParty(t.channelSession);
  const started = t.taskState.name?.toUpperCase() === 'STARTED';
  const draft: EventDraft = { kind: started ? 'interaction.connected' : 'interaction.offered', vendorEvent, media, raw: payload };
  if (t.taskId) draft.ref = t.taskId;
  if (party.name || party.number) draft.party = party;
  if (t.queue.name) draft.queue = t.queue.name;
  if (t.conversationId && t.taskId) {
    const tasks = memory.get(TASKS);
    const known = tasks.get(t.conversationId);
    // The CRM channel repeats the desk's taskRequest (AGENT_TASK_STATE): one story per task.
    // No ref on the repeat: a vendor.info with a ref closes that ring (core/decide.ts).
    if (known?.taskId === t.taskId && (known.phase === 'connected' || !started)) return { kind: 'vendor.info', vendorEvent, raw: payload };
    tasks.set(t.conversationId, { taskId: t.taskId, phase: started ? 'connected' : 'offered', media, ...(draft.party ? { party } : {}), ...(t.queue.name ? { queue: t.queue.name } : {}) });
  }
  return draft;
}

/**
 * The desk accepted (or auto-accepted) the conversation: the offer's toast closes. The task id
 * the desk sends is the taskRequest's; the conversation links it when the id is missing.
 */
export function acceptedDraft(vendorEvent: string, payload: Record<string, unknown>, memory: AdapterMemory): EventDraft {
  const s = Subscription.parse(payload);
  const tasks = memory.get(TASKS);
  const entry = s.conversationId ? tasks.get(s.conversationId) : undefined;
  const ref = entry?.taskId ?? s.taskId;
  const state = s.topicParticipant.state?.toUpperCase();
  if (!ref || (state !== undefined && state !== 'SUBSCRIBED') || entry?.phase === 'connected') return { kind: 'vendor.info', vendorEvent, raw: payload };
  if (entry && s.conversationId) tasks.set(s.conversationId, { ...entry, phase: 'connected' });
  return withTask({ kind: 'interaction.connected', vendorEvent, ref, media: 'task', raw: payload }, entry);
}

/** The offer was withdrawn because it was not accepted in time: a missed chat for this agent. */
export function revokedDraft(vendorEvent: string, payload: Record<string, unknown>, memory: AdapterMemory): EventDraft {
  const conversationId = Revoke.parse(payload).conversationId;
  const tasks = memory.get(TASKS);
  const entry = conversationId ? tasks.get(conversationId) : undefined;
  // Unknown conversation (before our capture started, or forgotten): nothing of ours rings.
  if (!entry || !conversationId || entry.phase !== 'offered') return { kind: 'vendor.info', vendorEvent, raw: payload };
  tasks.delete(conversationId);
  return withTask({ kind: 'interaction.missed', vendorEvent, ref: entry.taskId, media: 'task', raw: payload }, entry);
}

/** The CRM `AGENT_TASK_STATE` the desk posts when the reserved task's topic is CREATED: accepted. */
export function topicCreatedDraft(vendorEvent: string, conversationId: string | undefined, raw: unknown, memory: AdapterMemory): EventDraft {
  const tasks = memory.get(TASKS);
  const entry = conversationId ? tasks.get(conversationId) : undefined;
  if (!entry || !conversationId || entry.phase !== 'offered') return { kind: 'vendor.info', vendorEvent, raw };
  tasks.set(conversationId, { ...entry, phase: 'connected' });
  return withTask({ kind: 'interaction.connected', vendorEvent, ref: entry.taskId, media: 'task', raw }, entry);
}
