/**
 * Forwards ShellEvents to the optional HTTPS endpoint (DESIGN.md §1, issue 4 §4).
 *
 *   enqueue → redact → in-memory batch (batchSize, or lingerMs after its first event)
 *           → disk queue (durable, bounded) → POST one batch at a time, oldest first
 *
 * One batch in flight keeps the server's view in capture order. The batch id is the
 * Idempotency-Key on every attempt, so a retry after a lost response can be deduplicated by the
 * server. Plain Node: no electron import; main wires it to settings and the app's lifecycle.
 */
import { isVendorUrl } from '../../shared/contract/profile';
import type { Redaction } from '../../shared/contract/settings';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { redactEvent } from '../../shared/core/redaction';
import { retryDelay, type BackoffOptions } from './backoff';
import type { Batch, DiskQueue } from './disk-queue';
import { postJson, type FetchLike } from './http-delivery';

export { testConnection, type ConnectionTestResult } from './http-delivery';

export type ForwarderState = 'idle' | 'sending' | 'backing-off' | 'disabled';

export interface ForwarderStatus {
  endpoint: string | null;
  state: ForwarderState;
  lastError?: string;
  /** ms since epoch of the next retry, while backing off. */
  nextAttemptAt?: number;
  /** On disk plus not yet written. */
  queuedEvents: number;
  /** Dropped because the queue was full (persisted across restarts) or could not be written. */
  dropped: number;
  /** Batches the server refused for good (moved to rejected/). */
  rejected: number;
  /** Events delivered by this forwarder since it started. */
  delivered: number;
  /** Unreadable batch files set aside in bad/. */
  bad: number;
}

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ForwarderOptions {
  /** null: forwarding off. Must pass isVendorUrl (https, or http on localhost), else disabled. */
  endpoint: string | null;
  batchSize: number;
  timeoutMs: number;
  queue: DiskQueue;
  redaction: Redaction;
  fetch?: FetchLike;
  now?: () => number;
  timers?: TimerApi;
  log?: (message: string, data?: unknown) => void;
  /** How long a partial batch waits for more events before it is written and sent. */
  lingerMs?: number;
  backoff?: BackoffOptions;
}

export interface Forwarder {
  enqueue(event: ShellEvent): void;
  /** Writes pending events to disk, then waits until the sender drains the queue or hits a failure
   * (it does not wait out a backoff). */
  flush(): Promise<void>;
  start(): void;
  /** Final: writes pending events to disk and cancels the request in flight (that batch stays
   * queued and is resent later under the same key). Create a new forwarder to resume. */
  stop(): Promise<void>;
  status(): ForwarderStatus;
}

/** Unref'd: a pending retry must never keep a process alive on its own. */
const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createForwarder(opts: ForwarderOptions): Forwarder {
  const { queue, redaction, timeoutMs } = opts;
  const batchSize = Math.max(1, Math.floor(opts.batchSize));
  const now = opts.now ?? Date.now;
  const timers = opts.timers ?? realTimers;
  const log = opts.log ?? (() => undefined);
  const lingerMs = opts.lingerMs ?? 1000;
  const endpoint = opts.endpoint !== null && isVendorUrl(opts.endpoint) ? opts.endpoint : null;
  /** For logs: no query string or user info, which may carry a token. */
  const logEndpoint = endpoint ? `${new URL(endpoint).origin}${new URL(endpoint).pathname}` : null;

  let state: ForwarderState = endpoint ? 'idle' : 'disabled';
  let lastError: string | undefined =
    opts.endpoint !== null && !endpoint ? 'the endpoint must be an https:// URL (http:// only for localhost)' : undefined;
  let nextAttemptAt: number | undefined;
  let running = false;
  let stopped = false;
  const pending: ShellEvent[] = [];
  let lingerTimer: unknown;
  let retryTimer: unknown;
  /** Appends run in order; this is the tail of that chain. */
  let writes: Promise<void> = Promise.resolve();
  let pumping: Promise<void> | null = null;
  let rerun = false;
  let inflight: AbortController | null = null;
  let failures = 0;
  let delivered = 0;
  let lost = 0;

  function persistPending(): Promise<void> {
    if (lingerTimer !== undefined) timers.clearTimeout(lingerTimer);
    lingerTimer = undefined;
    while (pending.length > 0) {
      const chunk = pending.splice(0, batchSize);
      writes = writes
        .then(() => queue.append(chunk))
        .then(kick, (err: unknown) => {
          // Disk full or unwritable: nothing better to do than count the loss and say so.
          lost += chunk.length;
          lastError = `could not queue ${chunk.length} events on disk: ${String(err)}`;
          log('forwarding: events lost, queue not writable', { count: chunk.length, error: String(err) });
        });
    }
    return writes;
  }

  function kick(): void {
    if (!running || retryTimer !== undefined) return;
    if (pumping) {
      rerun = true; // An append landed while the sender was busy: look again when it finishes.
      return;
    }
    rerun = false;
    pumping = pump().finally(() => {
      pumping = null;
      if (rerun) kick();
    });
  }

  function backOff(message: string, retryAfterMs?: number): void {
    failures += 1;
    const delay = retryDelay(failures, retryAfterMs, opts.backoff);
    state = 'backing-off';
    lastError = message;
    nextAttemptAt = now() + delay;
    log('forwarding: delivery failed, will retry', { endpoint: logEndpoint, error: message, failures, retryInMs: delay });
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      nextAttemptAt = undefined;
      kick();
    }, delay);
  }

  async function send(batch: Batch, target: string): Promise<boolean> {
    state = 'sending';
    inflight = new AbortController();
    const body = { source: 'switchboard', batchId: batch.id, events: batch.events };
    const result = await postJson(target, body, {
      timeoutMs,
      idempotencyKey: batch.id,
      signal: inflight.signal,
      now,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    inflight = null;
    switch (result.kind) {
      case 'aborted':
        return false;
      case 'delivered':
        await queue.ack(batch.id);
        delivered += batch.events.length;
        failures = 0;
        lastError = undefined;
        return true;
      case 'rejected':
        // Never retried and never blocks the queue; kept in rejected/ for IT to inspect.
        await queue.reject(batch.id, result.status);
        lastError = `batch ${batch.id} rejected: ${result.message}`;
        log('forwarding: batch rejected by the endpoint', { endpoint: logEndpoint, batchId: batch.id, events: batch.events.length, error: result.message });
        return true;
      case 'retry':
        backOff(result.message, result.retryAfterMs);
        return false;
    }
  }

  async function pump(): Promise<void> {
    while (running && endpoint) {
      try {
        const batch = await queue.peek();
        if (!batch) {
          state = 'idle';
          return;
        }
        if (!(await send(batch, endpoint))) return;
      } catch (err) {
        // Queue I/O failed (disk gone?): same treatment as an unreachable server, never a spin.
        backOff(`queue error: ${String(err)}`);
        return;
      }
    }
  }

  return {
    enqueue(event) {
      if (!endpoint || stopped) return;
      // Redact on the way in: unredacted data never reaches the disk queue.
      pending.push(redactEvent(event, redaction));
      if (pending.length >= batchSize) void persistPending();
      else lingerTimer ??= timers.setTimeout(() => void persistPending(), lingerMs);
    },
    async flush() {
      await persistPending();
      while (pumping) await pumping;
    },
    start() {
      if (!endpoint || stopped || running) return;
      running = true;
      kick();
    },
    async stop() {
      stopped = true;
      running = false;
      if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
      retryTimer = undefined;
      nextAttemptAt = undefined;
      inflight?.abort();
      await persistPending();
      while (pumping) await pumping;
      if (endpoint) state = 'idle';
    },
    status() {
      const s = queue.stats();
      return {
        endpoint: opts.endpoint,
        state,
        ...(lastError === undefined ? {} : { lastError }),
        ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
        queuedEvents: s.queuedEvents + pending.length,
        dropped: s.dropped + lost,
        rejected: s.rejected,
        delivered,
        bad: s.bad,
      };
    },
  };
}
