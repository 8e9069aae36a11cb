/**
 * Electron's navigation throttle, on every request of a view's frames
 * (shell/browser/electron_navigation_throttle.cc:27-85):
 * - WillStartRequest: for a renderer-initiated navigation, 'will-frame-navigate' (any frame),
 *   then, unless prevented and only for the main frame, 'will-navigate'; preventing either
 *   cancels the navigation (ERR_ABORTED, which emits no did-fail-load). Navigations main starts
 *   (loadURL, reload) are browser-initiated and emit neither.
 * - WillRedirectRequest: 'will-redirect' for every redirect of any navigation, browser-initiated
 *   or not; preventing it cancels the navigation.
 * 'did-start-navigation' comes first (DidStartNavigation runs before the throttles). The event
 * objects carry what WebContents::EmitNavigationEvent (electron_api_web_contents.cc:2317) puts in them (url, isSameDocument,
 * isMainFrame, processId, routingId, frame) and the same values as arguments.
 *
 * Requests for our custom scheme are then answered from the frame's session (protocol-serve.ts).
 */
import { browser, type FrameInfo, type PausedRequest } from './browser';
import { emitSafely, modelEvent, type ModelEvent } from './events';
import type { EventEmitter } from 'node:events';
import { fromErrorReason } from './net-errors';
import { serveCustomScheme } from './protocol-serve';
import { standInScheme, toMain } from './scheme';
import type { Session } from './session';

export interface ThrottleHost extends EventEmitter {
  readonly session: Session;
  _takeBrowserInitiated(pageUrl: string): boolean;
  emitFailure(code: number, name: string, url: string, isMainFrame: boolean): void;
}

function navigationEvent(url: string, isMainFrame: boolean): ModelEvent {
  return modelEvent({ url, isSameDocument: false, isMainFrame, processId: -1, routingId: -1, frame: null, initiator: null }, 'NavigationEvent');
}

export function emitNavigation(host: ThrottleHost, name: string, url: string, isMainFrame: boolean): boolean {
  const event = navigationEvent(url, isMainFrame);
  emitSafely(host, name, event, url, false, isMainFrame, -1, -1);
  return event.defaultPrevented;
}

export async function handleNavigationRequest(host: ThrottleHost, paused: PausedRequest, frame: FrameInfo): Promise<void> {
  const { cdp } = browser;
  const isMainFrame = frame.parent === null;
  const pageUrl = paused.request.url;
  const url = toMain(pageUrl);
  const cancel = () => cdp.sendMayFail('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'Aborted' });

  const responseStage = paused.responseStatusCode !== undefined || paused.responseErrorReason !== undefined;
  if (process.env.ELECTRON_MODEL_DEBUG) process.stderr.write(`[throttle] ${responseStage ? 'response' : 'request'} ${paused.resourceType} ${url} main=${isMainFrame} status=${paused.responseStatusCode ?? ''} err=${paused.responseErrorReason ?? ''}\n`);
  if (responseStage) {
    if (paused.responseErrorReason) {
      const error = fromErrorReason(paused.responseErrorReason);
      if (error.code !== -3) host.emitFailure(error.code, error.name, url, isMainFrame);
      await cdp.sendMayFail('Fetch.failRequest', { requestId: paused.requestId, errorReason: paused.responseErrorReason });
      return;
    }
    const status = paused.responseStatusCode ?? 0;
    const location = paused.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value;
    if (status >= 300 && status < 400 && location && URL.canParse(location, pageUrl)) {
      const target = toMain(new URL(location, pageUrl).href);
      if (emitNavigation(host, 'will-redirect', target, isMainFrame)) return void (await cancel());
      emitSafely(host, 'did-redirect-navigation', navigationEvent(target, isMainFrame), target, false, isMainFrame, -1, -1);
    }
    await cdp.sendMayFail('Fetch.continueResponse', { requestId: paused.requestId });
    return;
  }

  if (paused.resourceType === 'Document' && !paused.redirectedRequestId) {
    const browserInitiated = isMainFrame && host._takeBrowserInitiated(pageUrl);
    emitSafely(host, 'did-start-navigation', navigationEvent(url, isMainFrame), url, false, isMainFrame, -1, -1);
    if (!browserInitiated) {
      if (emitNavigation(host, 'will-frame-navigate', url, isMainFrame)) return void (await cancel());
      if (isMainFrame && emitNavigation(host, 'will-navigate', url, isMainFrame)) return void (await cancel());
    }
  }

  // Chromium's browser fetches a page's favicon itself; Electron has no favicon fetcher (it only
  // reports the URLs, 'page-favicon-updated'), so those requests never reach the app there.
  if (paused.resourceType === 'Other' && /\/favicon\.ico$/.test(new URL(pageUrl).pathname)) {
    await cdp.sendMayFail('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'BlockedByClient' });
    return;
  }

  const scheme = standInScheme(pageUrl);
  if (scheme) {
    await serveCustomScheme(paused, host.session, scheme, (error) => {
      if (paused.resourceType === 'Document') host.emitFailure(error.code, error.name, url, isMainFrame);
    });
    return;
  }
  await cdp.sendMayFail('Fetch.continueRequest', { requestId: paused.requestId });
}
