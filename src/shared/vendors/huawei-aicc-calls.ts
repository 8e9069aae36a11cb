/**
 * What the Huawei AICC adapter remembers about each call, per profile. Most of the bar's call
 * events name the call only: AgentEvent_No_Answer, AgentEvent_Call_Release,
 * AgentEvent_Call_Out_Fail and AgentEvent_Inside_Call_Fail carry the bare callid string, and
 * AgentEvent_Hold too (Huawei API reference cec_07_1357…1364). Without this book a missed call
 * would say "Missed interaction — Unknown caller" when AgentEvent_Ringing had named the caller and
 * AgentEvent_Incoming_CallInfo the queue a few seconds before.
 */
import type { Media } from '../contract/shell-event';
import { BoundedMap, memorySlot, type AdapterMemory } from './memory';

export interface KnownCall {
  number?: string;
  queue?: string;
  media?: Media;
}

/** An agent handles a handful of calls at once; 64 covers a shift's stragglers that never ended. */
const CALLS = memorySlot('huawei-aicc-calls', () => new BoundedMap<string, KnownCall>(64));

/** Adds what this event says about the call to what was known (later values win). */
export function rememberCall(memory: AdapterMemory, ref: string, seen: KnownCall): void {
  if (seen.number === undefined && seen.queue === undefined && seen.media === undefined) return;
  const calls = memory.get(CALLS);
  const known = calls.get(ref);
  calls.set(ref, {
    number: seen.number ?? known?.number,
    queue: seen.queue ?? known?.queue,
    media: seen.media ?? known?.media,
  });
}

export function recallCall(memory: AdapterMemory, ref: string): KnownCall | undefined {
  return memory.get(CALLS).get(ref);
}

/** The call is over: nothing later will need it. */
export function forgetCall(memory: AdapterMemory, ref: string): void {
  memory.get(CALLS).delete(ref);
}
