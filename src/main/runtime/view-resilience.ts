/**
 * Keeps a vendor view alive: reloads it after a renderer crash or a long hang (with the backoff in
 * crash-backoff.ts), shows our error page when the top frame fails to load, and reports health to
 * the shell UI. An agent mid-shift should never have to find out that a softphone silently died.
 */
import type { HungPart } from './liveness';
import { CrashBackoff, UnresponsiveWatch, type HealthState } from './crash-backoff';
import { isNetworkError, networkRetryDelayMs } from './network-errors';

/** The part of Electron.WebContents this uses; a WebContents is assignable to it. */
export interface HealthWatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  on(event: 'responsive', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
  getURL(): string;
}

/** setTimeout/clearTimeout, injected so tests drive time; H is the platform's timer handle. */
export interface ViewTimers<H> {
  setTimeout(callback: () => void, ms: number): H;
  clearTimeout(handle: H): void;
}

/** code is Chromium's net error number for load failures, or what made us give up. */
export interface ViewError {
  code: number | 'render-process-gone' | 'unresponsive';
  description: string;
  url: string;
}

export interface ViewHealthLogEntry {
  event: 'render-process-gone' | 'unresponsive' | 'responsive' | 'did-fail-load' | 'reload' | 'stable' | 'give-up' | 'network-retry' | 'unload-anyway' | 'unload-refused';
  state: HealthState;
  detail: string;
}

/** What the rail shows: the backoff's state, or 'unresponsive' while a hang may still pass. */
export type ReportedHealth = HealthState | 'unresponsive';

export interface ViewHealthContext<H> {
  now(): number;
  timers: ViewTimers<H>;
  reload(): void;
  /**
   * End the hung renderer's process. A hung renderer cannot run the unload that a reload needs;
   * Electron's docs say to call forcefullyCrashRenderer() and then reload, which then happens in
   * a new process (electron/electron docs/api/web-contents.md, `contents.forcefullyCrashRenderer()`).
   */
  crashRenderer(): void;
  showError(error: ViewError): void;
  onState(state: ReportedHealth, detail: string): void;
  log(entry: ViewHealthLogEntry): void;
  backoff?: CrashBackoff;
  unresponsive?: UnresponsiveWatch;
}

export interface ViewHealthWatch {
  readonly state: HealthState;
  /** After 'failed': a person asked to try again. */
  retry(): void;
  /** The vendor page failed to load (framed mode reports its vendor frame here). */
  loadFailed(error: { code: number; description: string; url: string }): void;
  /** The machine woke or the network came back: a load waiting for the network is tried now. */
  networkChanged(): void;
  /**
   * The liveness check (liveness.ts) got no answer for silentMs: the page, or in framed mode the
   * vendor frame in it, is hung, seen or not. Either way the view's renderer is ended and the
   * view reloaded: ending the host page's process takes its cross-site vendor frame down with it
   * (Chromium drops the frame tree of a dead main frame, and with it the vendor frame's process,
   * which no other frame uses; test/app/hangs.spec.ts shows it on a real Chromium), whereas a
   * reload alone would wait on the hung frame's unload.
   */
  hung(silentMs: number, who?: HungPart): void;
  /** The view is being destroyed: cancel pending reloads. */
  dispose(): void;
}

/** net::ERR_ABORTED: a navigation we (or the page) cancelled, or one superseded by another. */
const ERR_ABORTED = -3;

type TimerName = 'reload' | 'stable' | 'hang' | 'network';

export function watchViewHealth<H>(contents: HealthWatchedContents, ctx: ViewHealthContext<H>): ViewHealthWatch {
  const backoff = ctx.backoff ?? new CrashBackoff();
  const hang = ctx.unresponsive ?? new UnresponsiveWatch();
  const timers = new Map<TimerName, H>();
  let disposed = false;
  let awaitingStable = false;
  /** Load attempts that failed for want of a network since the last good load. */
  let networkAttempts = 0;
  /** We ended the renderer ourselves: the 'render-process-gone' that follows is not a new crash. */
  let endedByUs = false;
  /** A load we started to recover is under way: nothing the old page says may stop it. */
  let recoveryLoad = false;
  /** Our error page is up: its own load says nothing about the vendor's health. */
  let errorShown = false;
  const reload = (): void => {
    recoveryLoad = true;
    errorShown = false;
    ctx.reload();
  };
  const showError = (error: ViewError): void => {
    errorShown = true;
    ctx.showError(error);
  };

  const schedule = (name: TimerName, ms: number, run: () => void): void => {
    cancel(name);
    const handle = ctx.timers.setTimeout(() => {
      timers.delete(name);
      if (!disposed) run();
    }, ms);
    timers.set(name, handle);
  };
  const cancel = (name: TimerName): void => {
    const handle = timers.get(name);
    if (handle === undefined) return;
    ctx.timers.clearTimeout(handle);
    timers.delete(name);
  };
  const log = (event: ViewHealthLogEntry['event'], detail: string): void => ctx.log({ event, state: backoff.state, detail });

  const failure = (cause: 'render-process-gone' | 'unresponsive', detail: string): void => {
    cancel('stable');
    cancel('hang');
    hang.onResponsive();
    awaitingStable = false;
    if (cause === 'unresponsive') {
      endedByUs = true;
      ctx.crashRenderer();
    }
    const verdict = backoff.onCrash(ctx.now());
    if (verdict.action === 'give-up') {
      cancel('reload');
      log('give-up', `${detail}; ${verdict.reason}`);
      ctx.onState('failed', verdict.reason);
      showError({ code: cause, description: verdict.reason, url: contents.getURL() });
      return;
    }
    const seconds = Math.round(verdict.delayMs / 100) / 10;
    log(cause, `${detail}; reloading in ${seconds} s`);
    ctx.onState('recovering', `${detail}; reloading in ${seconds} s`);
    schedule('reload', verdict.delayMs, () => {
      log('reload', 'reloading after failure');
      awaitingStable = true;
      reload();
    });
  };

  contents.on('render-process-gone', (_event, details) => {
    if (disposed || details.reason === 'clean-exit') return;
    if (endedByUs) {
      // docs/api/web-contents.md: forcefullyCrashRenderer() leads to 'render-process-gone' with
      // reason 'killed' or 'crashed'; the hang that made us do it was counted already.
      endedByUs = false;
      return log('render-process-gone', `hung renderer ended (${details.reason}); the reload follows`);
    }
    failure('render-process-gone', `renderer ${details.reason} (exit code ${details.exitCode})`);
  });

  contents.on('unresponsive', () => {
    if (disposed) return;
    hang.onUnresponsive(ctx.now());
    if (timers.has('hang')) return;
    log('unresponsive', `page not responding; reloading if it does not recover within ${hang.graceMs / 1000} s`);
    ctx.onState('unresponsive', `not responding; restarting it if it does not recover within ${hang.graceMs / 1000} s`);
    schedule('hang', hang.graceMs, () => {
      if (hang.due(ctx.now())) failure('unresponsive', `page not responding for ${hang.graceMs / 1000} s`);
    });
  });

  contents.on('responsive', () => {
    if (disposed || !hang.hung) return;
    hang.onResponsive();
    cancel('hang');
    log('responsive', 'page responding again');
    ctx.onState(backoff.state, 'responding again');
  });

  const networkRetry = (): void => {
    log('reload', `network retry ${networkAttempts}`);
    reload();
  };

  // A vendor page keeps a beforeunload handler while a call is active. Electron asks the app
  // ('will-prevent-unload'); unless it is prevented the load is cancelled (did-fail-load with
  // ERR_ABORTED, electron/electron shell/browser/api/electron_api_web_contents.cc
  // `RunBeforeUnloadDialog`), so a recovery would quietly leave the broken page in place.
  // Recovery loads go through; anything else keeps Electron's answer (the page stays), logged.
  contents.on('will-prevent-unload', (event) => {
    if (disposed) return;
    if (recoveryLoad) {
      event.preventDefault();
      log('unload-anyway', 'the page asked to stay (beforeunload); unloading it anyway to recover');
    } else log('unload-refused', 'the page asked to stay (beforeunload); it stays');
  });

  const loadFailed = (error: { code: number; description: string; url: string }): void => {
    const what = `${error.description} (${error.code})`;
    if (isNetworkError(error.code)) {
      // VPN not up yet at login, Wi-Fi joining: the page is fine, the network is not there.
      networkAttempts++;
      const delayMs = networkRetryDelayMs(networkAttempts);
      const detail = `network unreachable: ${what}; trying again in ${Math.round(delayMs / 1000)} s`;
      log('network-retry', detail);
      ctx.onState('recovering', detail);
      schedule('network', delayMs, networkRetry);
    } else ctx.onState('failed', what);
    showError({ code: error.code, description: error.description, url: error.url });
  };

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (disposed || errorCode === ERR_ABORTED) return;
    if (isMainFrame) recoveryLoad = false;
    const where = isMainFrame ? 'page' : 'sub frame';
    log('did-fail-load', `${where} failed to load: ${errorDescription} (${errorCode})`);
    // Sub frames include vendors' analytics and widgets; only the top frame decides what the
    // agent sees. Our own app: pages failing is a packaging bug, and the error page is one of
    // them, so showing it again would loop.
    if (!isMainFrame || !URL.canParse(validatedURL) || new URL(validatedURL).protocol === 'app:') return;
    loadFailed({ code: errorCode, description: errorDescription, url: validatedURL });
  });

  contents.on('did-finish-load', () => {
    if (disposed) return;
    recoveryLoad = false;
    // Before, the error page finishing its own load set the profile back to "ok": the rail
    // showed a softphone that could not load as healthy.
    if (errorShown) return;
    networkAttempts = 0;
    // The page is up and the agent can use it; the backoff keeps counting until it has stayed
    // up for stableMs, but that is ours to know, not the rail's.
    if (backoff.state !== 'failed') ctx.onState('ok', awaitingStable ? 'reloaded' : 'loaded');
    if (!awaitingStable) return;
    awaitingStable = false;
    schedule('stable', backoff.stableMs, () => {
      backoff.onStable(ctx.now());
      log('stable', `up for ${backoff.stableMs / 1000} s after reload`);
      ctx.onState(backoff.state, 'recovered');
    });
  });

  return {
    get state() {
      return backoff.state;
    },
    loadFailed(error) {
      if (!disposed) loadFailed(error);
    },
    networkChanged() {
      if (disposed || !timers.has('network')) return;
      cancel('network');
      networkRetry();
    },
    hung(silentMs, who = 'page') {
      if (disposed || timers.has('reload')) return;
      failure('unresponsive', `${who} not answering for ${Math.round(silentMs / 1000)} s${hang.hung ? '' : ' (not on screen, so Electron did not report it)'}`);
    },
    retry() {
      if (disposed) return;
      networkAttempts = 0;
      for (const name of [...timers.keys()]) cancel(name);
      hang.onResponsive();
      awaitingStable = false;
      backoff.reset();
      log('reload', 'reload requested');
      ctx.onState(backoff.state, 'reloading on request');
      reload();
    },
    dispose() {
      disposed = true;
      for (const name of [...timers.keys()]) cancel(name);
    },
  };
}
