/**
 * What a failed fetch tells the agent and IT, for both fetches the forwarder is given:
 *
 * - Electron's `net.fetch` / `ses.fetch` (the app): a plain `Error` whose message is Chromium's net
 *   error string, `net::ERR_CONNECTION_REFUSED` — electron/electron
 *   shell/common/api/electron_api_url_loader.cc (OnComplete: `Emit("error",
 *   net::ErrorToString(...))`) and lib/common/api/net-client-request.ts (`new Error(netErrorString)`);
 *   no `cause`, no `code`. A redirect under `redirect: 'manual'` is not a response but the error
 *   "Redirect was cancelled" (net-client-request.ts: nobody calls followRedirect() in
 *   lib/browser/api/net-fetch.ts), under `'error'` "Attempted to redirect, but redirect policy was
 *   'error'", and an unsafe target `net::ERR_UNSAFE_REDIRECT`.
 * - Node's fetch (undici; unit and soak tests): `TypeError('fetch failed')` whose `cause` carries the
 *   socket's `code` (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT) or the TLS verdict
 *   (SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID…).
 *
 * Every one of these is retried by the forwarder: none is the batch's fault, and a proxy, a
 * certificate store or a VPN is fixed by IT while the events wait on disk. What differs is the
 * text: a proxy or certificate problem says so, since "network error" sends IT to the wrong place.
 */

export type FetchFailureKind = 'network' | 'proxy' | 'certificate' | 'redirect';

export interface FetchFailure {
  kind: FetchFailureKind;
  /** The error's own name: `net::ERR_…`, an undici/Node code, or the message. */
  detail: string;
}

/** Chromium net errors that name the proxy (net/base/net_error_list.h: ERR_PROXY_*, the tunnel, PAC). */
const CHROMIUM_PROXY = /^net::ERR_(PROXY_|TUNNEL_CONNECTION_FAILED|MANDATORY_PROXY_CONFIGURATION_FAILED|PAC_|SOCKS_)/;
/** Chromium net errors about the server's certificate or the TLS handshake. */
const CHROMIUM_CERT = /^net::ERR_(CERT_|SSL_|BAD_SSL_CLIENT_AUTH_CERT)/;
/** Node's TLS verdicts (node: src/crypto/crypto_common.cc X509 error names; tls.checkServerIdentity). */
const NODE_CERT = /^(ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_[A-Z_]+|ERR_SSL_[A-Z_]+)$/;
/** What lib/common/api/net-client-request.ts rejects with when a redirect is not followed. */
const CHROMIUM_REDIRECT = /^(Redirect was cancelled|Attempted to redirect, but redirect policy was 'error'|net::ERR_UNSAFE_REDIRECT|net::ERR_TOO_MANY_REDIRECTS)$/;

export function classifyFetchFailure(err: unknown): FetchFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (CHROMIUM_REDIRECT.test(message)) return { kind: 'redirect', detail: message };
  if (message.startsWith('net::ERR_')) {
    if (CHROMIUM_PROXY.test(message)) return { kind: 'proxy', detail: message };
    if (CHROMIUM_CERT.test(message)) return { kind: 'certificate', detail: message };
    return { kind: 'network', detail: message };
  }
  // undici wraps the socket error: "fetch failed" with cause { code: 'ECONNREFUSED', ... }.
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return { kind: NODE_CERT.test(cause.code) ? 'certificate' : 'network', detail: cause.code };
  // A 407 is a network error with an empty message in undici (lib/web/fetch/index.js,
  // httpNetworkOrCacheFetch step 15: makeNetworkError()): "fetch failed" is all there is to say.
  if (cause && typeof cause.message === 'string' && cause.message !== '') return { kind: 'network', detail: cause.message };
  return { kind: 'network', detail: message };
}

/** The "last error" line of the forwarding status and of Test connection. */
export function describeFetchFailure(err: unknown): string {
  const { kind, detail } = classifyFetchFailure(err);
  switch (kind) {
    case 'network':
      return `network error: ${detail}`;
    case 'proxy':
      return `proxy error: ${detail} (the proxy this computer is set to use failed, refused the connection or asked for credentials; check the system proxy settings)`;
    case 'certificate':
      return `certificate error: ${detail} (the endpoint's certificate is not trusted by this computer; behind a TLS-inspecting proxy its root certificate must be in the OS certificate store)`;
    case 'redirect':
      return `the endpoint redirected (${detail}); redirects are not followed, configure the final URL`;
  }
}

/**
 * A 407 is the proxy, not the endpoint, asking for credentials. Chromium answers the challenge
 * itself where it can (the OS's integrated sign-in: Negotiate/Kerberos, NTLM, per docs/api/net.md
 * "Support for authenticating proxies"); Switchboard supplies no user name or password, so when it
 * cannot, `net.fetch` cancels the challenge at once (net-client-request.ts: no 'login' listener →
 * `callback()` → electron_api_url_loader.cc OnAuthRequired → OnAuthCredentials(nullopt)) and the
 * request ends with the proxy's 407 — never a wait for a prompt nobody shows.
 */
export function proxyAuthMessage(status: number): string {
  return `HTTP ${status}: the proxy asked for credentials; Switchboard does not sign in to proxies itself (it uses the system proxy and the OS's own sign-in), so ask IT to let this computer through or to exempt the endpoint`;
}
