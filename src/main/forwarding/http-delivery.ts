/**
 * One HTTP attempt for the forwarder, classified into what the queue should do next. The fetch is
 * injected: the app passes Electron's `ses.fetch` (Chromium's network stack: the system proxy and
 * the OS trust store, src/main/app/forwarding-fetch.ts); unit and soak tests pass nothing and get
 * Node's global fetch (undici) against real local servers. Both answer the same Response; they
 * fail differently (fetch-errors.ts), and a redirect under `redirect: 'manual'` is a 3xx Response
 * from undici but an error from `net.fetch` — both end as the same "not followed" retry.
 */
import { randomUUID } from 'node:crypto';
import { isVendorUrl } from '../../shared/contract/profile';
import { parseRetryAfter } from './backoff';
import { describeFetchFailure, proxyAuthMessage } from './fetch-errors';

export type FetchLike = typeof fetch;

export type DeliveryResult =
  | { kind: 'delivered'; status: number }
  /**
   * Not the batch's own fault, so worth trying again later: 401/403 (a token being rotated),
   * 404 (a deploy window), 407 (the proxy wants credentials), 408/429/5xx, 3xx, any other
   * status, timeouts, network, proxy and certificate errors.
   */
  | { kind: 'retry'; status?: number; retryAfterMs?: number; message: string }
  /** The server refused this content (400/413/422): the forwarder splits the batch to find the culprit. */
  | { kind: 'rejected'; status: number; message: string }
  /** Our own stop() cancelled it; nothing to report. */
  | { kind: 'aborted' };

export interface PostOptions {
  timeoutMs: number;
  idempotencyKey: string;
  fetch?: FetchLike;
  /** Aborted by the forwarder's stop(). */
  signal?: AbortSignal;
  now?: () => number;
}

const SNIPPET_BYTES = 512;

export async function postJson(endpoint: string, body: unknown, opts: PostOptions): Promise<DeliveryResult> {
  const doFetch = opts.fetch ?? fetch;
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  let res: Response;
  try {
    res = await doFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': opts.idempotencyKey },
      body: JSON.stringify(body),
      // A redirect would replay the batch to a host nobody configured; a loop must not spin.
      redirect: 'manual',
      signal,
    });
  } catch (err) {
    if (opts.signal?.aborted) return { kind: 'aborted' };
    // Both fetches reject with the signal's reason (net-fetch.ts: `req.signal.reason`), so the
    // timeout is recognised by its signal, not by the error's shape.
    if (timeout.aborted) return { kind: 'retry', message: `no answer within ${opts.timeoutMs} ms` };
    return { kind: 'retry', message: describeFetchFailure(err) };
  }
  const status = res.status;
  if (status >= 200 && status < 300) {
    // Release the connection without waiting for a body nobody reads.
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'delivered', status };
  }
  const snippet = await readSnippet(res);
  const detail = snippet ? `: ${snippet}` : '';
  if (status >= 300 && status < 400) {
    const location = res.headers.get('location');
    const shown = location === null ? '(no location)' : urlForLog(location, endpoint);
    return { kind: 'retry', status, message: `HTTP ${status} redirect to ${shown} not followed; configure the final URL` };
  }
  if (status === 407) return { kind: 'retry', status, message: proxyAuthMessage(status) };
  if (CONTENT_REFUSED.has(status)) return { kind: 'rejected', status, message: `HTTP ${status}${detail}` };
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(res.headers.get('retry-after'), (opts.now ?? Date.now)()) : undefined;
  const what = status >= 400 ? `HTTP ${status}` : `unexpected HTTP ${status}`;
  return { kind: 'retry', status, message: `${what}${detail}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

/** Statuses that blame the request's content (RFC 9110 §15.5.1, §15.5.14, §15.5.21). */
const CONTENT_REFUSED = new Set([400, 413, 422]);

/**
 * A URL as it may appear in status and logs: origin and path only. User info (user:pass@), the
 * query and the fragment are dropped, since any of them may carry a token. Relative locations
 * resolve against the endpoint; anything unparseable is not shown at all.
 */
export function urlForLog(url: string, base?: string): string {
  try {
    const parsed = new URL(url, base);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(an unparseable URL)';
  }
}

/** The start of an error body, for status and logs; bounded so a huge error page costs nothing. */
async function readSnippet(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut off mid-way still leaves the status to act on.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, SNIPPET_BYTES));
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

export interface ConnectionTestResult {
  ok: boolean;
  status?: number;
  message: string;
}

/** For the settings UI's "Test connection": one POST of `{source:'switchboard', test:true}`. */
export async function testConnection(endpoint: string, timeoutMs: number, fetchImpl?: FetchLike): Promise<ConnectionTestResult> {
  if (!isVendorUrl(endpoint)) return { ok: false, message: 'the endpoint must be an https:// URL (http:// only for localhost)' };
  const result = await postJson(
    endpoint,
    { source: 'switchboard', test: true },
    { timeoutMs, idempotencyKey: `test-${randomUUID()}`, ...(fetchImpl ? { fetch: fetchImpl } : {}) },
  );
  switch (result.kind) {
    case 'delivered':
      return { ok: true, status: result.status, message: `the endpoint accepted the test (HTTP ${result.status})` };
    case 'rejected':
      return { ok: false, status: result.status, message: `the endpoint refused the test: ${result.message}` };
    case 'retry':
      return { ok: false, ...(result.status === undefined ? {} : { status: result.status }), message: result.message };
    case 'aborted':
      return { ok: false, message: 'cancelled' };
  }
}
