/**
 * The one Chromium behind the model, and what routes its traffic to the right model object:
 * which page (webContents) and which browser context (session) every frame and request belongs
 * to. Requests are intercepted browser-wide (Fetch on the browser target), so every frame is
 * covered, out-of-process iframes and popups included, and a redirect is seen hop by hop, the
 * way Electron's navigation throttle sees it (shell/browser/electron_navigation_throttle.cc:27-85).
 */
import { startChromium, type RunningChromium } from './chromium';
import type { Cdp } from './cdp';
import { realClock } from './time-scale';

export interface PausedRequest {
  requestId: string;
  request: { url: string; method: string; headers: Record<string, string>; postData?: string; hasPostData?: boolean };
  frameId?: string;
  resourceType: string;
  responseStatusCode?: number;
  responseStatusText?: string;
  responseHeaders?: Array<{ name: string; value: string }>;
  responseErrorReason?: string;
  redirectedRequestId?: string;
  networkId?: string;
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  openerId?: string;
  canAccessOpener?: boolean;
  browserContextId?: string;
}

/** What a model webContents does with the traffic of its frames. */
export interface PageHost {
  /** Its first attach (waiting for the debugger): set up domains, then it is resumed. */
  attached(sessionId: string): Promise<void>;
  /** A CDP event from its own target or one of its out-of-process frames. */
  event(method: string, params: Record<string, unknown>, sessionId: string): void;
  /** A request from one of its frames (main or sub), paused at the request or response stage. */
  request(paused: PausedRequest, frame: FrameInfo): Promise<void>;
}

export interface FrameInfo {
  frameId: string;
  /** The page target (= its main frame's id). */
  page: string;
  parent: string | null;
}

/** Decides about a popup target before the model knows its webContents (see web-contents.ts). */
export type PopupListener = (target: TargetInfo, sessionId: string) => Promise<PageHost | null>;

const FRAME_WAIT_MS = 5_000;

export class ModelBrowser {
  private chromium: RunningChromium | null = null;
  private starting: Promise<RunningChromium> | null = null;
  private readonly hosts = new Map<string, PageHost>();
  private readonly waitingHosts = new Map<string, Array<() => void>>();
  private readonly frames = new Map<string, FrameInfo>();
  private readonly sessionPage = new Map<string, string>();
  private readonly pageSessions = new Map<string, string>();
  private popupListener: PopupListener | null = null;
  private expecting = 0;

  get cdp(): Cdp {
    if (!this.chromium) throw new Error('electron model: Chromium is not running (before app ready, or after quit)');
    return this.chromium.cdp;
  }

  get wsEndpoint(): string {
    return this.chromium?.wsEndpoint ?? '';
  }

  get running(): boolean {
    return this.chromium !== null;
  }

  async start(): Promise<void> {
    this.starting = startChromium();
    this.chromium = await this.starting;
    const { cdp } = this;
    cdp.on('Target.attachedToTarget', (p: { sessionId: string; targetInfo: TargetInfo; waitingForDebugger: boolean }, parent) => void this.attached(p.sessionId, p.targetInfo, parent));
    cdp.on('Target.detachedFromTarget', (p: { sessionId: string }) => this.sessionPage.delete(p.sessionId));
    cdp.on('Page.frameAttached', (p: { frameId: string; parentFrameId: string }, sessionId) => {
      const page = sessionId ? this.sessionPage.get(sessionId) : undefined;
      if (page) this.addFrame({ frameId: p.frameId, page, parent: p.parentFrameId });
    });
    cdp.on('Page.frameDetached', (p: { frameId: string; reason?: string }) => {
      if (p.reason !== 'swap') this.frames.delete(p.frameId);
    });
    cdp.on('Fetch.requestPaused', (p: PausedRequest) => void this.paused(p));
    // Everything else goes to the page that owns the session it came from.
    for (const method of FORWARDED) {
      cdp.on(method, (params: Record<string, unknown>, sessionId) => {
        const page = sessionId ? this.sessionPage.get(sessionId) : undefined;
        const host = page ? this.hosts.get(page) : undefined;
        if (host && sessionId) host.event(method, params, sessionId);
      });
    }
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    await cdp.send('Fetch.enable', {
      patterns: [
        { urlPattern: 'https://*.localhost/*', requestStage: 'Request' },
        { urlPattern: '*', resourceType: 'Document', requestStage: 'Request' },
        { urlPattern: '*', resourceType: 'Document', requestStage: 'Response' },
      ],
    });
  }

  /** Routes one page target's traffic to `host` (the target was created by the model). */
  register(targetId: string, host: PageHost): void {
    this.hosts.set(targetId, host);
    this.addFrame({ frameId: targetId, page: targetId, parent: null });
    for (const wake of this.waitingHosts.get(targetId) ?? []) wake();
    this.waitingHosts.delete(targetId);
  }

  unregister(targetId: string): void {
    this.hosts.delete(targetId);
    this.pageSessions.delete(targetId);
    for (const [id, frame] of this.frames) if (frame.page === targetId) this.frames.delete(id);
  }

  /** The model is creating a page target: its attach may arrive before createTarget answers. */
  expectTarget(): void {
    this.expecting++;
  }

  targetExpected(): void {
    this.expecting--;
  }

  onPopup(listener: PopupListener): void {
    this.popupListener = listener;
  }

  frame(frameId: string): FrameInfo | undefined {
    return this.frames.get(frameId);
  }

  /** The session id of a page's own target (not its out-of-process frames). */
  pageSession(targetId: string): string | undefined {
    return this.pageSessions.get(targetId);
  }

  /** Ends Chromium, also one still starting (a second instance quits before it is up). */
  async stop(): Promise<void> {
    const running = this.chromium ?? (await this.starting?.catch(() => null)) ?? null;
    running?.kill();
    this.chromium = null;
  }

  private addFrame(frame: FrameInfo): void {
    this.frames.set(frame.frameId, frame);
  }

  private async attached(sessionId: string, info: TargetInfo, parentSession: string | undefined): Promise<void> {
    const { cdp } = this;
    if (info.type === 'iframe') {
      // An out-of-process frame: its traffic belongs to the page that holds it.
      const frame = this.frames.get(info.targetId);
      const page = frame?.page ?? (parentSession ? this.sessionPage.get(parentSession) : undefined);
      if (page) {
        this.sessionPage.set(sessionId, page);
        if (!frame) this.addFrame({ frameId: info.targetId, page, parent: null });
        await this.hosts.get(page)?.attached(sessionId);
      }
      await cdp.sendMayFail('Runtime.runIfWaitingForDebugger', {}, sessionId);
      return;
    }
    if (info.type !== 'page') {
      await cdp.sendMayFail('Runtime.runIfWaitingForDebugger', {}, sessionId);
      return;
    }
    let host = this.hosts.get(info.targetId);
    if (!host && !info.openerId && this.expecting > 0) {
      await this.waitForFrame(info.targetId);
      host = this.hosts.get(info.targetId);
    }
    if (!host && info.openerId && this.popupListener) {
      this.sessionPage.set(sessionId, info.targetId);
      this.pageSessions.set(info.targetId, sessionId);
      host = (await this.popupListener(info, sessionId)) ?? undefined;
      if (!host) return; // denied: the listener closed the target
      this.register(info.targetId, host);
    }
    if (!host) {
      // Chromium's own first tab, or a target the model did not create: let it run untouched.
      await cdp.sendMayFail('Runtime.runIfWaitingForDebugger', {}, sessionId);
      return;
    }
    this.sessionPage.set(sessionId, info.targetId);
    this.pageSessions.set(info.targetId, sessionId);
    await host.attached(sessionId);
    await cdp.sendMayFail('Runtime.runIfWaitingForDebugger', {}, sessionId);
  }

  private async paused(p: PausedRequest): Promise<void> {
    const { cdp } = this;
    let frame = p.frameId ? this.frames.get(p.frameId) : undefined;
    if (!frame && p.frameId) frame = await this.waitForFrame(p.frameId);
    const host = frame ? this.hosts.get(frame.page) : undefined;
    if (!frame || !host) {
      // Not a frame of any model view (Chromium's own tab, a worker): pass it through untouched.
      const stage = p.responseStatusCode !== undefined || p.responseErrorReason !== undefined;
      await cdp.sendMayFail(stage ? 'Fetch.continueResponse' : 'Fetch.continueRequest', { requestId: p.requestId });
      return;
    }
    try {
      await host.request(p, frame);
    } catch (err) {
      process.emitWarning(`electron model: handling ${p.request.url} failed: ${(err as Error).stack ?? String(err)}`);
      await cdp.sendMayFail('Fetch.failRequest', { requestId: p.requestId, errorReason: 'Failed' });
    }
  }

  /** A popup's first request can arrive before its target is registered: wait for it briefly. */
  private waitForFrame(frameId: string): Promise<FrameInfo | undefined> {
    return new Promise((resolve) => {
      const timer = realClock.setTimeout(() => resolve(this.frames.get(frameId)), FRAME_WAIT_MS);
      const wake = () => {
        clearTimeout(timer);
        resolve(this.frames.get(frameId));
      };
      this.waitingHosts.set(frameId, [...(this.waitingHosts.get(frameId) ?? []), wake]);
    });
  }
}

/** CDP events a page host listens to. */
const FORWARDED = [
  'Page.frameAttached',
  'Page.frameDetached',
  'Page.frameNavigated',
  'Page.navigatedWithinDocument',
  'Page.lifecycleEvent',
  'Page.frameStoppedLoading',
  'Page.frameStartedLoading',
  'Page.windowOpen',
  'Page.frameRequestedNavigation',
  'Page.javascriptDialogOpening',
  'Runtime.executionContextCreated',
  'Runtime.executionContextDestroyed',
  'Runtime.executionContextsCleared',
  'Runtime.bindingCalled',
  'Runtime.exceptionThrown',
  'Runtime.consoleAPICalled',
  'Debugger.paused',
  'Inspector.targetCrashed',
  'Target.targetCrashed',
] as const;

export const browser = new ModelBrowser();
