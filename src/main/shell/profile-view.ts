/**
 * One profile's WebContentsView: its own persistent partition, hardened preferences, permission
 * handlers and our app:// pages on its session (both in place before the view exists), health
 * watching, and command delivery.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebContentsView, systemPreferences, type Session } from 'electron';
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
import { watchViewHealth, type ViewHealthWatch } from '../runtime/view-resilience';
import { installPermissionHandlers, type PermissionLogEntry } from '../security/permission-handlers';
import { vendorViewPreferences } from '../security/web-preferences';
import type { ShellState } from './shell-state';
import type { LoadFailure, ViewEntry } from './view-registry';

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
  /** Our error page is up: its own load says nothing about the vendor's health. */
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
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h) },
      reload: () => this.load(),
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
    // In framed mode the vendor is a subframe, so watchViewHealth (top frame only) would not see
    // it fail; the frame's own first URL failing means the vendor is unreachable: say so.
    contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      if (isMainFrame || this.mode !== 'framed' || code === ERR_ABORTED || url !== vendorUrl(profile)) return;
      this.health.loadFailed({ code, description, url });
    });
    contents.on('did-finish-load', () => {
      // Before, the error page finishing its own load set the profile back to "ok": the rail
      // showed a softphone that could not load as healthy.
      if (this.showingError) return;
      deps.state.setHealth(profile.id, this.health.state === 'ok' ? 'ok' : this.health.state);
      deps.notifyUi();
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
    this.health.dispose();
    if (!this.view.webContents.isDestroyed()) this.view.webContents.close();
  }
}
