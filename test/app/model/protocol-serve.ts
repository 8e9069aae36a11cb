/**
 * Answers a request for a custom-scheme URL from the requesting frame's session, as Electron's
 * ElectronURLLoaderFactory does with a protocol.handle handler (lib/browser/api/protocol.ts:123-170):
 * the handler gets a fetch Request for the app:// URL; a thrown error or an invalid answer is
 * ERR_UNEXPECTED, a Response.error() is ERR_FAILED; a session without a handler for the scheme
 * has no loader factory for it at all (shell/browser/protocol_registry.cc:24-63), so the load fails
 * with ERR_UNKNOWN_URL_SCHEME.
 */
import { browser, type PausedRequest } from './browser';
import { ERR_FAILED, ERR_UNEXPECTED, ERR_UNKNOWN_URL_SCHEME, type NetError } from './net-errors';
import { isTextual, toMain, toPage } from './scheme';
import type { Session } from './session';

/**
 * null when served; otherwise the net error, and `fail` is called with it: the caller reports it
 * (did-fail-load comes before Chromium commits the error page and stops loading) and fails the
 * request.
 */
export async function serveCustomScheme(paused: PausedRequest, session: Session, scheme: string, onError: (error: NetError) => void): Promise<NetError | null> {
  const { cdp } = browser;
  const fail = async (error: NetError) => {
    onError(error);
    await cdp.sendMayFail('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'Failed' });
    return error;
  };
  const handler = session.protocol._handlerFor(scheme);
  if (!handler) return fail(ERR_UNKNOWN_URL_SCHEME);

  const headers = new Headers();
  for (const [name, value] of Object.entries(paused.request.headers)) headers.set(name, toMain(value));
  if (headers.get('origin') === 'null') headers.delete('origin');
  const method = paused.request.method;
  const body = paused.request.postData !== undefined && method !== 'GET' && method !== 'HEAD' ? paused.request.postData : undefined;
  let response: unknown;
  try {
    response = await handler(new Request(toMain(paused.request.url), { method, headers, ...(body !== undefined ? { body } : {}) }));
  } catch (err) {
    process.stderr.write(`electron model: a protocol handler threw for ${toMain(paused.request.url)}: ${String(err)}\n`);
    return fail(ERR_UNEXPECTED);
  }
  if (!(response instanceof Response)) return fail(ERR_UNEXPECTED);
  if (response.type === 'error') return fail(ERR_FAILED);

  const type = response.headers.get('content-type') ?? '';
  let bytes = Buffer.from(await response.arrayBuffer());
  if (isTextual(type)) bytes = Buffer.from(toPage(bytes.toString('utf8')), 'utf8');
  const responseHeaders = [...response.headers.entries()].map(([name, value]) => ({ name, value: toPage(value) }));
  await cdp.sendMayFail('Fetch.fulfillRequest', {
    requestId: paused.requestId,
    responseCode: response.status,
    ...(response.statusText ? { responsePhrase: response.statusText } : {}),
    responseHeaders,
    body: bytes.toString('base64'),
  });
  return null;
}
