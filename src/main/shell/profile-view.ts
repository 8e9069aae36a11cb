/**
 * One profile's WebContentsView: its own persistent partition, hardened preferences, permission
 * handlers and our app:// pages on its session (both in place before the view exists), health
 * watching, and command delivery.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebContentsView, systemPreferences, type Session, type WebContents } from 'electron';
import { errorPageUrl, hostPageUrl } from '../../shared/app-urls';
import type { CommandResult } from '../../shared/contract/outbound';
import type { Profile } from '../../shared/contract/profile';
import { vendorUrl } from '../../shared/core/profile-defaults';
import { CHANNELS } from '../../shared/ipc/channels';
import type { VendorCommand } from '../../shared/ipc/capture-protocol';
import { handleAppProtocol, PROFILE_SESSION_HOSTS } from '../app-protocol/register';
import { isHostPageUrl } from '../security/navigation-policy';
import type { ResolveContext } from '../app-protocol/resolve-request';
import { diag } from '../diagnostics';
import { watchLiveness, type LivenessWatch } from '../runtime/liveness';
import { NODE_TIMEOUTS } from '../runtime/node-timers';
import { watchViewHealth, type ViewHealthWatch } from '../runtime/view-resilience';
import { installPermissionHandlers, type PermissionLogEntry } from '../security/permission-handlers';
import { vendorViewPreferences } from '../security/web-preferences';
import type { ShellState } from './shell-state';
import type { LoadFailure, ViewEntry } from './view-registry';

/**
 * The liveness watch times another process's answer, so it reads a monotonic clock, as
 * Chromium's own hang monitor does (base::TimeTicks), not the wall clock: a wall clock stepped
 * back (NTP at boot, a VM's time sync, the agent fixing the time) would hide a hung softphone
 * until the clock caught up, and one stepped forward by 15–20 s would call a healthy one hung.
 * process.hrtime is also what the app tier's time scale leaves at Chromium's pace
 * (test/app/model/time-scale.ts): under a compressed shift main's other clocks run N× as fast,
 * but a renderer cannot answer N× as fast, so the grace stays 15 real seconds there too.
 */
const monotonicNow = (): number => Number(process.hrtime.bigint() / 1_000_000n);

/**
 * Framed mode's second liveness question: the host page's child frame is the vendor's iframe,
 * cross-site to the host page and so, once the vendor page has committed, in a process of its own. The
 * question is a constant that reads nothing and changes nothing; Electron runs it in the frame's
 * main world (electron/electron docs/api/web-frame-main.md, `frame.executeJavaScript`), and it
 * is answered only when that frame's renderer is free to run it.
 */
function askVendorFrame(contents: WebContents): Promise<unknown> | null {
  if (contents.isDestroyed()) return null;
  const host = contents.mainFrame.origin;
  // Not the iframe's initial empty document, which is still ours (it inherits the host page's
  // origin and lives in its process) until the vendor page commits.
  const frame = contents.mainFrame.frames.find((child) => !child.detached && child.origin !== host && child.origin !== 'null');
  return frame ? frame.executeJavaScript('0') : null;
}

/** net::ERR_ABORTED: a navigation superseded or cancelled, not a failure. */
const ERR_ABORTED = -3;

export interface ProfileViewDeps {
  preloadPath: string;
  rendererDir: string;
  protocolContext(): ResolveContext;
  failures: Map<string, LoadFailure>;
  state: ShellState;
  notifyUi(): void;
  /** Every permission decision, for the durable log. */
  onPermission(entry: PermissionLogEntry): void;
  /** A frame asked Chromium to hand a link to the OS ('openExternal' permission, always denied). */
  onExternalLink?(url: string): void;
}

export class ProfileView {
  readonly view: WebContentsView;
  readonly profile: Profile;
  readonly mode: 'framed' | 'direct';
  readonly partition: string;
  private readonly health: ViewHealthWatch;
  private readonly liveness: LivenessWatch;
  /** Our error page is up: "Try again" on it is a retry. */
  private showingError = false;

  constructor(
    entry: ViewEntry,
    private readonly deps: ProfileViewDeps,
  ) {
    const { profile } = entry;
    this.profile = profile;
    this.mode = entry.mode;
    this.partition = entry.partition;
    this.prepareSession(entry.session);
    this.view = new WebContentsView({ webPreferences: vendorViewPreferences({ partition: this.partition, preload: deps.preloadPath }) });
    const contents = this.view.webContents;
    this.health = watchViewHealth(contents, {
      now: Date.now,
      timers: NODE_TIMEOUTS,
      reload: () => this.load(),
      crashRenderer: () => {
        if (!contents.isDestroyed() && !contents.isCrashed()) contents.forcefullyCrashRenderer();
      },
      showError: (error) => {
        // The health watch has said why (failed, or waiting for the network) before this.
        deps.failures.set(profile.id, { code: typeof error.code === 'number' ? error.code : 0, description: error.description, url: error.url });
        this.showError();
      },
      onState: (state, detail) => {
        deps.state.setHealth(profile.id, state, detail);
        deps.notifyUi();
      },
      log: (entry) => diag('view', `${profile.id}: ${entry.event}`, entry),
    });
    // Every view, on screen or not, is asked whether its page still answers (liveness.ts).
    this.liveness = watchLiveness({
      now: monotonicNow,
      timers: NODE_TIMEOUTS,
      ping: (seq) => {
        if (!contents.isDestroyed()) contents.send(CHANNELS.livenessPing, seq);
      },
      ...(this.mode === 'framed' ? { probeFrame: () => askVendorFrame(contents) } : {}),
      hung: (silentMs, who) => this.health.hung(silentMs, who),
    });
    // A probe sent to a vendor frame that is then replaced is never answered (liveness.ts).
    contents.on('did-start-navigation', (details) => {
      if (!details.isMainFrame) this.liveness.frameReplaced();
    });
    contents.on('did-frame-navigate', (_event, _url, _code, _status, isMainFrame) => {
      if (!isMainFrame) this.liveness.frameReplaced();
    });
    // Not disarmed when a navigation starts: the old document answers until the new one
    // commits (a navigation a guard cancels leaves it in place), and the new document's bridge
    // starting clears a ping lost in between.
    contents.on('render-process-gone', () => this.liveness.documentGone());
    // In framed mode the vendor is a subframe, so watchViewHealth (top frame only) would not see
    // it fail; the frame's own first URL failing means the vendor is unreachable: say so.
    contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      if (isMainFrame || this.mode !== 'framed' || code === ERR_ABORTED || url !== vendorUrl(profile)) return;
      this.health.loadFailed({ code, description, url });
    });
    // The error page's "Try again" is a plain link to the host page (no script in our pages).
    // Taken here, it is a retry through the health watch: the backoff starts over after a
    // give-up, and the view loads what its mode loads (in direct mode the vendor page itself,
    // not the framed host page, which left capture dead until a restart).
    // 'will-frame-navigate' comes first, and in direct mode the navigation guard denies the host
    // page there, so 'will-navigate' never follows (electron/electron docs/api/web-contents.md,
    // navigation events: "Subsequent events will not fire if event.preventDefault() is called").
    contents.on('will-frame-navigate', (details) => {
      if (!details.isMainFrame || !this.showingError || !isHostPageUrl(details.url, profile)) return;
      details.preventDefault();
      this.health.retry();
    });
  }

  /** Our pages on this partition, and permission handlers before anything loads. */
  private prepareSession(session: Session): void {
    handleAppProtocol(session.protocol, {
      hosts: PROFILE_SESSION_HOSTS,
      readFile: (relative) => readFile(join(this.deps.rendererDir, relative)),
      context: this.deps.protocolContext,
      log: (message) => diag('protocol', message),
    });
    installPermissionHandlers(session, this.profile, (entry) => this.deps.onPermission(entry), {
      ...(this.deps.onExternalLink ? { onExternalLink: this.deps.onExternalLink } : {}),
      onFirstMediaGrant: (types) => {
        if (process.platform !== 'darwin') return;
        for (const type of types) void systemPreferences.askForMediaAccess(type === 'audio' ? 'microphone' : 'camera');
      },
    });
  }

  /** This view's preload started in a new document (it asked for its capture config). */
  bridgeStarted(): void {
    this.liveness.bridgeStarted();
  }

  /** The preload answered liveness ping `seq`. */
  answered(seq: number): void {
    this.liveness.pong(seq);
  }

  /** The machine woke (powerMonitor 'resume'): a load waiting for the network is tried now. */
  networkChanged(): void {
    this.health.networkChanged();
  }

  private showError(): void {
    this.showingError = true;
    void this.view.webContents.loadURL(errorPageUrl(this.profile.id));
  }

  load(): void {
    this.showingError = false;
    const url = this.mode === 'framed' ? hostPageUrl(this.profile.id) : vendorUrl(this.profile);
    if (!url) {
      this.deps.state.setHealth(this.profile.id, 'failed', 'no vendor URL configured');
      void this.view.webContents.loadURL(hostPageUrl(this.profile.id)); // the host page explains
      return;
    }
    void this.view.webContents.loadURL(url).catch((err: Error) => diag('view', `${this.profile.id}: load failed: ${err.message}`));
  }

  /** Builds a command with the vendor adapter and posts it to this view's capture bridge. */
  send(result: CommandResult): string | null {
    if ('unsupported' in result) return result.unsupported;
    const command: VendorCommand = { messages: result.messages };
    this.view.webContents.send(CHANNELS.vendorCommand, command);
    return null;
  }

  dispose(): void {
    this.liveness.dispose();
    this.health.dispose();
    if (!this.view.webContents.isDestroyed()) this.view.webContents.close();
  }
}
