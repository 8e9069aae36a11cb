/**
 * ExpertFlow setState: the desk's own `changeAgentState` frame (expertflow/agent-desk-ui@f04b6b9d
 * main.3f924a1f254f066c7376.js, header component changeState / logout):
 * `{agentId, action:'agentState', state:{name:'READY'|'NOT_READY'|'LOGOUT', reasonCode:null}}`.
 *
 * READY is the agent's global state only. Each MRD (media routing domain: CHAT, CX VOICE…) has
 * its own state, which the desk's MRD switches change with `{agentId, action:'agentMRDState',
 * state, mrdId}`, and tasks route only on MRDs that are READY (expertflow-cx-documentation@495316a4
 * Presence-and-State-Technical-Reference.md, "Global vs. MRD States"). We send what the desk's
 * state menu sends, agentState alone, and leave the MRDs as the agent set them in the desk; the
 * command outcome says which MRDs the latest agentPresence showed READY, i.e. what will route.
 */
import type { CommandConfirmation, CommandResult } from '../contract/outbound';
import type { AgentState } from '../contract/shell-event';
import { unsupported, type CommandContext, type VendorCommands } from './adapter';
import { lookup } from './fields';
import { MRDS, type MrdState } from './expertflow-payloads';
import { encodeSocketIoEvent } from './socket-io-frames';

const AGENT_STATE_NAMES: Partial<Record<AgentState, 'READY' | 'NOT_READY' | 'LOGOUT'>> = {
  available: 'READY',
  away: 'NOT_READY',
  offline: 'LOGOUT',
};

/** The Agent Manager answers a state change with agentPresence at once; 10 s is generous. */
const CONFIRM_MS = 10_000;

/** BUSY is an MRD at its task limit: it is on, just full. */
const routes = (m: MrdState): boolean => m.state === 'READY' || m.state === 'BUSY';
const names = (list: readonly MrdState[]): string => list.map((m) => m.name).join(', ');

/** What READY will and will not bring, from the MRD states the latest agentPresence listed. */
export function readyOutcome(mrds: readonly MrdState[]): string {
  if (mrds.length === 0) return 'report the agent READY (tasks route only on the media routing domains switched on in Agent Desk; none has been reported yet)';
  const on = mrds.filter(routes);
  const off = mrds.filter((m) => !routes(m));
  if (on.length === 0) return `report the agent READY; no media routing domain is READY (${names(off)}), so no task will route until one is switched on in Agent Desk`;
  if (off.length === 0) return `report the agent READY (tasks will route on ${names(on)})`;
  return `report the agent READY (tasks will route on ${names(on)}; not on ${names(off)}, which stay ${off.length === 1 ? off[0]!.state : 'off'} until switched on in Agent Desk)`;
}

function confirmation(state: AgentState, name: string, ctx: CommandContext): CommandConfirmation {
  return {
    what: name === 'READY' ? readyOutcome(ctx.memory.get(MRDS).list) : `report the agent ${name}`,
    withinMs: CONFIRM_MS,
    by: (e) => e.vendor === 'expertflow' && e.kind === 'agent.state' && e.state === state,
    hint: 'no agentPresence with that state came back from the Agent Manager',
  };
}

export const expertflowSetState: NonNullable<VendorCommands['setState']> = {
  states: ['available', 'away', 'offline'],
  build(state, ctx): CommandResult {
    const name = lookup(AGENT_STATE_NAMES, state);
    if (!name) return unsupported(`ExpertFlow has no "${state}" agent state (it knows READY, NOT_READY and LOGOUT)`);
    const agentId = ctx.session.agentId;
    if (!agentId) return unsupported('ExpertFlow needs the agent id for changeAgentState, and no agentPresence has been seen yet');
    // The desk sends reasonCode null from its state menu; a reason ({id, name, type} from the
    // tenant's reason codes) is optional and we have no access to the tenant's list.
    const frame = encodeSocketIoEvent(ctx.session.namespace ?? '/', 'changeAgentState', [{ agentId, action: 'agentState', state: { name, reasonCode: null } }]);
    return { messages: [{ transport: 'socket.io', frame }], confirm: confirmation(state, name, ctx) };
  },
};
