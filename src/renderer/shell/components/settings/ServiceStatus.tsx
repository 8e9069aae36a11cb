/**
 * What the durable services are doing and what they lost, from main's snapshot (`services`):
 * the forwarder as it runs now (the endpoint it started with, not the one being edited) and the
 * event log's unwritten lines. Counts are shown even at zero, so "nothing lost" is visible too.
 */
import type { ForwardingStatus, ServiceStatus } from '../../../../shared/ipc/shell-protocol';

const STATE_LABELS: Readonly<Record<ForwardingStatus['state'], string>> = {
  idle: 'Up to date',
  sending: 'Sending',
  'backing-off': 'Retrying after a failure',
  disabled: 'Not running',
};

const events = (n: number): string => `${n.toLocaleString()} event${n === 1 ? '' : 's'}`;

export function ForwardingStatusView({ status }: { status: ForwardingStatus | null }) {
  if (status === null) return <p class="hint">Forwarding is off: no endpoint was set when Switchboard started.</p>;
  const rows: Array<[string, string]> = [
    ['State', STATE_LABELS[status.state]],
    ['Endpoint', status.endpoint ?? '—'],
    ['Waiting to be sent', events(status.queuedEvents)],
    ['Last error', status.lastError ?? 'none'],
    ['Next attempt', status.nextAttemptAt === undefined ? '—' : new Date(status.nextAttemptAt).toLocaleTimeString()],
    ['Delivered since start', events(status.delivered)],
    ['Dropped (queue full or not writable)', events(status.dropped)],
    ['Refused by the endpoint, kept aside', events(status.rejected)],
    ['Unreadable queue files, kept aside', String(status.bad)],
    ['Kept-aside files deleted by log retention', String(status.expired)],
  ];
  return (
    <div class="service-status">
      <h3 id="forwarding-status-title">Forwarding status</h3>
      <dl aria-labelledby="forwarding-status-title">
        {rows.map(([term, value]) => (
          <div key={term} class={term === 'Last error' && status.lastError ? 'failed' : undefined}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function EventLogStatusView({ status }: { status: ServiceStatus['eventLog'] }) {
  return (
    <div class="service-status">
      <h3 id="event-log-status-title">Event log status</h3>
      <dl aria-labelledby="event-log-status-title">
        <div class={status.dropped > 0 ? 'failed' : undefined}>
          <dt>Lines not written since start</dt>
          <dd>{status.dropped.toLocaleString()}</dd>
        </div>
        <div class={status.problem ? 'failed' : undefined}>
          <dt>Problem</dt>
          <dd>{status.problem ?? 'none'}</dd>
        </div>
      </dl>
    </div>
  );
}
