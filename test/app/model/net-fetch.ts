/**
 * `ses.fetch(input, init)` and `net.fetch` (the default session's), as electron/electron
 * lib/browser/api/net-fetch.ts (fetchWithSession) drives Chromium's network stack through
 * lib/common/api/net-client-request.ts and shell/common/api/electron_api_url_loader.cc:
 *
 * - `new Request(input, init)` first; a signal already aborted rejects with its reason; an abort
 *   later rejects with `signal.reason` (an AbortSignal.timeout's TimeoutError) and cancels the
 *   request. There is no timeout of its own.
 * - Connections follow the machine's network settings (system-network.ts): the system proxy (an
 *   http:// URL is sent to it in absolute form, an https:// one through a CONNECT tunnel), its
 *   implicit bypass of loopback, and the OS certificate store. Node's own fetch knows none of this.
 * - Failures reject with `new Error(net::ErrorToString(code))`, e.g. `net::ERR_CONNECTION_REFUSED`
 *   (electron_api_url_loader.cc OnComplete; net-client-request.ts 'error'); no `cause`, no `code`.
 *   A failure to reach the proxy is `net::ERR_PROXY_CONNECTION_FAILED`, a refused tunnel
 *   `net::ERR_TUNNEL_CONNECTION_FAILED`, an untrusted certificate `net::ERR_CERT_AUTHORITY_INVALID`.
 * - HTTP error statuses are responses (SetAllowHttpErrorResults(true)).
 * - `redirect: 'manual'`: the redirect is not a response; nobody calls followRedirect(), so the
 *   request dies with "Redirect was cancelled"; `'error'`: "Attempted to redirect, but redirect
 *   policy was 'error'" (net-client-request.ts). `'follow'` is not modelled (a ModelGap).
 * - Auth challenges go to the request's own 'login' (OnAuthRequired); fetchWithSession listens to
 *   none, so net-client-request.ts cancels at once (`callback()` with no credentials) and app
 *   'login' is not emitted. A proxy's 407 to CONNECT then arrives as a 407 response whose body
 *   cannot be read: ERR_TUNNEL_CONNECTION_FAILED (Chromium net/http/http_network_transaction.cc
 *   Read: "We reach this case when the user cancels a 407 proxy auth prompt").
 * - Only http: and https: are modelled (custom protocols and file: are a ModelGap); cookies of the
 *   session are neither sent nor stored.
 */
import { request as httpRequest, type IncomingMessage, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { netErrorForSocket } from './net-errors';
import { recordGap } from './strict';
import { osTrustStore, proxyFor, type SystemProxy } from './system-network';

const NULL_BODY = [101, 204, 205, 304];
const REDIRECTS = [301, 302, 303, 307, 308];

const netError = (name: string) => new Error(`net::${name}`);

function abortReason(signal: AbortSignal): unknown {
  return (signal as { reason?: unknown }).reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export async function fetchWithSession(input: string | URL | Request, init: (RequestInit & { bypassCustomProtocolHandlers?: boolean }) | undefined, sessionName: string): Promise<Response> {
  const req = new Request(input, init);
  if (req.signal.aborted) throw abortReason(req.signal);
  const url = new URL(req.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw recordGap(`${sessionName}.fetch(${url.protocol})`);
  if (req.redirect === 'follow') throw recordGap(`${sessionName}.fetch with redirect: 'follow'`);
  const body = req.body ? Buffer.from(await req.arrayBuffer()) : null;
  const headers: Record<string, string> = {};
  for (const [k, v] of req.headers) headers[k] = v;
  if (body) headers['content-length'] = String(body.byteLength);

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    let outgoing: ClientRequest | null = null;
    let incoming: IncomingMessage | null = null;
    const fail = (err: unknown) => {
      if (!settled) reject(err);
      settled = true;
    };
    const succeed = (response: Response) => {
      if (!settled) resolve(response);
      settled = true;
    };
    req.signal.addEventListener(
      'abort',
      () => {
        const reason = abortReason(req.signal);
        fail(reason);
        outgoing?.destroy();
        incoming?.destroy(reason instanceof Error ? reason : undefined);
      },
      { once: true },
    );

    const onResponse = (res: IncomingMessage) => {
      incoming = res;
      const status = res.statusCode ?? 0;
      if (REDIRECTS.includes(status) && res.headers.location) {
        res.destroy();
        return fail(new Error(req.redirect === 'manual' ? 'Redirect was cancelled' : "Attempted to redirect, but redirect policy was 'error'"));
      }
      succeed(toResponse(res, req.method));
    };
    const send = (proxy: SystemProxy | null, tunnel: TLSSocket | null) => {
      const viaProxy = proxy !== null && url.protocol === 'http:';
      const options = {
        method: req.method,
        headers: { ...headers, host: url.host },
        // A fresh connection each time (Chromium pools, but the model need not); through a tunnel,
        // the TLS socket already made (Node ignores createConnection when an agent is given).
        ...(tunnel ? {} : { agent: false as const }),
        ...(viaProxy ? { host: proxy.host, port: proxy.port, path: url.href } : { host: url.hostname, port: url.port || (url.protocol === 'https:' ? 443 : 80), path: `${url.pathname}${url.search}` }),
      };
      outgoing =
        url.protocol === 'https:'
          ? httpsRequest({ ...options, servername: url.hostname, ca: osTrustStore(), ...(tunnel ? { createConnection: () => tunnel } : {}) }, onResponse)
          : httpRequest(options, onResponse);
      outgoing.on('error', (err: NodeJS.ErrnoException) => fail(netError(netErrorForSocket(err, { toProxy: viaProxy && !incoming, responded: incoming !== null }))));
      outgoing.end(body ?? undefined);
    };

    const proxy = proxyFor(url);
    if (!proxy || url.protocol === 'http:') return send(proxy, null);
    // https through an HTTP proxy: a CONNECT tunnel, then TLS to the endpoint inside it.
    const target = `${url.hostname}:${url.port || 443}`;
    const connect = httpRequest({ host: proxy.host, port: proxy.port, method: 'CONNECT', path: target, headers: { host: target }, agent: false });
    outgoing = connect;
    connect.on('error', (err: NodeJS.ErrnoException) => fail(netError(netErrorForSocket(err, { toProxy: true, responded: false }))));
    connect.on('connect', (res: IncomingMessage, socket) => {
      if (res.statusCode === 407) {
        // The challenge goes to the request's 'login', which nobody listens to: cancelled.
        socket.destroy();
        return succeed(blockedTunnelResponse(res));
      }
      if (res.statusCode !== 200) {
        socket.destroy();
        return fail(netError('ERR_TUNNEL_CONNECTION_FAILED'));
      }
      const tunnel = tlsConnect({ socket, servername: url.hostname, ca: osTrustStore() });
      tunnel.once('secureConnect', () => send(proxy, tunnel));
      tunnel.once('error', (err: NodeJS.ErrnoException) => fail(netError(netErrorForSocket(err, { toProxy: false, responded: false }))));
    });
    connect.end();
  });
}

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  return headers;
}

function toResponse(res: IncomingMessage, method: string): Response {
  const status = res.statusCode ?? 0;
  const body = NULL_BODY.includes(status) || method === 'HEAD' ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
  return new Response(body, { status, statusText: res.statusMessage ?? '', headers: headersOf(res) });
}

/** The proxy's 407 as the response, its body unreadable (the tunnel was never established). */
function blockedTunnelResponse(res: IncomingMessage): Response {
  res.resume();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(netError('ERR_TUNNEL_CONNECTION_FAILED'));
    },
  });
  return new Response(body, { status: 407, statusText: res.statusMessage ?? '', headers: headersOf(res) });
}
