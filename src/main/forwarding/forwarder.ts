/**
 * Forwards ShellEvents to the optional HTTPS endpoint.
 *
 *   enqueue → redact → written to the disk queue's open batch before enqueue() returns
 *           → sealed at batchSize events or lingerMs after its first → POST one batch at a time,
 *             oldest first, redacted again with the redaction in force when it is sent
 *
 * One batch in flight keeps the server's view in capture order. The batch id is the
 * Idempotency-Key on every attempt, so a retry after a lost response can be deduplicated by the
 * server. Anything that is not the batch's own fault (401/403/404, 408/429/5xx, redirects,
 * timeouts, network errors) is retried with backoff, never discarded. A 400/413/422 blames the
 * content: the batch is split in halves (keys `<id>:<from>-<to>`, the same on every run) until the
 * refused events are found; only those are set aside in rejected/, the rest is delivered.
 * Plain Node: no electron import; main wires it to settings and the app's lifecycle.
 */
import { isVendorUrl } from '../../shared/contract/profile';
import type { Redaction } from '../../shared/contract/settings';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { redactEvent } from '../../shared/core/redaction';
import { retryDelay, type BackoffOptions } from './backoff';
import type { Batch, DiskQueue } from './disk-queue';
import { postJson, urlForLog, type FetchLike } from './http-delivery';

export { testConnection, type ConnectionTestResult } from './http-delivery';

export type ForwarderState = 'idle' | 'sending' | 'backing-off' | 'disabled';

export interface ForwarderStatus {
  /** Origin and path only (urlForLog): a token in the URL never reaches the UI or a log. */
  endpoint: string | null;
  state: ForwarderState;
  lastError?: string;
  /** ms since epoch of the next retry, while backing off. */
  nextAttemptAt?: number;
  /** On disk, waiting to be sent. */
  queuedEvents: number;
  /** Lost: the queue was full or could not be written (persisted across restarts). */
  dropped: number;
  /** Events a server refused for their content (400/413/422), kept in rejected/. */
  rejected: number;
  /** Events delivered by this forwarder since it started. */
  delivered: number;
  /** Unreadable batch files set aside in bad/. */
  bad: number;
  /** Files deleted from bad/ and rejected/ by the log retention. */
  expired: number;
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
  /** Something the status shows changed (state, counts, error, next attempt; enqueue alone does not
   * announce: every forwarded event also reaches the feed, which pushes a snapshot): main pushes a
   * new UI snapshot. */
  onChange?: () => void;
  /** How long a partial batch waits for more events before it is sealed and sent. */
  lingerMs?: number;
  backoff?: BackoffOptions;
}

export interface Forwarder {
  enqueue(event: ShellEvent): void;
  /** Settings changed: applies to every event sent from now on, those already queued included. */
  setRedaction(level: Redaction): void;
  /** Seals the open batch, then waits until the sender drains the queue or hits a failure
   * (it does not wait out a backoff). */
  flush(): Promise<void>;
  start(): void;
  /** Final: seals the open batch, closes the queue and cancels the request in flight (that batch
   * stays queued and is resent later under the same key). Create a new forwarder to resume. */
  stop(): Promise<void>;
  /** stop() without waiting: the open batch is sealed on disk before this returns (disk-queue.ts closeNow). */
  stopNow(): void;
  status(): ForwarderStatus;
}

/** Unref'd: a pending retry must never keep a process alive on its own. */
const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createForwarder(opts: ForwarderOptions): Forwarder {
  const { queue, timeoutMs } = opts;
  let redaction = opts.redaction;
  const batchSize = Math.max(1, Math.floor(opts.batchSize));
  const now = opts.now ?? Date.now;
  const timers = opts.timers ?? realTimers;
  const log = opts.log ?? (() => undefined);
  const lingerMs = opts.lingerMs ?? 1000;
  const endpoint = opts.endpoint !== null && isVendorUrl(opts.endpoint) ? opts.endpoint : null;
  const shownEndpoint = opts.endpoint === null ? null : urlForLog(opts.endpoint);

  let state: ForwarderState = endpoint ? 'idle' : 'disabled';
  let lastError: string | undefined =
    opts.endpoint !== null && !endpoint ? 'the endpoint must be an https:// URL (http:// only for localhost)' : undefined;
  let nextAttemptAt: number | undefined;
  let running = false;
  let stopped = false;
  let lingerTimer: unknown;
  let retryTimer: unknown;
  let pumping: Promise<void> | null = null;
  let rerun = false;
  let inflight: AbortController | null = null;
  let failures = 0;
  let delivered = 0;
  let unredactable = 0;
  /** The head batch's ranges still to send, front first (split by content refusals). */
  let work: { batchId: string; ranges: Array<[number, number]> } | null = null;
  let reported = '';
  let announced = '';

  function status(): ForwarderStatus {
    const s = queue.stats();
    return {
      endpoint: shownEndpoint,
      state,
      ...(lastError === undefined ? {} : { lastError }),
      ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
      queuedEvents: s.queuedEvents,
      dropped: s.dropped + unredactable,
      rejected: s.rejected,
      delivered,
      bad: s.bad,
      expired: s.expired,
    };
  }

  /**
   * Logs changes of health and of the loss counters (a retry with the same error is not one), and
   * announces what the status shows.
   */
  function changed(): void {
    const s = status();
    const health = s.state === 'disabled' ? 'disabled' : s.lastError === undefined ? 'ok' : 'failing';
    const signature = JSON.stringify([health, s.lastError, s.dropped, s.rejected, s.bad, s.expired, s.queuedEvents === 0]);
    if (signature !== reported) {
      const first = reported === '';
      reported = signature;
      if (!first || health !== 'ok') log(`status: ${health}`, { ...s, failures });
    }
    announce(s);
  }

  /**
   * Tells main when anything Settings → Forwarding status shows has changed, apart from the log's
   * dedupe: the UI's snapshot is built whenever anything pushes one, so a state it was shown (say
   * "Sending", mid-attempt) must be followed by the one that replaced it even when the log has
   * nothing new to say. Cheap: main coalesces pushes (shell-window.ts pushState).
   */
  function announce(s: ForwarderStatus = status()): void {
    const shown = JSON.stringify(s);
    if (shown === announced) return;
    announced = shown;
    try {
      opts.onChange?.();
    } catch {
      // A failing observer must not stop forwarding.
    }
  }

  function sealAndKick(): void {
    if (lingerTimer !== undefined) timers.clearTimeout(lingerTimer);
    lingerTimer = undefined;
    void queue.seal();
    kick();
  }

  function kick(): void {
    if (!running || retryTimer !== undefined) return;
    if (pumping) {
      rerun = true; // A batch was sealed while the sender was busy: look again when it finishes.
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
    changed();
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      nextAttemptAt = undefined;
      kick();
    }, delay);
  }

  /** Sends the front range of the head batch and updates `ranges` by the outcome. */
  async function sendFront(batch: Batch, ranges: Array<[number, number]>, target: string): Promise<'next' | 'stop'> {
    const [from, to] = ranges[0] as [number, number];
    const key = from === 0 && to === batch.events.length ? batch.id : `${batch.id}:${from}-${to}`;
    // The redaction in force now, so raising it in Settings also covers events queued before.
    const events = batch.events.slice(from, to).map((e) => redactEvent(e, redaction));
    state = 'sending';
    announce();
    inflight = new AbortController();
    const result = await postJson(target, { source: 'switchboard', batchId: key, events }, {
      timeoutMs,
      idempotencyKey: key,
      signal: inflight.signal,
      now,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    inflight = null;
    switch (result.kind) {
      case 'aborted':
        return 'stop';
      case 'retry':
        backOff(result.message, result.retryAfterMs);
        return 'stop';
      case 'delivered':
        ranges.shift();
        delivered += to - from;
        failures = 0;
        lastError = undefined;
        announce();
        return 'next';
      case 'rejected':
        if (to - from === 1) {
          await queue.setAside(batch, from, result.status, result.message);
          ranges.shift();
          lastError = `an event was refused for its content and set aside (rejected/): ${result.message}`;
          log('an event was refused for its content and set aside', { endpoint: shownEndpoint, batchId: batch.id, index: from, error: result.message });
          changed(); // lastError stays until the next delivery clears it.
        } else {
          const mid = from + Math.ceil((to - from) / 2);
          ranges.splice(0, 1, [from, mid], [mid, to]);
        }
        return 'next';
    }
  }

  async function pump(): Promise<void> {
    while (running && endpoint) {
      try {
        const batch = await queue.peek();
        if (!batch) {
          state = 'idle';
          changed();
          return;
        }
        if (work?.batchId !== batch.id) work = { batchId: batch.id, ranges: [[0, batch.events.length]] };
        const { ranges } = work;
        while (ranges.length > 0) if ((await sendFront(batch, ranges, endpoint)) === 'stop') return;
        await queue.ack(batch.id);
        work = null;
        changed();
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
      let redacted: ShellEvent;
      try {
        // Redact on the way in: unredacted data never reaches the disk queue.
        redacted = redactEvent(event, redaction);
      } catch (err) {
        unredactable++;
        log('an event could not be redacted and was not forwarded', { error: String(err) });
        return changed();
      }
      if (!queue.write(redacted)) return changed();
      if (queue.openCount() >= batchSize) sealAndKick();
      else lingerTimer ??= timers.setTimeout(sealAndKick, lingerMs);
    },
    setRedaction(level) {
      if (level === redaction) return;
      log('redaction changed: applies to every event sent from now on, queued ones included', { from: redaction, to: level });
      redaction = level;
    },
    async flush() {
      if (lingerTimer !== undefined) sealAndKick();
      await queue.seal();
      kick();
      while (pumping) await pumping;
    },
    start() {
      if (!endpoint || stopped || running) return;
      running = true;
      changed();
      kick();
    },
    async stop() {
      stopped = true;
      running = false;
      for (const timer of [retryTimer, lingerTimer]) if (timer !== undefined) timers.clearTimeout(timer);
      retryTimer = lingerTimer = nextAttemptAt = undefined;
      inflight?.abort();
      while (pumping) await pumping;
      await queue.close();
      if (endpoint) state = 'idle';
    },
    stopNow() {
      stopped = true;
      running = false;
      for (const timer of [retryTimer, lingerTimer]) if (timer !== undefined) timers.clearTimeout(timer);
      retryTimer = lingerTimer = nextAttemptAt = undefined;
      inflight?.abort();
      queue.closeNow();
    },
    status,
  };
}
