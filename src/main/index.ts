/**
 * Switchboard's main process: wires the pure core (src/shared) to Electron. Every Electron object
 * is created here or in the small glue modules it calls, never in src/shared.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, protocol, shell, type IpcMainEvent } from 'electron';
import { createPipeline } from '../shared/core/pipeline';
import { CHANNELS } from '../shared/ipc/channels';
import { SelectProfileSchema } from '../shared/ipc/shell-protocol';
import { APP_SCHEME_PRIVILEGES } from './app-protocol/register';
import { buildCaptureConfig } from './capture/capture-config';
import { createCaptureService } from './capture/capture-service';
import { diag } from './diagnostics';
import { validateCaptureSender, type RegisteredView } from './ipc/sender-validation';
import { installNavigationGuards, installShellNavigationGuards } from './security/navigation-guards';
import { loadProfiles } from './settings/profiles';
import { ProfileView } from './shell/profile-view';
import { ShellState } from './shell/shell-state';
import { ShellWindow } from './shell/shell-window';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PATHS = {
  vendorPreload: here('../preload/vendor-host.cjs'),
  shellPreload: here('../preload/shell.cjs'),
  renderer: here('../renderer'),
};

// Must happen before `ready`: app:// gets a real origin per host and counts as a secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Tests (and support staff reproducing a problem) run against a throwaway profile directory.
if (process.env.SWITCHBOARD_USER_DATA) app.setPath('userData', process.env.SWITCHBOARD_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(start, (err: unknown) => diag('app', `failed to start: ${String(err)}`));
}

async function start(): Promise<void> {
  diag('app', 'starting', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform });
  const Store = (await import('electron-store')).default;
  const store = new Store<Record<string, unknown>>({ name: 'settings' });
  const loaded = loadProfiles(store.get('profiles'));
  const state = new ShellState(loaded.profiles, loaded.firstRun);
  if (loaded.problem) {
    state.addProblem(loaded.problem);
    diag('settings', loaded.problem);
  }

  const pipeline = createPipeline({ profiles: loaded.profiles, idFactory: () => randomBytes(12).toString('base64url') });
  const failures = new Map<string, { code: number; description: string; url: string }>();
  const profileMap = new Map(loaded.profiles.map((p) => [p.id, p]));
  let shellWindow: ShellWindow | null = null;
  const notifyUi = () => shellWindow?.pushState();

  const views = loaded.profiles.map(
    (profile) =>
      new ProfileView(profile, {
        preloadPath: PATHS.vendorPreload,
        rendererDir: PATHS.renderer,
        protocolContext: () => ({ profiles: profileMap, failures }),
        failures,
        state,
        notifyUi,
      }),
  );
  const registered = new Map<number, RegisteredView>(views.map((v) => [v.view.webContents.id, { profile: v.profile, mode: v.mode }]));
  const bySession = new Map(views.map((v) => [v.view.webContents.session, v]));
  const secrets = new Map(views.map((v) => [v.view.webContents.id, randomBytes(16).toString('hex')]));

  // Navigation and popup rules, central: every webContents (views, popups, devtools) passes here.
  app.on('web-contents-created', (_event, contents) => {
    const owner = bySession.get(contents.session);
    const log = (entry: object) => diag('navigation', 'decision', entry);
    if (owner) {
      // An in-app SSO popup shares the view's partition, but its top frame is the sign-in page
      // itself: judge it like a direct-mode view (vendor, allowed and auth hosts only).
      const mode = contents === owner.view.webContents ? owner.mode : 'direct';
      installNavigationGuards(contents, { profile: owner.profile, mode, partition: owner.partition, openExternal: (url) => void shell.openExternal(url), log });
    } else installShellNavigationGuards(contents, log);
  });

  const captures = createCaptureService(pipeline, {
    accepted(profile, events, effects, at) {
      for (const effect of effects) diag('effect', effect.type, effect); // the notifier/tray/log modules take these over (issue 4)
      state.record(events, effects, at, profile);
      notifyUi();
    },
    rejected(profile, reason, count, at) {
      diag('capture', `rejected: ${reason}`, { profile, count });
      state.recordRejection(profile, reason, count, at);
      notifyUi();
    },
    undeliverable: (profile, reason) => diag('capture', `command not delivered: ${reason}`, { profile }),
  });

  const senderOf = (event: IpcMainEvent) => {
    const frame = event.senderFrame; // read at once: it is null after the frame navigates
    return validateCaptureSender(
      { webContentsId: event.sender.id, frame: frame ? { url: frame.url, isMainFrame: frame.parent === null, detached: frame.detached } : null },
      registered,
    );
  };

  ipcMain.on(CHANNELS.captureConfig, (event) => {
    const sender = senderOf(event);
    if (!sender.ok) {
      diag('capture', `config refused: ${sender.reason}`);
      event.returnValue = null; // the bridge stays off and says so
      return;
    }
    event.returnValue = buildCaptureConfig(sender.profile, secrets.get(event.sender.id)!);
  });
  ipcMain.on(CHANNELS.capture, (event, payload: unknown) => {
    const sender = senderOf(event);
    if (!sender.ok) return diag('capture', `message refused: ${sender.reason}`);
    captures.handle(sender.profile, payload);
  });

  const fromShell = (event: { sender: { id: number } }) => shellWindow !== null && event.sender.id === shellWindow.shellView.webContents.id;
  ipcMain.handle(CHANNELS.shellState, (event) => (fromShell(event) ? state.snapshot() : null));
  ipcMain.on(CHANNELS.shellSelectProfile, (event, id: unknown) => {
    const parsed = SelectProfileSchema.safeParse(id);
    if (fromShell(event) && parsed.success) shellWindow?.select(parsed.data);
  });

  shellWindow = new ShellWindow(views, state, PATHS.shellPreload);
  app.on('second-instance', () => shellWindow?.focus());
  app.on('window-all-closed', () => app.quit()); // close-to-tray arrives with the tray (issue 4)
  // Rings that never resolve expire even when no capture arrives.
  setInterval(() => {
    const effects = pipeline.tick(Date.now());
    if (effects.length) {
      state.record([], effects, Date.now(), '');
      notifyUi();
    }
  }, 5_000).unref();
}
