/**
 * What Switchboard does once Electron is ready, as a list of named steps. Each step wires one
 * feature from its own module; the order matters where a comment says so.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Menu, Notification, app, clipboard, dialog, ipcMain, nativeImage, net, powerMonitor, session, shell } from 'electron';
import { createPipeline } from '../../shared/core/pipeline';
import type { DialSource } from '../../shared/links/dial-confirmation';
import { isDialLink } from '../../shared/links/dial-link';
import { createCaptureService } from '../capture/capture-service';
import { logHandshake } from '../capture/handshake-log';
import { createCommandRouter, type ShellCommand } from '../commands/command-router';
import { createCommandWatch } from '../commands/command-watch';
import { diag } from '../diagnostics';
import { createEffectRouter } from '../effects/effect-router';
import { testConnection } from '../forwarding/forwarder';
import { createNotifier } from '../notifications/notifier';
import { createRingAttention, type RingAttention } from '../notifications/ring-attention';
import { createRingFallback } from '../notifications/ring-fallback';
import { trayIconPath } from '../tray/tray-controller';
import { BACKGROUND_INTERVALS } from '../runtime/node-timers';
import { watchOnline } from '../runtime/online-watch';
import { SHELL_PARTITION } from '../security/web-preferences';
import { ProfileView } from '../shell/profile-view';
import { RingWindow } from '../shell/ring-window';
import { serviceStatus, watchEventLogLoss } from '../shell/service-status';
import { ShellState } from '../shell/shell-state';
import { ShellWindow } from '../shell/shell-window';
import { readTodaysEvents } from '../shell/today-from-log';
import { ViewRegistry } from '../shell/view-registry';
import { installApplicationMenu } from './application-menu';
import { wireCaptureIpc } from './capture-ipc';
import { callsAtRisk, createQuitGuard, quitQuestion } from './quit-guard';
import { forwardingFetch } from './forwarding-fetch';
import { createDialer } from './dial-wiring';
import type { EarlyEvents } from './early-events';
import { wireLifecycle } from './lifecycle';
import { wireLinks } from './link-wiring';
import { loadConfig, type Cli } from './load-config';
import { startsHidden } from './login-item';
import { createExternalOpener } from './open-external';
import { resourcesDir } from './paths';
import { openServices } from './services';
import { createPresenceAll } from './presence-all-wiring';
import { guardDefaultSession, prepareShellSession } from './sessions';
import { wireSessionEnd } from './session-end';
import { createSettingsController } from './settings-controller';
import { registerShellIpc } from './shell-ipc';
import { wireShortcuts } from './shortcut-wiring';
import { applyStartupItems } from './startup-items';
import { startTray } from './tray-wiring';
import { guardEveryWebContents } from './view-guards';

/** The tray host probe runs gdbus (tray-host.ts). */
const execFileAsync = promisify(execFile);

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PATHS = {
  vendorPreload: here('../preload/vendor-host.cjs'),
  shellPreload: here('../preload/shell.cjs'),
  renderer: here('../renderer'),
  resources: resourcesDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot: here('../..') }),
};

export async function startApp(cli: Cli, early: EarlyEvents): Promise<void> {
  // 1. Our own application menu, replacing Electron's default one and its reload/zoom keys.
  installApplicationMenu(Menu, { platform: process.platform, packaged: app.isPackaged, appName: 'Switchboard' });
  // 2. Sessions that show no vendor page grant nothing.
  guardDefaultSession(session.defaultSession);

  // 3. Settings, IT policy and this run's command line.
  const config = await loadConfig(cli, app.getPath('userData'), app.isPackaged);
  const { settings, policyFile, read } = config;
  const state = new ShellState(settings.profiles, read.firstRun && !config.applied.replacedDemo, settings.guideDismissed);
  state.setRingtone(settings.ringtone, settings.notifications.ringThroughDnd);
  let shellWindow: ShellWindow | null = null;
  // The ring window (shell/ring-window.ts) opens for a ring while the shell window is hidden or
  // not focused, and closes when nothing rings; it hears every change the shell UI hears.
  const ringWindow = new RingWindow({
    state,
    preload: PATHS.shellPreload,
    attended: () => shellWindow !== null && shellWindow.window.isVisible() && shellWindow.window.isFocused(),
    log: (message, data) => diag('effect', message, data),
  });
  // Taskbar flash / Dock bounce / badge follow what rings (ring-attention.ts), from step 13 on.
  let ringAttention: RingAttention | null = null;
  const notifyUi = () => {
    shellWindow?.pushState();
    ringAttention?.update(state.attention);
    // Not before the window exists: a ring at start-up opens it once the shell window is up.
    if (shellWindow) ringWindow.changed();
  };
  // A problem can be found at any time (a command the vendor never confirmed, a timer): the
  // shell window is told at once, not at its next unrelated update.
  const problem = (message: string) => {
    state.addProblem(message);
    diag('app', message);
    notifyUi();
  };

  // 4. Durable logs and the forwarder, before anything can be captured. The forwarder and "Test
  // connection" go through Chromium's network stack: the system proxy and the OS trust store
  // (forwarding-fetch.ts).
  const fetchForForwarding = forwardingFetch();
  const services = await openServices(settings, app.getPath('userData'), problem, notifyUi, fetchForForwarding);
  state.watchServices(() => serviceStatus(services));
  const eventLogLoss = watchEventLogLoss(services.eventLog, (message, data) => diag('app', message, data));
  diag('app', 'started', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform, logs: services.logDir, policy: config.policyInEffect ? policyFile : null });
  config.problems.forEach(problem);
  for (const note of config.notes) diag('settings', note);
  // Today's counters and Missed list, rebuilt from today's event log (today-from-log.ts).
  state.replayToday(await readTodaysEvents(services.logDir, new Date(), (message, data) => diag('app', message, data)));

  // 5. The core pipeline.
  const pipeline = createPipeline({
    profiles: settings.profiles,
    idFactory: () => randomBytes(12).toString('base64url'),
    ringTimeoutMs: settings.notifications.ringTimeoutSeconds * 1000,
    context: { ringThroughDnd: settings.notifications.ringThroughDnd, suppressWhenFocused: settings.notifications.suppressWhenFocused },
  });

  // 6. Guards for every webContents — before the first view exists (see view-guards.ts). Dial
  // links from views go to the dialer (step 10; views load only once the window exists, step 13).
  const registry = new ViewRegistry((partition) => session.fromPartition(partition));
  let dialLink: ((url: string, source: DialSource) => void) | null = null;
  guardEveryWebContents(app, registry, {
    // A refusal from the OS is logged and told, never an unhandled rejection (open-external.ts).
    openExternal: createExternalOpener({
      // electronegativity-allow OPEN_EXTERNAL_JS_CHECK: the guards hand over only http(s) and mailto: URLs navigation-policy.ts passed for the OS
      open: (url) => shell.openExternal(url),
      log: (message, data) => diag('navigation', message, data),
      tell: problem,
    }),
    dial: (url, source) => (dialLink ? dialLink(url, source) : diag('app', 'link dial refused: the dialer is not up yet', { source })),
  });

  // 7. One view per profile, each on its own session.
  for (const profile of settings.profiles) {
    registry.add(profile, (entry) =>
      new ProfileView(entry, {
        preloadPath: PATHS.vendorPreload,
        rendererDir: PATHS.renderer,
        protocolContext: () => ({ profiles: registry.profiles(), failures: registry.failures }),
        failures: registry.failures,
        state,
        notifyUi,
        onExternalLink: (url) => {
          if (isDialLink(url)) dialLink?.(url, { kind: 'view', profile: profile.id, via: 'external-protocol', origin: null });
        },
        onPermission: (decision) => {
          services.eventLog.permission({ ...decision, at: Date.now() });
          state.recordPermission(decision, Date.now());
        },
      }),
    );
  }

  // A machine waking is when its VPN and Wi-Fi come back: views whose load is waiting for the
  // network try again at once (docs/api/power-monitor.md: 'resume', "Emitted when system is
  // resuming", every platform).
  const networkChanged = () => {
    for (const profile of settings.profiles) registry.get(profile.id)?.view?.networkChanged();
  };
  powerMonitor.on('resume', networkChanged);
  // And when the link comes back while the machine is awake (online-watch.ts).
  watchOnline({
    isOnline: () => net.isOnline(),
    timers: BACKGROUND_INTERVALS,
    onOnline: networkChanged,
    log: (message) => diag('app', message),
  });

  // 8. Commands into vendor clients, and the toasts that offer them. Commands a vendor may drop
  // silently are watched until a captured event shows they took effect (step 10 feeds the watch).
  const commandWatch = createCommandWatch({
    later: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    tell: (message, detail) => {
      problem(message);
      diag('app', 'command not confirmed', detail);
    },
  });
  const runCommand = createCommandRouter({
    profile: (id) => registry.get(id)?.profile,
    session: (id) => pipeline.session(id),
    memory: (id) => pipeline.memory(id),
    // send() answers null when the command was posted: only a missing view is a problem here.
    deliver: (id, result) => {
      const view = registry.get(id)?.view;
      return view ? view.send(result) : `no view for profile "${id}"`;
    },
    watch: (id, vendor, confirm) => commandWatch.expect(id, vendor, confirm),
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
  // Answer / Decline as the vendor's own command: the toast's buttons and the ring surface's (one path).
  const ringAct = (profile: string, ref: string | undefined, action: 'answer' | 'decline') => command(profile, { type: action, ...(ref ? { ref } : {}) });
  const notifier = createNotifier({
    create: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    redaction: () => settings.logs.redaction,
    profileName: (id) => registry.get(id)?.profile.name ?? id,
    focusProfile,
    act: (profile, ref, action) => void ringAct(profile, ref, action),
    log: (message, data) => diag('effect', message, data),
    // libnotify draws none of a toast's actions (electron/electron docs/api/notification.md:
    // `actions` _macOS_ _Windows_; shell/browser/notifications/linux/libnotify_notification.cc
    // adds only a default "View" activation, which emits 'click').
    buttonsShown: process.platform !== 'linux',
    // A ring the OS did not show rings in the window instead (notifications/ring-fallback.ts).
    fallback: createRingFallback({ state, window: () => shellWindow, changed: notifyUi, log: (message, data) => diag('effect', message, data) }),
  });

  // 9. Tray, do-not-disturb and auto-away; "Set all to …" and DND that vendors can follow.
  const presenceAll = createPresenceAll({
    targets: () => {
      const known = pipeline.presence().profiles;
      return settings.profiles.map((p) => ({ id: p.id, name: p.name, vendor: p.vendor, agentState: known.find((k) => k.profile === p.id)?.agentState ?? null }));
    },
    setState: (profile, agentState) => command(profile, { type: 'set-state', state: agentState }),
    changed: notifyUi,
  });
  state.watchPresenceAll(() => presenceAll.status());
  const tray = startTray({
    resourcesDir: PATHS.resources,
    settings,
    store: config.store,
    pipeline,
    command,
    window: () => shellWindow,
    problem,
    onDnd: (snapshot, scheduled) => {
      state.setDnd(snapshot, scheduled);
      presenceAll.dnd(snapshot.mode !== 'off');
      notifyUi();
    },
    run: async (file, args, timeoutMs) => (await execFileAsync(file, [...args], { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' })).stdout,
  });

  // 10. Click-to-dial, and what every accepted capture leads to.
  const settingsController = createSettingsController({
    config,
    demoOnly: config.run.demo,
    applied(next) {
      pipeline.setContext({ ringThroughDnd: next.notifications.ringThroughDnd, suppressWhenFocused: next.notifications.suppressWhenFocused });
      pipeline.setRingTimeout(next.notifications.ringTimeoutSeconds * 1000);
      state.setRingtone(next.ringtone, next.notifications.ringThroughDnd);
      // Redaction applies to every sink at once: the forwarder also re-redacts queued events as it sends them.
      services.eventLog.setRedaction(next.logs.redaction);
      services.forwarder?.setRedaction(next.logs.redaction);
      services.diagnostics.setRedaction(next.logs.redaction);
      applyStartupItems(app, next.startup, config.policyOverride ?? undefined, problem);
      tray.settingsChanged();
      notifyUi();
    },
    problem,
  });
  const dialer = createDialer({
    profiles: () => settings.profiles,
    preferred: () => settingsController.defaultSoftphone(),
    focus: focusProfile,
    command,
    tell: problem,
    ask(pending) {
      state.setDialQuestion(pending);
      if (shellWindow) shellWindow.asking();
      else if (pending) diag('app', 'link dial waits for the window to ask', { profile: pending.profile });
    },
    redaction: () => settings.logs.redaction,
  });
  dialLink = (url, source) => dialer.link(url, source);
  const effects = createEffectRouter({ notifier, log: services.eventLog, forwarder: services.forwarder, ui: state, presence: () => tray.refresh(), changed: notifyUi });
  tray.onEffects((list) => effects.effects(list, Date.now()));
  const captures = createCaptureService(pipeline, {
    accepted(profile, events, list, at) {
      effects.accepted(profile, events, list, at);
      commandWatch.events(profile, events);
      dialer.events(profile, events);
    },
    rejected: effects.rejected,
    undeliverable: (profile, reason) => diag('capture', `command not delivered: ${reason}`, { profile }),
    handshake: logHandshake,
  });

  // 11. IPC: the capture channel from vendor views, the shell UI's API.
  wireCaptureIpc(ipcMain, registry, captures);
  registerShellIpc(ipcMain, {
    // The shell UI, and the ring window, which is the same page (shell/ring-window.ts).
    isShell: (id) => (shellWindow !== null && id === shellWindow.shellView.webContents.id) || id === ringWindow.contentsId(),
    snapshot: () => state.snapshot(),
    rawPayload: (id) => state.rawPayload(id),
    select: (id) => shellWindow?.select(id),
    setDnd: (mode) => tray.setDnd(mode),
    setPresence: (profile, agentState) => command(profile, { type: 'set-state', state: agentState }),
    settingsView: () => settingsController.view(),
    saveSettings: (input) => settingsController.save(input),
    testForwarding: (endpoint) => testConnection(endpoint, settings.forwarding.timeoutMs, fetchForForwarding),
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
      config.store.set('guideDismissed', true);
      notifyUi();
    },
    setOverlay: (open) => shellWindow?.setOverlay(open),
    answerDial: (id, answer) => dialer.answer(id, answer),
    missedSeen() {
      if (state.seeMissed()) notifyUi();
    },
    callBack(id) {
      const missed = state.missedCall(id);
      if (!missed) return { ok: false, reason: 'That missed call is no longer on the list.' };
      if (!missed.dial) return { ok: false, reason: `There is no number to call back: open ${settings.profiles.find((p) => p.id === missed.profile)?.name ?? missed.profile} to reply.` };
      return dialer.callBack(missed.dial, missed.profile);
    },
    setAllPresence: (choice, minutes) => presenceAll.setAll(choice, minutes),
    ringAction(id, action) {
      const ring = state.rings.find(id);
      if (!ring) return { ok: false, reason: 'that call is no longer ringing' };
      if (action === 'open') {
        // The agent goes to the profile's own window to answer there: its banner takes over.
        focusProfile(ring.profile);
        ringWindow.close('the agent opened the profile');
        return { ok: true, detail: `opened ${registry.get(ring.profile)?.profile.name ?? ring.profile}` };
      }
      if (!ring.actions.includes(action)) return { ok: false, reason: `${registry.get(ring.profile)?.profile.name ?? ring.profile} cannot ${action} from Switchboard: open it to answer` };
      return ringAct(ring.profile, ring.ref, action);
    },
  });

  // 12. Start at login.
  applyStartupItems(app, settings.startup, config.policyOverride ?? undefined, problem);

  // 13. The window: the shell UI on its own session (app:// served there), the views beside it.
  prepareShellSession(session.fromPartition(SHELL_PARTITION), PATHS.renderer, () => ({ profiles: registry.profiles(), failures: registry.failures }));
  // Hidden only for a start at login (login-item.ts); the agent's own launch shows the window.
  const hidden = startsHidden({
    platform: process.platform,
    minimizedFlag: config.run.minimized,
    startup: settings.startup,
    wasOpenedAtLogin: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true,
  });
  shellWindow = new ShellWindow(registry.views(), state, PATHS.shellPreload, hidden);
  // A ring that came while the window did not exist yet (ring window: see notifyUi).
  notifyUi();
  if (cli.options.profile && !shellWindow.select(cli.options.profile)) problem(`--profile: there is no profile "${cli.options.profile}"`);
  const win = shellWindow;
  wireShortcuts([win.shellView.webContents, ...registry.views().map((v) => v.view.webContents)], (shortcut) => {
    if (shortcut.type === 'toggle-dnd') tray.toggleDnd();
    else win.selectIndex(shortcut.index);
  });
  // Toasts for the profile on screen can be suppressed (a setting): the core is told which one that is.
  const updateFocus = () => pipeline.setContext({ focusedProfile: win.window.isFocused() && win.window.isVisible() ? state.selected : null });
  win.window.on('focus', updateFocus);
  ringAttention = createRingAttention({
    platform: process.platform,
    app,
    window: win.window,
    overlayIcon: () => nativeImage.createFromPath(trayIconPath(PATHS.resources, 'ringing', process.platform)),
  });
  ringAttention.update(state.attention);
  // The agent looked: stop flashing or bouncing, and the missed calls leave the badge.
  win.window.on('focus', () => {
    ringAttention?.focused();
    if (state.ringsSeen()) notifyUi();
  });
  win.window.on('blur', updateFocus);
  win.onSelect(updateFocus);
  // Opening a profile is seeing what it missed: its rail badge clears.
  win.onSelect((id) => {
    if (state.seeProfile(id)) notifyUi();
  });
  tray.attachWindow(win);

  // 14. Links: those that arrived during start-up, then every later one.
  // A link from another app is not the agent's action in Switchboard either: it asks too.
  wireLinks({ app, early, dial: (url) => dialer.link(url, { kind: 'os' }), focus: () => win.focus() });
  // A question asked before the window existed (a link at start-up) is shown now.
  if (state.asking) win.asking();

  // 15. Dock clicks, timers, and a quit that flushes the logs first.
  wireLifecycle({
    app,
    showWindow: () => win.focus(),
    quitGuard: createQuitGuard({
      calls: () => callsAtRisk(pipeline.presence().profiles, (id) => registry.get(id)?.profile.name ?? id),
      async ask(calls) {
        // The window comes forward first: the agent may have been working in the CRM, with
        // Switchboard in the tray, when they chose Quit.
        win.focus();
        const question = quitQuestion(calls);
        const { response } = await dialog.showMessageBox(win.window, { type: 'warning', title: 'Quit Switchboard', message: question.message, detail: question.detail, buttons: question.buttons, defaultId: 0, cancelId: 0, noLink: true });
        return response === 1;
      },
      quit: () => app.quit(),
      log: (message) => diag('app', message),
    }),
    tick(now) {
      effects.effects(pipeline.tick(now), now);
      if (state.tickRings(now)) notifyUi();
      dialer.tick(now);
      presenceAll.tick(now);
      if (state.rollDay(now)) notifyUi();
      if (eventLogLoss()) notifyUi();
    },
    async beforeQuit() {
      tray.quitting();
      notifier.closeAll();
      ringWindow.close('quitting');
      await services.close();
    },
  });
  // Windows logoff/shutdown: no before-quit, and the process ends when this listener returns.
  wireSessionEnd({
    window: win.window,
    end(reasons) {
      diag('app', 'the Windows session is ending: closing the logs and sealing the forwarding queue now', { reasons });
      tray.quitting();
      notifier.closeAll();
      services.closeNow();
    },
  });
}
