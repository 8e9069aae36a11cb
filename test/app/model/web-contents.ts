/**
 * webContents, each one a real Chromium page (a target in its session's browser context).
 *
 * Electron semantics reproduced here, with where they come from:
 * - `web-contents-created` is emitted on `app` synchronously inside the constructor
 *   (lib/browser/api/web-contents.ts:848, in WebContents.prototype._init, called from
 *   WebContents::New in shell/browser/api/electron_api_web_contents.cc:5108), so a listener added
 *   after `new WebContentsView()` never sees that view.
 * - Navigation events come from the navigation throttle (navigation-throttle.ts); navigations to
 *   schemes no loader serves (tel:, mailto:) from external-protocol.ts.
 * - did-fail-load is emitted for failed loads except ERR_ABORTED, did-finish-load when the main
 *   frame's load event fires, even for an error page (WebContents::DidFinishNavigation and
 *   DidFinishLoad in electron_api_web_contents.cc:2479 and :2267).
 * - loadURL's promise settles as _awaitNextLoad in lib/browser/api/web-contents.ts:278 does.
 * - a page's beforeunload asking to stay emits 'will-prevent-unload'; unless a listener prevents it
 *   the unload is cancelled, and a loadURL that started it fails with ERR_ABORTED
 *   (shell/browser/api/electron_api_web_contents.cc `WebContents::RunBeforeUnloadDialog`, and
 *   `LoadURL`, which remembers the URL when the page needs to fire beforeunload). Chromium asks
 *   only for a page the user interacted with (sticky activation): that part is Chromium's own.
 * - `unresponsive` only when the view is visible (lib/browser/api/web-contents.ts:840: `event.visible &&
 *   event.rendererInitialized`), see hang-watch.ts.
 */
import { app } from './app';
import { browser, type FrameInfo, type PageHost, type PausedRequest } from './browser';
import { emitPreventable, emitSafely, modelEvent, ModelEmitter } from './events';
import { handleExternalProtocolNavigation, isExternalProtocol } from './external-protocol';
import { HangWatch } from './hang-watch';
import { handleNavigationRequest, type ThrottleHost } from './navigation-throttle';
import { modelPlatform } from './platform';
import { RendererHost } from './renderer-host';
import { toMain, toPage } from './scheme';
import { fromPartition, type Session } from './session';
import { recordGap, strict } from './strict';
import { evaluateIn, SubframeTree } from './subframes';
import { webFrameMain, type WebFrameMain } from './web-frame';

export type WebContentsType = 'browserView' | 'window';
type WindowOpenHandler = (details: Record<string, unknown>) => unknown;

let nextId = 1;
const everyContents = new Map<number, WebContents>();
const createdHooks: Array<(contents: WebContents) => void> = [];

/** Model-internal: other model parts follow every webContents from its creation (popups.ts). */
export function contentsCreated(hook: (contents: WebContents) => void): void {
  createdHooks.push(hook);
}

export interface WebContentsInit {
  webPreferences: Record<string, unknown>;
  type: WebContentsType;
  /** A page Chromium already created (a popup): adopt it instead of creating one. */
  adopt?: { targetId: string; sessionId: string; firstUrl: string };
}

export class WebContents extends ModelEmitter implements PageHost, ThrottleHost {
  readonly id = nextId++;
  readonly session: Session;
  readonly _preferences: Record<string, unknown>;
  readonly _type: WebContentsType;
  _windowOpenHandler: WindowOpenHandler | null = null;
  _zoomLevel = 0;
  _devToolsOpened = false;
  _self: WebContents = this;
  private targetId: string | null = null;
  private readonly ready: Promise<void>;
  private pageUrl = '';
  private destroyed = false;
  /** electron_api_web_contents.cc `pending_unload_url_`: set by loadURL, cleared when a beforeunload cancels it. */
  private pendingUnloadUrl: string | null = null;
  private crashed = false;
  /** Chromium's own initial about:blank is not a load of Electron's: nothing is reported until the first navigation. */
  private navigated = false;
  /** Each frame's committed document, so lifecycle events of a document already replaced are not taken for the new one's. */
  private readonly loaders = new Map<string, string>();
  private readonly renderer: RendererHost | null;
  private readonly browserInitiated: string[] = [];
  private viewport = { width: 800, height: 600 };
  private frame: WebFrameMain;
  private readonly subframes: SubframeTree;
  private generation = 0;
  private readonly hang: HangWatch;

  constructor(init: WebContentsInit) {
    super();
    const self = strict(this, 'WebContents');
    this._self = self;
    this._preferences = { ...init.webPreferences };
    this._type = init.type;
    const partition = typeof init.webPreferences.partition === 'string' ? init.webPreferences.partition : '';
    this.session = fromPartition(partition);
    this.subframes = new SubframeTree({
      mainFrameId: () => this.targetId,
      mainFrame: () => this.frame,
      ownSession: () => (this.targetId ? browser.pageSession(this.targetId) : undefined),
      frameNavigated: (url) => emitSafely(this, 'did-frame-navigate', modelEvent(), toMain(url), 200, 'OK', false, -1, -1),
    });
    this.frame = this.newMainFrame();
    const preload = init.webPreferences.preload;
    this.renderer = typeof preload === 'string' && preload ? new RendererHost({ id: this.id, mainFrame: () => this.frame, self: this._self }, () => this.targetId ?? '', preload, modelPlatform()) : null;
    this.hang = new HangWatch(this);
    everyContents.set(this.id, this);
    this.ready = init.adopt ? this.adopt(init.adopt) : this.create();
    this.ready.catch((err: unknown) => process.emitWarning(`electron model: webContents ${this.id} could not start: ${String(err)}`));
    for (const hook of createdHooks) hook(self);
    emitSafely(app, 'web-contents-created', modelEvent({ sender: self }), self);
    return self;
  }

  // ---- the API the app uses -------------------------------------------------------------

  loadURL(url: string, options?: Record<string, unknown>): Promise<void> {
    if (options && Object.keys(options).length > 0) throw recordGap('webContents.loadURL options');
    const settled = awaitNextLoad(this, url);
    settled.catch(() => undefined);
    this.pendingUnloadUrl = url;
    void this.ready.then(async () => {
      const pageUrl = toPage(url);
      this.browserInitiated.push(pageUrl);
      this.navigated = true;
      // Failures are reported from the request itself (navigation-throttle.ts), as Electron reports
      // them from the navigation, not from the call that started it.
      await browser.cdp.sendMayFail('Page.navigate', { url: pageUrl }, this.sessionId());
    });
    return settled;
  }

  reload(): void {
    void this.ready.then(() => {
      this.browserInitiated.push(this.pageUrl);
      return browser.cdp.sendMayFail('Page.reload', { ignoreCache: false }, this.sessionId());
    });
  }

  getURL(): string {
    return toMain(this.pageUrl);
  }

  getType(): WebContentsType {
    return this._type;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.renderer?.deliver(String(channel), structuredClone(args));
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this._windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isCrashed(): boolean {
    return this.crashed;
  }

  get mainFrame(): WebFrameMain {
    return this.frame;
  }

  forcefullyCrashRenderer(): void {
    void this.ready.then(() => browser.cdp.sendMayFail('Page.crash', {}, this.sessionId()));
  }

  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.hang.stop();
    everyContents.delete(this.id);
    void this.ready.then(async () => {
      if (this.targetId) {
        browser.unregister(this.targetId);
        if (browser.running) await browser.cdp.sendMayFail('Target.closeTarget', { targetId: this.targetId });
      }
    });
    emitSafely(this, 'destroyed');
  }

  // ---- model-internal --------------------------------------------------------------------

  async _whenReady(): Promise<string> {
    await this.ready;
    return this.targetId!;
  }

  _setViewport(width: number, height: number): void {
    this.viewport = { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
    void this.ready.then(() => this.applyViewport());
  }

  _setVisible(visible: boolean): void {
    this.hang.setVisible(visible);
  }

  /** Menu roles on the focused webContents (menu-roles.ts). */
  _edit(command: string): void {
    void this.ready.then(() => browser.cdp.sendMayFail('Runtime.evaluate', { expression: `document.execCommand(${JSON.stringify(command)})` }, this.sessionId()));
  }

  _toggleDevTools(): void {
    this._devToolsOpened = !this._devToolsOpened;
  }

  _zoom(step: number | 'reset'): void {
    this._zoomLevel = step === 'reset' ? 0 : this._zoomLevel + step;
  }

  /** A key the agent pressed reaches the page (after before-input-event and menu accelerators). */
  async _dispatchKey(input: { key: string; code: string; shift: boolean; control: boolean; alt: boolean; meta: boolean }): Promise<void> {
    await this.ready;
    const modifiers = (input.alt ? 1 : 0) | (input.control ? 2 : 0) | (input.meta ? 4 : 0) | (input.shift ? 8 : 0);
    const text = input.key.length === 1 && !input.control && !input.meta ? input.key : undefined;
    for (const type of ['keyDown', 'keyUp'] as const) {
      await browser.cdp.send('Input.dispatchKeyEvent', { type: type === 'keyDown' && text ? 'keyDown' : type === 'keyDown' ? 'rawKeyDown' : 'keyUp', key: input.key, code: input.code, modifiers, ...(type === 'keyDown' && text ? { text } : {}) }, this.sessionId());
    }
  }

  _targetIdNow(): string | null {
    return this.targetId;
  }

  _pageUrl(): string {
    return this.pageUrl;
  }

  sessionId(): string {
    const id = this.targetId ? browser.pageSession(this.targetId) : undefined;
    if (!id) throw new Error(`electron model: webContents ${this.id} has no page session`);
    return id;
  }

  _takeBrowserInitiated(pageUrl: string): boolean {
    const i = this.browserInitiated.indexOf(pageUrl);
    if (i < 0) return false;
    this.browserInitiated.splice(i, 1);
    return true;
  }

  emitFailure(code: number, name: string, url: string, isMainFrame: boolean): void {
    emitSafely(this, 'did-fail-load', modelEvent(), code, name, url, isMainFrame, -1, -1);
  }

  // ---- PageHost: Chromium traffic ----------------------------------------------------------

  async attached(sessionId: string): Promise<void> {
    const { cdp } = browser;
    const own = this.targetId !== null && browser.pageSession(this.targetId) === sessionId;
    await cdp.sendMayFail('Page.enable', {}, sessionId);
    await cdp.sendMayFail('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
    if (!own) return; // an out-of-process frame: its frames and requests are all the model needs
    await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true }, sessionId);
    await cdp.send('Runtime.enable', {}, sessionId);
    await cdp.send('Inspector.enable', {}, sessionId);
    await this.applyViewport();
    await this.renderer?.install(sessionId);
  }

  event(method: string, params: Record<string, unknown>, sessionId: string): void {
    const own = this.targetId !== null && browser.pageSession(this.targetId) === sessionId;
    if (method === 'Page.windowOpen') return void this.emit('-window-open', params);
    if (method === 'Page.frameRequestedNavigation' && isExternalProtocol(String(params.url))) {
      return void handleExternalProtocolNavigation(this, String(params.url), params.frameId === this.targetId).catch((err: unknown) => process.emitWarning(`electron model: external protocol navigation failed: ${String(err)}`));
    }
    if (method === 'Page.javascriptDialogOpening' && params.type === 'beforeunload') return this.beforeUnload(sessionId);
    if (this.navigated) this.subframes.event(method, params, sessionId);
    if (!own) return;
    if (!this.navigated && method.startsWith('Page.')) return;
    this.renderer?.event(method, params);
    this.hang.event(method, params);
    switch (method) {
      case 'Page.frameNavigated': {
        const frame = params.frame as { id: string; parentId?: string; loaderId: string; url: string; urlFragment?: string; unreachableUrl?: string };
        const isMainFrame = !frame.parentId;
        this.loaders.set(frame.id, frame.loaderId);
        if (isMainFrame) {
          this.pageUrl = frame.unreachableUrl ?? `${frame.url}${frame.urlFragment ?? ''}`;
          this.crashed = false;
          this.frame = this.newMainFrame();
        }
        if (frame.unreachableUrl) return; // an error page: Electron emits did-fail-load, not did-navigate
        emitSafely(this, 'did-frame-navigate', modelEvent(), toMain(frame.url), 200, 'OK', isMainFrame, -1, -1);
        if (isMainFrame) emitSafely(this, 'did-navigate', modelEvent(), toMain(frame.url), 200, 'OK');
        return;
      }
      case 'Page.navigatedWithinDocument': {
        const isMainFrame = params.frameId === this.targetId;
        if (isMainFrame) this.pageUrl = String(params.url);
        const details = { url: toMain(String(params.url)), isSameDocument: true, isMainFrame, processId: -1, routingId: -1, frame: null, initiator: null };
        emitSafely(this, 'did-start-navigation', modelEvent(details, 'NavigationEvent'), details.url, true, isMainFrame, -1, -1);
        emitSafely(this, 'did-navigate-in-page', modelEvent(), toMain(String(params.url)), isMainFrame, -1, -1);
        return;
      }
      case 'Page.lifecycleEvent': {
        const isMainFrame = params.frameId === this.targetId;
        if (this.loaders.get(String(params.frameId)) !== params.loaderId) return;
        if (params.name === 'DOMContentLoaded' && isMainFrame) emitSafely(this, 'dom-ready', modelEvent());
        if (params.name !== 'load') return;
        emitSafely(this, 'did-frame-finish-load', modelEvent(), isMainFrame, -1, -1);
        if (isMainFrame) emitSafely(this, 'did-finish-load', modelEvent());
        return;
      }
      case 'Page.frameStoppedLoading':
        if (this.targetId !== null && params.frameId === this.targetId && this.loaders.has(this.targetId)) emitSafely(this, 'did-stop-loading', modelEvent());
        return;
      case 'Inspector.targetCrashed':
        this.crashed = true;
        emitSafely(this, 'render-process-gone', modelEvent(), strict({ reason: 'crashed', exitCode: 0 }, 'RenderProcessGoneDetails'));
        return;
    }
  }

  /** WebContents::RunBeforeUnloadDialog: the app decides, nothing is shown to the agent. */
  private beforeUnload(sessionId: string): void {
    const prevented = emitPreventable(this, 'will-prevent-unload', modelEvent());
    if (this.pendingUnloadUrl !== null && !prevented) {
      emitSafely(this, 'did-fail-load', modelEvent(), -3, 'ERR_ABORTED', this.pendingUnloadUrl, true);
      this.pendingUnloadUrl = null;
    }
    void browser.cdp.sendMayFail('Page.handleJavaScriptDialog', { accept: prevented }, sessionId);
  }

  request(paused: PausedRequest, frame: FrameInfo): Promise<void> {
    return handleNavigationRequest(this, paused, frame);
  }

  // ---- internals --------------------------------------------------------------------------

  private async create(): Promise<void> {
    const browserContextId = await this.session._browserContext();
    browser.expectTarget();
    try {
      // Each page in a window of its own: headless Chromium stops drawing tabs that share a window
      // with a newer one, and an Electron view keeps rendering whichever view is in front.
      const { targetId } = await browser.cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId, newWindow: true, background: true });
      this.targetId = targetId;
      browser.register(targetId, this);
    } finally {
      browser.targetExpected();
    }
  }

  /** A popup: the browser attaches it (browser.ts) once this object is registered for it. */
  private async adopt(existing: { targetId: string; sessionId: string; firstUrl: string }): Promise<void> {
    this.targetId = existing.targetId;
    this.browserInitiated.push(existing.firstUrl);
    this.navigated = true;
  }

  private async applyViewport(): Promise<void> {
    if (!this.targetId) return;
    const sessionId = browser.pageSession(this.targetId);
    if (!sessionId) return;
    await browser.cdp.sendMayFail('Emulation.setDeviceMetricsOverride', { ...this.viewport, deviceScaleFactor: 1, mobile: false }, sessionId);
  }

  /** One WebFrameMain per main-frame document; the previous one reports detached once the next commits. */
  private newMainFrame(): WebFrameMain {
    const generation = ++this.generation;
    const url = this.pageUrl;
    const gone = () => generation !== this.generation || this.destroyed;
    return webFrameMain({
      url: () => (gone() ? url : this.pageUrl),
      parent: null,
      detached: gone,
      children: () => (gone() || this.crashed ? [] : this.subframes.childrenOf(this.targetId)),
      evaluate: (code, userGesture) => evaluateIn(this.sessionId(), code, userGesture),
    });
  }
}

/** lib/browser/api/web-contents.ts:278 `_awaitNextLoad`, re-expressed: how loadURL's promise settles. */
function awaitNextLoad(contents: WebContents, navigationUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let error: { code: number; name: string; url: string } | undefined;
    let started = false;
    const fail = (e: { code: number; name: string; url: string }) => {
      cleanup();
      reject(Object.assign(new Error(`${e.name} (${e.code}) loading '${e.url.slice(0, 2048)}'`), { errno: e.code, code: e.name, url: e.url }));
    };
    const finish = () => {
      if (error) return fail(error);
      cleanup();
      resolve();
    };
    const onStart = (_e: unknown, url: string, isSameDocument: boolean, isMainFrame: boolean) => {
      if (!isMainFrame) return;
      if (started && !isSameDocument) return fail({ code: -3, name: 'ERR_ABORTED', url });
      started = true;
    };
    const onFail = (_e: unknown, code: number, name: string, url: string, isMainFrame: boolean) => {
      if (!error && isMainFrame) error = { code, name, url };
      if (!started && isMainFrame) finish();
    };
    const onStop = () => {
      error ??= { code: -2, name: 'ERR_FAILED', url: navigationUrl };
      finish();
    };
    const cleanup = () => {
      contents.removeListener('did-finish-load', finish);
      contents.removeListener('did-fail-load', onFail);
      contents.removeListener('did-start-navigation', onStart);
      contents.removeListener('did-stop-loading', onStop);
      contents.removeListener('destroyed', onStop);
    };
    contents.on('did-finish-load', finish);
    contents.on('did-fail-load', onFail);
    contents.on('did-start-navigation', onStart);
    contents.on('did-stop-loading', onStop);
    contents.on('destroyed', onStop);
  });
}

export function allWebContents(): WebContents[] {
  return [...everyContents.values()];
}

export const webContents = strict(
  {
    getAllWebContents: () => allWebContents().map((c) => c._self),
    fromId: (id: number) => everyContents.get(id)?._self,
  },
  'webContents',
);
