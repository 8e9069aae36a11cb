/**
 * The fetch the forwarder and Settings → Forwarding → "Test connection" use in the app: Electron's
 * `ses.fetch`, Chromium's network stack, instead of Node's global fetch (undici). On a managed
 * workstation that is the difference between working and not:
 * - the system proxy, PAC/WPAD and proxies that authenticate with the OS's sign-in (Kerberos,
 *   NTLM, Negotiate) are Chromium's (electron/electron docs/api/net.md, "Automatic management of
 *   system proxy configuration … Support for authenticating proxies"); undici connects directly;
 * - server certificates are verified against the OS trust store, where IT installs the root of a
 *   TLS-inspecting proxy; undici has Node's bundled roots only, and the packaging fuses turn off
 *   NODE_OPTIONS/NODE_EXTRA_CA_CERTS (electron-builder.yml, enableNodeOptionsEnvironmentVariable).
 *
 * Which session: a dedicated in-memory one, `session.fromPartition(FORWARDING_PARTITION)` (no
 * `persist:` prefix: nothing is written to disk, docs/api/session.md fromPartition). `ses.fetch`
 * sends and stores the session's cookies (lib/browser/api/net-fetch.ts turns the default
 * credentials 'same-origin' without an origin into 'include'), so on the default session an
 * endpoint's cookie would outlive the run and anything else landing there would reach the endpoint;
 * here it lives and dies with this run and is seen by the endpoint only. Proxy settings are the
 * system's in every session that was not given its own (ses.setProxy, never called here), so the
 * choice changes nothing about the proxy. The session needs `ready` (electron_api_session.cc
 * "Session can only be received when app is ready"), which also covers net's own rule that it is
 * usable only after ready (lib/browser/api/net.ts request()).
 *
 * `bypassCustomProtocolHandlers`: the endpoint is always the network's, even if a handler for
 * https were ever registered on this session (docs/api/net.md). Proxy credentials are not
 * supplied: a challenge Chromium cannot answer with the OS's sign-in is cancelled at once and the
 * status says the proxy asked for credentials (fetch-errors.ts proxyAuthMessage).
 */
import { session } from 'electron';
import type { FetchLike } from '../forwarding/http-delivery';
import { installDenyAllPermissionHandlers } from '../security/permission-handlers';
import { diag } from '../diagnostics';

/** In-memory (no `persist:`): forwarding keeps no cookies or cache across runs. */
export const FORWARDING_PARTITION = 'switchboard-forwarding';

export function forwardingFetch(): FetchLike {
  const ses = session.fromPartition(FORWARDING_PARTITION);
  // No page ever runs on this session; should one land there, it gets nothing.
  installDenyAllPermissionHandlers(ses, 'forwarding session', (message, data) => diag('permission', message, data));
  return (input, init) => ses.fetch(input instanceof URL ? input.href : input, { ...init, bypassCustomProtocolHandlers: true });
}
