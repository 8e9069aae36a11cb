/**
 * Builds the running app once Electron is ready: settings → durable services → pipeline → views,
 * window, notifications and IPC. Each piece lives in its own module; this file only connects them.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as fsp from 'node:fs/promises';
import { resolve } from 'node:path';
import { Notification, app, clipboard, dialog, ipcMain, shell, type IpcMainEvent } from 'electron';
import { createPipeline } from '../../shared/core/pipeline';
import { CHANNELS } from '../../shared/ipc/channels';
import { buildCaptureConfig } from '../capture/capture-config';
import { createCaptureService } from '../capture/capture-service';
import { createCommandRouter, type ShellCommand } from '../commands/command-router';
import { diag } from '../diagnostics';
import { createEffectRouter } from '../effects/effect-router';
import { validateCaptureSender, type RegisteredView } from '../ipc/sender-validation';
import { createNotifier } from '../notifications/notifier';
import { installNavigationGuards, installShellNavigationGuards } from '../security/navigation-guards';
import { testConnection } from '../forwarding/forwarder';
import { restartNeededFor, validateSettingsSave } from '../settings/save-settings';
import { applyPolicy } from '../settings/policy';
import { applyLinuxAutostart, linuxExecPath } from './autostart';
import { parseCommandLine } from './cli-args';
import { loadConfig, type Cli } from './load-config';
import { createDialer } from './dial-wiring';
import { resourcesDir } from './paths';
import { matchShortcut } from '../shell/shortcuts';
import { registerShellIpc } from './shell-ipc';
import { ProfileView } from '../shell/profile-view';
import { ShellState } from '../shell/shell-state';
import { ShellWindow } from '../shell/shell-window';
import { openServices } from './services';
import { startTray } from './tray-wiring';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PATHS = {
  vendorPreload: here('../preload/vendor-host.cjs'),
  shellPreload: here('../preload/shell.cjs'),
  renderer: here('../renderer'),
  resources: resourcesDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot: here('../..') }),
};

/** Where tel:/callto:/sip: links come from before and after start (index.ts buffers early ones). */
export interface LinkSource {
  take(sink: (url: string) => void): void;
}

export async function startApp(cli: Cli, links: LinkSource): Promise<void> {
  const userData = app.getPath('userData');
  const config = await loadConfig(cli, userData);
  const { policy, policyFile, read, settings, stored, store } = config;
  let { applied } = config;

  const state = new ShellState(settings.profiles, read.firstRun && !applied.replacedDemo, settings.guideDismissed);
  const problem = (message: string) => {
    state.addProblem(message);
    diag('app', message);
  };
  const services = await openServices(settings, userData, problem);
  diag('app', 'started', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform, logs: services.logDir, policy: policy ? policyFile : null });
  config.problems.forEach(problem);
  for (const note of config.notes) diag('settings', note);

  const pipeline = createPipeline({
    profiles: settings.profiles,
    idFactory: () => randomBytes(12).toString('base64url'),
    context: { ringThroughDnd: settings.notifications.ringThroughDnd, suppressWhenFocused: settings.notifications.suppressWhenFocused },
  });
  const profileMap = new Map(settings.profiles.map((p) => [p.id, p]));
  const failures = new Map<string, { code: number; description: string; url: string }>();
  let shellWindow: ShellWindow | null = null;
  const notifyUi = () => shellWindow?.pushState();

  const views = settings.profiles.map(
    (profile) =>
      new ProfileView(profile, {
        preloadPath: PATHS.vendorPreload,
        rendererDir: PATHS.renderer,
        protocolContext: () => ({ profiles: profileMap, failures }),
        failures,
        state,
        notifyUi,
        onPermission: (entry) => {
          services.eventLog.permission({ ...entry, at: Date.now() });
          state.recordPermission(entry, Date.now());
        },
      }),
  );
  const viewOf = (id: string) => views.find((v) => v.profile.id === id);
  const runCommand = createCommandRouter({
    profile: (id) => profileMap.get(id),
    session: (id) => pipeline.session(id),
    deliver: (id, result) => viewOf(id)?.send(result) ?? `no view for profile "${id}"`,
  });
  const command = (profile: string, cmd: ShellCommand) => {
    const outcome = runCommand(profile, cmd);
    diag('app', outcome.ok ? outcome.detail : `command not run: ${outcome.reason}`, { profile, command: cmd });
    return outcome;
  };

  const focusProfile = (id: string) => {
    shellWindow?.focus();
    shellWindow?.select(id);
  };
  const notifier = createNotifier({
    create: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    redaction: () => settings.logs.redaction,
    profileName: (id) => profileMap.get(id)?.name ?? id,
    focusProfile,
    act: (profile, ref, action) => void command(profile, { type: action, ...(ref ? { ref } : {}) }),
    log: (message, data) => diag('effect', message, data),
  });

  const tray = startTray({
    resourcesDir: PATHS.resources,
    settings,
    store,
    pipeline,
    command,
    window: () => shellWindow,
    problem,
    onDnd: (snapshot, scheduled) => {
      state.setDnd(snapshot, scheduled);
      notifyUi();
    },
  });
  const dialer = createDialer({
    profiles: () => settings.profiles,
    preferred: () => applied.defaultSoftphone,
    focus: focusProfile,
    command,
    tell: problem,
  });
  const effects = createEffectRouter({
    notifier,
    log: services.eventLog,
    forwarder: services.forwarder,
    ui: state,
    presence: () => tray.refresh(),
    changed: notifyUi,
  });
  tray.onEffects((list) => effects.effects(list, Date.now()));

  const captures = createCaptureService(pipeline, {
    accepted(profile, events, list, at) {
      effects.accepted(profile, events, list, at);
      dialer.events(profile, events);
    },
    rejected: effects.rejected,
    undeliverable: (profile, reason) => diag('capture', `command not delivered: ${reason}`, { profile }),
  });

  // Navigation and popup rules, central: every webContents (views, popups, devtools) passes here.
  const bySession = new Map(views.map((v) => [v.view.webContents.session, v]));
  app.on('web-contents-created', (_event, contents) => {
    const owner = bySession.get(contents.session);
    const log = (entry: object) => diag('navigation', 'decision', entry);
    if (!owner) return installShellNavigationGuards(contents, log);
    // An in-app SSO popup shares the view's partition, but its top frame is the sign-in page
    // itself: judge it like a direct-mode view (vendor, allowed and auth hosts only).
    const mode = contents === owner.view.webContents ? owner.mode : 'direct';
    installNavigationGuards(contents, { profile: owner.profile, mode, partition: owner.partition, openExternal: (url) => void shell.openExternal(url), log });
  });

  const registered = new Map<number, RegisteredView>(views.map((v) => [v.view.webContents.id, { profile: v.profile, mode: v.mode }]));
  const secrets = new Map(views.map((v) => [v.view.webContents.id, randomBytes(16).toString('hex')]));
  const senderOf = (event: IpcMainEvent) => {
    const frame = event.senderFrame; // read at once: it is null after the frame navigates
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null, detached: frame.detached } : null;
    return validateCaptureSender({ webContentsId: event.sender.id, frame: sender }, registered);
  };
  ipcMain.on(CHANNELS.captureConfig, (event) => {
    const sender = senderOf(event);
    if (!sender.ok) diag('capture', `config refused: ${sender.reason}`);
    event.returnValue = sender.ok ? buildCaptureConfig(sender.profile, secrets.get(event.sender.id)!) : null;
  });
  ipcMain.on(CHANNELS.capture, (event, payload: unknown) => {
    const sender = senderOf(event);
    if (!sender.ok) return diag('capture', `message refused: ${sender.reason}`);
    captures.handle(sender.profile, payload);
  });

  registerShellIpc(ipcMain, {
    isShell: (id) => shellWindow !== null && id === shellWindow.shellView.webContents.id,
    snapshot: () => state.snapshot(),
    select: (id) => shellWindow?.select(id),
    setDnd: (mode) => tray.setDnd(mode),
    setPresence: (profile, agentState) => command(profile, { type: 'set-state', state: agentState }),
    settingsView: () => ({ settings, locks: applied.locks }),
    saveSettings(input) {
      const result = validateSettingsSave(settings, input, applied.locks);
      if (!result.ok) return result;
      const restart = restartNeededFor(settings, result.settings);
      // What the agent chose is stored; what runs is that with the policy applied again on top.
      // Policy-locked profiles stay in the policy, not in the agent's file; in --demo runs the
      // stored profiles are kept as they were.
      const toStore = {
        ...result.settings,
        profiles: cli.options.demo ? stored.profiles : result.settings.profiles.filter((p) => !applied.locks[`profiles.${p.id}`]),
      };
      applied = applyPolicy(result.settings, policy, policyFile);
      Object.assign(settings, applied.settings);
      store.set({ ...toStore, schemaVersion: 2 } as unknown as Record<string, unknown>);
      pipeline.setContext({ ringThroughDnd: settings.notifications.ringThroughDnd, suppressWhenFocused: settings.notifications.suppressWhenFocused });
      services.eventLog.setRedaction(settings.logs.redaction);
      applyStartup();
      tray.settingsChanged();
      if (restart.length) problem(`Restart Switchboard to apply the changes to ${restart.join(', ')}.`);
      diag('settings', 'saved', { restart });
      notifyUi();
      return { ok: true };
    },
    testForwarding: (endpoint) => testConnection(endpoint, settings.forwarding.timeoutMs),
    async exportLog() {
      const source = services.eventLog.file();
      if (!source || !shellWindow) return { ok: false, reason: 'there is no event log file yet' };
      const target = await dialog.showSaveDialog(shellWindow.window, {
        title: 'Export event log',
        defaultPath: `switchboard-events-${new Date().toISOString().slice(0, 10)}.jsonl`,
        filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
      });
      if (target.canceled || !target.filePath) return { ok: false, reason: 'export cancelled' };
      await services.eventLog.flush();
      await fsp.copyFile(source, target.filePath);
      return { ok: true, detail: `exported to ${target.filePath}` };
    },
    async openLogs() {
      const error = await shell.openPath(services.logDir);
      return error ? { ok: false, reason: error } : { ok: true, detail: services.logDir };
    },
    copyText: (text) => clipboard.writeText(text),
    dismissGuide() {
      state.dismissGuide();
      settings.guideDismissed = true;
      store.set('guideDismissed', true);
      notifyUi();
    },
    setOverlay: (open) => shellWindow?.setOverlay(open),
  });

  // Start at login: login items on Windows and macOS, an XDG autostart entry on Linux.
  const applyStartup = () => {
    if (process.platform !== 'linux') {
      app.setLoginItemSettings({ openAtLogin: settings.startup.atLogin, args: settings.startup.minimized ? ['--minimized'] : [] });
      return;
    }
    if (!app.isPackaged) return; // a source checkout has no stable executable to autostart
    void applyLinuxAutostart(fsp, {
      enabled: settings.startup.atLogin,
      minimized: settings.startup.minimized,
      exec: linuxExecPath(process.env, process.execPath),
      env: process.env,
      home: app.getPath('home'),
      args: cli.options.policy ? ['--policy', cli.options.policy] : [],
    }).then((outcome) => ('error' in outcome ? problem(`Could not update the login autostart entry ${outcome.path}: ${outcome.error}`) : diag('app', `autostart ${outcome.action}`, outcome)));
  };
  applyStartup();

  shellWindow = new ShellWindow(views, state, PATHS.shellPreload, settings.startup.minimized || cli.options.minimized);
  if (cli.options.profile && !shellWindow.select(cli.options.profile)) problem(`--profile: there is no profile "${cli.options.profile}"`);
  // Ctrl/Cmd+1..9 and Ctrl/Cmd+Shift+D work wherever focus is, vendor views included.
  for (const contents of [shellWindow.shellView.webContents, ...views.map((v) => v.view.webContents)]) {
    contents.on('before-input-event', (event, input) => {
      const shortcut = matchShortcut(input, process.platform);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut.type === 'toggle-dnd') tray.toggleDnd();
      else shellWindow?.selectIndex(shortcut.index);
    });
  }
  // Toasts for the profile the agent is looking at can be suppressed (a setting): keep the core
  // told which profile that is.
  const updateFocus = () => pipeline.setContext({ focusedProfile: shellWindow?.window.isFocused() && shellWindow.window.isVisible() ? state.selected : null });
  shellWindow.window.on('focus', updateFocus);
  shellWindow.window.on('blur', updateFocus);
  shellWindow.onSelect(updateFocus);
  tray.attachWindow(shellWindow);
  // A second launch (often a tel: link on Windows and Linux) focuses this window and dials.
  app.on('second-instance', (_event, argv) => {
    shellWindow?.focus();
    const again = parseCommandLine(argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd(), version: app.getVersion() });
    if ('options' in again) again.options.links.forEach((url) => dialer.link(url));
  });
  for (const scheme of ['tel', 'callto', 'sip']) {
    // From a source checkout the OS must start Electron with our entry script.
    if (process.defaultApp) app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(process.argv[1] ?? '.')]);
    else app.setAsDefaultProtocolClient(scheme);
  }
  links.take((url) => dialer.link(url));

  // Rings that never resolve expire even when no capture arrives.
  setInterval(() => {
    effects.effects(pipeline.tick(Date.now()), Date.now());
    dialer.tick(Date.now());
  }, 5_000).unref();

  let closing = false;
  app.on('before-quit', (event) => {
    tray.quitting();
    if (closing) return;
    closing = true;
    event.preventDefault();
    notifier.closeAll();
    void services.close().finally(() => app.quit());
  });
}
