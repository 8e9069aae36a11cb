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
        deps.failures.set(profile.id, { code: typeof error.code === 'number' ? error.code : 0, description: error.description, url: error.url });
        void contents.loadURL(errorPageUrl(profile.id));
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
      deps.failures.set(profile.id, { code, description, url });
      deps.state.setHealth(profile.id, 'failed', `${description} (${code})`);
      deps.notifyUi();
      void contents.loadURL(errorPageUrl(profile.id));
    });
    contents.on('did-finish-load', () => {
      deps.state.setHealth(profile.id, this.health.state === 'ok' ? 'ok' : this.health.state);
      deps.notifyUi();
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

  load(): void {
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
