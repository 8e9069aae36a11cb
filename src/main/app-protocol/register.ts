/**
 * Electron glue for the app:// scheme: privileged registration (before `ready`) and the handler,
 * installed on every session that loads our pages (each profile has its own partition).
 */
import type { Protocol } from 'electron';
import { APP_SCHEME } from '../../shared/app-urls';
import { resolveAppRequest, type ResolveContext } from './resolve-request';

/** standard + secure: a real origin per host (app://host ≠ app://demo) and a secure context. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

export interface ProtocolDeps {
  /** Reads a file below the built renderer folder. */
  readFile(relativePath: string): Promise<Uint8Array>;
  context(): ResolveContext;
  log(message: string): void;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cross-origin-opener-policy': 'same-origin' };

export function handleAppProtocol(protocol: Pick<Protocol, 'handle' | 'isProtocolHandled'>, deps: ProtocolDeps): void {
  if (protocol.isProtocolHandled(APP_SCHEME)) return;
  protocol.handle(APP_SCHEME, async (request) => {
    const response = resolveAppRequest(request.url, deps.context());
    if (response.kind === 'not-found') {
      deps.log(`app:// 404 ${request.url}: ${response.reason}`);
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain', ...SECURITY_HEADERS } });
    }
    const headers = { 'content-type': response.mime, 'content-security-policy': response.csp, ...SECURITY_HEADERS };
    if (response.kind === 'text') return new Response(response.body, { headers });
    try {
      return new Response(Buffer.from(await deps.readFile(response.relativePath)), { headers });
    } catch (err) {
      deps.log(`app:// cannot read ${response.relativePath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain', ...SECURITY_HEADERS } });
    }
  });
}
