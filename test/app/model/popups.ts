/**
 * window.open and target=_blank, as lib/browser/api/web-contents.ts handles them
 * ('-will-add-new-contents' → _callWindowOpenHandler → '-add-new-contents'): the opener's
 * setWindowOpenHandler is asked with {url, frameName, features, disposition, referrer,
 * postBody}; anything but {action: 'allow'} denies (a non-object answer is also logged as an
 * error); with no handler the popup is allowed. An allowed popup becomes a BrowserWindow whose
 * webContents is created in the opener's session, gets the opener's security preferences with the
 * handler's overrideBrowserWindowOptions.webPreferences on top, is announced by
 * 'web-contents-created', and the opener emits 'did-create-window'.
 *
 * Not reproduced: on a deny Electron never creates the page and window.open returns null; in
 * Chromium the popup target exists for a moment, so the model closes it before it runs any
 * script or loads anything.
 */
import { browser, type PageHost, type TargetInfo } from './browser';
import { emitSafely } from './events';
import { toMain } from './scheme';
import { recordGap } from './strict';
import { allWebContents, contentsCreated, WebContents } from './web-contents';
import { BrowserWindow } from './window';
import { realClock } from './time-scale';

interface Opened {
  pageUrl: string;
  details: Record<string, unknown>;
  allow: boolean;
  overrides: Record<string, unknown> | null;
}

const queues = new Map<number, Opened[]>();
const waiters = new Map<number, Array<() => void>>();
const INHERITED = ['sandbox', 'contextIsolation', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'webSecurity', 'webviewTag', 'partition', 'javascript'];

function callWindowOpenHandler(opener: WebContents, details: Record<string, unknown>): { allow: boolean; overrides: Record<string, unknown> | null } {
  const handler = opener._windowOpenHandler;
  if (!handler) return { allow: true, overrides: null };
  const response = handler(details) as { action?: string; overrideBrowserWindowOptions?: unknown } | null;
  if (typeof response !== 'object' || response === null) {
    process.stderr.write(`The window open handler response must be an object, but was instead of type '${response === null ? 'null' : typeof response}'.\n`);
    return { allow: false, overrides: null };
  }
  if (response.action === 'deny') return { allow: false, overrides: null };
  if (response.action !== 'allow') {
    process.stderr.write("The window open handler response must be an object with an 'action' property of 'allow' or 'deny'.\n");
    return { allow: false, overrides: null };
  }
  const overrides = typeof response.overrideBrowserWindowOptions === 'object' ? (response.overrideBrowserWindowOptions as Record<string, unknown>) : null;
  return { allow: true, overrides };
}

contentsCreated((contents) => {
  contents.on('-window-open', (params: { url: string; windowName: string; windowFeatures: string[] }) => {
    const features = params.windowFeatures ?? [];
    const details = {
      url: toMain(params.url),
      frameName: params.windowName ?? '',
      features: features.join(','),
      disposition: features.length > 0 ? 'new-window' : 'foreground-tab',
      referrer: { url: contents.getURL(), policy: 'strict-origin-when-cross-origin' },
      postBody: undefined,
    };
    let decision: { allow: boolean; overrides: Record<string, unknown> | null };
    try {
      decision = callWindowOpenHandler(contents, details);
    } catch (err) {
      process.stderr.write(`electron model: the window open handler threw: ${String(err)}\n`);
      decision = { allow: false, overrides: null };
    }
    queues.set(contents.id, [...(queues.get(contents.id) ?? []), { pageUrl: params.url, details, ...decision }]);
    for (const wake of waiters.get(contents.id) ?? []) wake();
    waiters.delete(contents.id);
  });
});

async function next(opener: WebContents): Promise<Opened | undefined> {
  const queued = queues.get(opener.id);
  if (queued?.length) return queued.shift();
  await new Promise<void>((resolve) => {
    const timer = realClock.setTimeout(resolve, 3_000);
    waiters.set(opener.id, [...(waiters.get(opener.id) ?? []), () => (clearTimeout(timer), resolve())]);
  });
  return queues.get(opener.id)?.shift();
}

browser.onPopup(async (target: TargetInfo & { openerFrameId?: string }, sessionId: string): Promise<PageHost | null> => {
  const openerPage = browser.frame(target.openerFrameId ?? target.openerId ?? '')?.page ?? target.openerId;
  const opener = allWebContents().find((c) => c._targetIdNow() === openerPage);
  const opened = opener ? await next(opener) : undefined;
  if (!opener || !opened || !opened.allow) {
    await browser.cdp.sendMayFail('Target.closeTarget', { targetId: target.targetId });
    return null;
  }
  const overrides = opened.overrides ?? {};
  const overridePrefs = (overrides.webPreferences as Record<string, unknown> | undefined) ?? {};
  const inherited = Object.fromEntries(INHERITED.filter((k) => k in opener._preferences).map((k) => [k, opener._preferences[k]]));
  const webPreferences = { ...inherited, ...overridePrefs };
  if ((webPreferences.partition ?? '') !== (opener._preferences.partition ?? '')) throw recordGap('a window.open popup in another partition than its opener');
  const contents = new WebContents({ webPreferences, type: 'window', adopt: { targetId: target.targetId, sessionId, firstUrl: opened.pageUrl } });
  const { webPreferences: _prefs, ...windowOptions } = overrides;
  const win = new BrowserWindow({ ...windowOptions, _webContents: contents });
  emitSafely(opener, 'did-create-window', win, { ...opened.details, options: overrides });
  return contents;
});
