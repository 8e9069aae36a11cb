/**
 * Electron glue for the app:// scheme: privileged registration (before `ready`) and the handler.
 * Handlers belong to a session (protocol.handle registers on the default session only; each
 * session has its own ProtocolRegistry, shell/browser/protocol_registry.cc), so every session
 * that loads our pages gets one — the shell UI's and each profile's — and each serves only the
 * hosts its views show: the shell session app://shell, a profile session its host page and the
 * demo. A vendor page can therefore never load the shell UI into its session.
 */
import type { Protocol } from 'electron';
import { APP_HOSTS, APP_SCHEME } from '../../shared/app-urls';
import { resolveAppRequest, type ResolveContext } from './resolve-request';

/** standard + secure: a real origin per host (app://host ≠ app://demo) and a secure context. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

export const SHELL_SESSION_HOSTS: readonly string[] = [APP_HOSTS.shell];
export const PROFILE_SESSION_HOSTS: readonly string[] = [APP_HOSTS.host, APP_HOSTS.demo];

export interface ProtocolDeps {
  /** The app:// hosts this session serves. */
  hosts: readonly string[];
  /** Reads a file below the built renderer folder. */
  readFile(relativePath: string): Promise<Uint8Array>;
  context(): ResolveContext;
  log(message: string): void;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * Only the shell UI isolates itself from openers and popups. The host page must not: a
 * cross-origin-opener-policy on it severs the opener of every popup its vendor frame opens, and
 * vendors' sign-in popups hand their result back through window.opener.
 */
function isolationHeaders(host: string): Record<string, string> {
  return host === APP_HOSTS.shell ? { 'cross-origin-opener-policy': 'same-origin' } : {};
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain', ...SECURITY_HEADERS } });

export function handleAppProtocol(protocol: Pick<Protocol, 'handle' | 'isProtocolHandled'>, deps: ProtocolDeps): void {
  if (protocol.isProtocolHandled(APP_SCHEME)) return;
  protocol.handle(APP_SCHEME, async (request) => {
    const host = URL.canParse(request.url) ? new URL(request.url).host : '';
    if (!deps.hosts.includes(host)) {
      deps.log(`app:// 404 ${request.url}: app://${host} is not served in this session`);
      return notFound();
    }
    const response = resolveAppRequest(request.url, deps.context());
    if (response.kind === 'not-found') {
      deps.log(`app:// 404 ${request.url}: ${response.reason}`);
      return notFound();
    }
    const headers = { 'content-type': response.mime, 'content-security-policy': response.csp, ...SECURITY_HEADERS, ...isolationHeaders(host) };
    if (response.kind === 'text') return new Response(response.body, { headers });
    try {
      return new Response(Buffer.from(await deps.readFile(response.relativePath)), { headers });
    } catch (err) {
      deps.log(`app:// cannot read ${response.relativePath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      return notFound();
    }
  });
}
