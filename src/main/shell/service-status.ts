/**
 * The services' status as the shell snapshot carries it (ServiceStatusSchema), read live from the
 * forwarder and the event log each time a snapshot is built; and the diagnostics line for a change
 * in what the event log lost, so the log says it once per change, not on every tick.
 */
import type { ForwardingStatus, ServiceStatus } from '../../shared/ipc/shell-protocol';
import type { ForwarderStatus } from '../forwarding/forwarder';

export interface ServiceSources {
  forwarder: { status(): ForwarderStatus } | null;
  eventLog: { readonly dropped: number; readonly problem: string | null };
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function serviceStatus(sources: ServiceSources): ServiceStatus {
  return {
    forwarding: sources.forwarder ? forwardingStatus(sources.forwarder.status()) : null,
    eventLog: { dropped: sources.eventLog.dropped, problem: sources.eventLog.problem === null ? null : clip(sources.eventLog.problem, 1000) },
  };
}

function forwardingStatus(s: ForwarderStatus): ForwardingStatus {
  return {
    endpoint: s.endpoint === null ? null : clip(s.endpoint, 2048),
    state: s.state,
    ...(s.lastError === undefined ? {} : { lastError: clip(s.lastError, 1000) }),
    ...(s.nextAttemptAt === undefined ? {} : { nextAttemptAt: s.nextAttemptAt }),
    queuedEvents: s.queuedEvents,
    dropped: s.dropped,
    rejected: s.rejected,
    delivered: s.delivered,
    bad: s.bad,
    expired: s.expired,
  };
}

/** Calls `report` when the event log's dropped count changed since the last call; true if it did. */
export function watchEventLogLoss(eventLog: ServiceSources['eventLog'], report: (message: string, data: unknown) => void): () => boolean {
  let last = eventLog.dropped;
  return () => {
    const now = eventLog.dropped;
    if (now === last) return false;
    report('event log: lines could not be written', { dropped: now, since: last, problem: eventLog.problem });
    last = now;
    return true;
  };
}
