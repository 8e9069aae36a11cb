/**
 * A frame navigating itself to a scheme no loader serves (tel:, mailto:, magnet:, …), as Electron
 * handles it:
 * - the navigation throttle runs first, as for any renderer-initiated navigation
 *   (shell/browser/electron_navigation_throttle.cc WillStartRequest): 'will-frame-navigate' (any
 *   frame), then, unless prevented and only for the main frame, 'will-navigate'; preventing
 *   either cancels it;
 * - otherwise the loader finds no handler for the scheme and Chromium calls
 *   ElectronBrowserClient::HandleExternalProtocol (shell/browser/electron_browser_client.cc),
 *   which asks the session's permission request handler for 'openExternal' with
 *   {externalURL, requestingUrl, isMainFrame} and opens the URL with the OS only when granted
 *   (OnOpenExternal → platform_util::OpenExternal), which the model records like shell.openExternal.
 * Chromium reports such a navigation here with Page.frameRequestedNavigation and, headless, opens
 * nothing itself. Not reproduced: the refusal for sandboxed sub frames without a sandbox escape
 * token (HandleExternalProtocolInUI), which no app-tier page uses.
 */
import { desktop } from './desktop';
import { emitNavigation } from './navigation-throttle';
import { toMain } from './scheme';
import type { ThrottleHost } from './navigation-throttle';

/** Schemes Chromium loads (or refuses) itself; anything else is an external protocol. */
const LOADED_SCHEMES = new Set(['http', 'https', 'about', 'data', 'blob', 'javascript', 'file', 'filesystem', 'chrome', 'chrome-error', 'devtools', 'ws', 'wss']);

export function isExternalProtocol(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && !LOADED_SCHEMES.has(scheme);
}

export interface ExternalProtocolHost extends ThrottleHost {
  getURL(): string;
  readonly _self: unknown;
}

export async function handleExternalProtocolNavigation(host: ExternalProtocolHost, pageUrl: string, isMainFrame: boolean): Promise<void> {
  const url = toMain(pageUrl);
  if (emitNavigation(host, 'will-frame-navigate', url, isMainFrame)) return;
  if (isMainFrame && emitNavigation(host, 'will-navigate', url, isMainFrame)) return;
  // requestingUrl is the requesting frame's last URL; the model knows the page's.
  const granted = await host.session._requestPermission(host._self, 'openExternal', { externalURL: url, requestingUrl: host.getURL(), isMainFrame });
  if (granted) desktop.opened.push({ kind: 'external', target: url });
}
