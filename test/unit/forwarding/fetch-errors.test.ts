/**
 * Delivery outcomes for both fetches the forwarder is given: Electron's net.fetch (errors shaped as
 * electron/electron lib/common/api/net-client-request.ts makes them: `new Error(netErrorString)`,
 * the string being electron_api_url_loader.cc's net::ErrorToString, e.g. "net::ERR_PROXY_CONNECTION_FAILED")
 * and Node's fetch (undici's own errors, made here for real against local servers).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFetchFailure, describeFetchFailure } from '../../../src/main/forwarding/fetch-errors';
import { postJson, testConnection, type FetchLike } from '../../../src/main/forwarding/http-delivery';
import { freePort, startServer, type Reply } from './support';

/** What net.fetch rejects with for a Chromium net error (net-client-request.ts 'error'). */
const chromium = (netErrorString: string): Error => new Error(netErrorString);
const rejecting = (err: unknown): FetchLike => () => Promise.reject(err);
const post = (fetch: FetchLike, timeoutMs = 1000) => postJson('https://ingest.example/x', { a: 1 }, { timeoutMs, idempotencyKey: 'k', fetch });

/** Node's fetch's real rejection for `url`. */
async function nodeFailure(url: string): Promise<unknown> {
  try {
    await fetch(url, { method: 'POST', body: '{}' });
  } catch (err) {
    return err;
  }
  throw new Error(`${url} answered`);
}

describe('net.fetch-shaped errors (Chromium net error strings, no cause)', () => {
  it('names proxy, certificate and redirect failures as such, and everything else as a network error', () => {
    expect(classifyFetchFailure(chromium('net::ERR_CONNECTION_REFUSED'))).toEqual({ kind: 'network', detail: 'net::ERR_CONNECTION_REFUSED' });
    expect(classifyFetchFailure(chromium('net::ERR_NAME_NOT_RESOLVED')).kind).toBe('network');
    expect(classifyFetchFailure(chromium('net::ERR_INTERNET_DISCONNECTED')).kind).toBe('network');
    expect(classifyFetchFailure(chromium('net::ERR_EMPTY_RESPONSE')).kind).toBe('network');
    for (const name of ['ERR_PROXY_CONNECTION_FAILED', 'ERR_TUNNEL_CONNECTION_FAILED', 'ERR_PROXY_AUTH_UNSUPPORTED', 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'ERR_PAC_SCRIPT_FAILED'])
      expect(classifyFetchFailure(chromium(`net::${name}`)), name).toEqual({ kind: 'proxy', detail: `net::${name}` });
    for (const name of ['ERR_CERT_AUTHORITY_INVALID', 'ERR_CERT_COMMON_NAME_INVALID', 'ERR_CERT_DATE_INVALID', 'ERR_SSL_PROTOCOL_ERROR'])
      expect(classifyFetchFailure(chromium(`net::${name}`)), name).toEqual({ kind: 'certificate', detail: `net::${name}` });
    // redirect: 'manual' (nobody calls followRedirect) and 'error', as net-client-request.ts words them.
    expect(classifyFetchFailure(chromium('Redirect was cancelled')).kind).toBe('redirect');
    expect(classifyFetchFailure(chromium("Attempted to redirect, but redirect policy was 'error'")).kind).toBe('redirect');
    expect(classifyFetchFailure(chromium('net::ERR_UNSAFE_REDIRECT')).kind).toBe('redirect');
  });

  it('every one is retried, with a last error that says where to look', async () => {
    expect(await post(rejecting(chromium('net::ERR_CONNECTION_REFUSED')))).toEqual({ kind: 'retry', message: 'network error: net::ERR_CONNECTION_REFUSED' });
    expect(await post(rejecting(chromium('net::ERR_PROXY_CONNECTION_FAILED')))).toMatchObject({ kind: 'retry', message: expect.stringMatching(/^proxy error: net::ERR_PROXY_CONNECTION_FAILED \(.*system proxy settings\)$/) });
    expect(await post(rejecting(chromium('net::ERR_CERT_AUTHORITY_INVALID')))).toMatchObject({ kind: 'retry', message: expect.stringMatching(/^certificate error: net::ERR_CERT_AUTHORITY_INVALID \(.*OS certificate store\)$/) });
    expect(await post(rejecting(chromium('Redirect was cancelled')))).toMatchObject({ kind: 'retry', message: expect.stringContaining('redirects are not followed, configure the final URL') });
  });

  it('a timeout is told by its signal: net.fetch rejects with the signal\'s reason (net-fetch.ts), not a net error', async () => {
    const hangsUntilAborted: FetchLike = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject((init.signal as AbortSignal).reason)));
    expect(await post(hangsUntilAborted, 50)).toEqual({ kind: 'retry', message: 'no answer within 50 ms' });
    const controller = new AbortController();
    const pending = postJson('https://ingest.example/x', {}, { timeoutMs: 5000, idempotencyKey: 'k', fetch: hangsUntilAborted, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
  });

  it('a proxy\'s 407 whose body cannot be read (a cancelled CONNECT challenge) is a retry naming the proxy\'s request for credentials', async () => {
    // Chromium delivers the 407 and fails the body read with ERR_TUNNEL_CONNECTION_FAILED
    // (net/http/http_network_transaction.cc Read, after the auth challenge was cancelled).
    const blocked: FetchLike = () =>
      Promise.resolve(new Response(new ReadableStream({ pull: (c) => c.error(chromium('net::ERR_TUNNEL_CONNECTION_FAILED')) }), { status: 407, headers: { 'proxy-authenticate': 'Basic realm="corp"' } }));
    expect(await post(blocked)).toEqual({ kind: 'retry', status: 407, message: expect.stringMatching(/^HTTP 407: the proxy asked for credentials; Switchboard does not sign in to proxies itself/) });
    expect(await testConnection('https://ingest.example/x', 1000, blocked)).toMatchObject({ ok: false, status: 407, message: expect.stringContaining('the proxy asked for credentials') });
  });
});

describe("Node fetch's (undici) errors, made for real", () => {
  it('connection refused: the code from the cause', async () => {
    const err = await nodeFailure(`http://127.0.0.1:${await freePort()}/`);
    expect((err as Error).message).toBe('fetch failed');
    expect(classifyFetchFailure(err)).toEqual({ kind: 'network', detail: 'ECONNREFUSED' });
    expect(describeFetchFailure(err)).toBe('network error: ECONNREFUSED');
  });

  it('a certificate Node does not trust is a certificate error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cert-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'pipe' });
    expect(made.status, made.stderr.toString()).toBe(0);
    const server = createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const err = await nodeFailure(`https://localhost:${(server.address() as AddressInfo).port}/`);
      expect(classifyFetchFailure(err)).toEqual({ kind: 'certificate', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(describeFetchFailure(err)).toMatch(/^certificate error: DEPTH_ZERO_SELF_SIGNED_CERT/);
    } finally {
      await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
    }
  });

  it('a 407 is a network error with an empty message in undici (so only net.fetch can name it); a 3xx is a response, not an error', async () => {
    // undici lib/web/fetch/index.js, httpNetworkOrCacheFetch step 15: `return makeNetworkError()`.
    const srv = await startServer((req): Reply => (req.path === '/moved' ? { status: 302, headers: { location: '/final' } } : { status: 407, headers: { 'proxy-authenticate': 'Basic realm="corp"' } }));
    try {
      const base = `http://127.0.0.1:${srv.port}`;
      const err = await nodeFailure(`${base}/x`);
      expect((err as { cause?: Error }).cause?.message).toBe('');
      expect(await postJson(`${base}/x`, {}, { timeoutMs: 1000, idempotencyKey: 'k' })).toEqual({ kind: 'retry', message: 'network error: fetch failed' });
      expect(await postJson(`${base}/moved`, {}, { timeoutMs: 1000, idempotencyKey: 'k' })).toMatchObject({ kind: 'retry', status: 302, message: expect.stringContaining('not followed; configure the final URL') });
    } finally {
      await srv.close();
    }
  });
});
