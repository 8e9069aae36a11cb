/**
 * The tray, do-not-disturb and auto-away, wired to Electron: the tray shows the aggregate presence
 * and sets DND and vendor presence; DND survives restarts until it expires; closing the window
 * hides it to the tray (Quit is in the tray menu).
 */
import { Menu, Tray, app, nativeImage, powerMonitor } from 'electron';
import type { Effect } from '../../shared/contract/effects';
import type { Settings } from '../../shared/contract/settings';
import type { Pipeline } from '../../shared/core/pipeline';
import { DndState, type DndMode } from '../../shared/tray/dnd';
import { nextScheduleChange, scheduleActive } from '../../shared/tray/dnd-schedule';
import type { TrayCommand, TrayMenuInput } from '../../shared/tray/menu-model';
import type { ShellCommand } from '../commands/command-router';
import { diag } from '../diagnostics';
import { BACKGROUND_INTERVALS } from '../runtime/node-timers';
import { watchAutoAway } from '../tray/auto-away-watch';
import { createTrayController, trayIconPath } from '../tray/tray-controller';
import { watchTrayHost, type RunProgram } from '../tray/tray-host';
import { createFocusWatch, toggleAction } from '../tray/window-toggle';
import type { ShellWindow } from '../shell/shell-window';

export interface TrayWiringDeps {
  resourcesDir: string;
  settings: Settings;
  store: { get(key: string): unknown; set(key: string, value: unknown): void };
  pipeline: Pipeline;
  command(profile: string, command: ShellCommand): unknown;
  window(): ShellWindow | null;
  problem(message: string): void;
  /** DND changed (manual or scheduled): the UI shows it too. */
  onDnd(snapshot: ReturnType<DndState['snapshot']>, scheduled: boolean): void;
  /** Runs `gdbus` for the tray host probe (Linux). */
  run: RunProgram;
}

export function startTray(deps: TrayWiringDeps) {
  const { pipeline, settings } = deps;
  let dnd = DndState.fromSettings(deps.store.get('dnd'), Date.now());
  let dndTimer: NodeJS.Timeout | null = null;
  let emitEffects: (effects: Effect[]) => void = () => {};
  let quitting = false;

  const image = (state: Parameters<typeof trayIconPath>[1], variant: 'color' | 'template') => {
    const img = nativeImage.createFromPath(trayIconPath(deps.resourcesDir, state, process.platform));
    if (img.isEmpty()) deps.problem(`tray icon for "${state}" is missing from ${deps.resourcesDir}`);
    if (variant === 'template') img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(image('offline', process.platform === 'darwin' ? 'template' : 'color'));
  // Whether the icon shows anywhere (Linux may have no tray host: tray-host.ts).
  const trayHost = watchTrayHost(process.platform, process.env, deps.run, (message, data) => diag('app', message, data));

  // The tray takes focus before its click arrives (Windows): focus is remembered (window-toggle.ts).
  const focusWatch = createFocusWatch();
  const toggleWindow = () => {
    const win = deps.window();
    if (!win) return;
    const action = toggleAction({ visible: win.window.isVisible(), focused: win.window.isFocused() }, focusWatch, Date.now());
    if (action === 'hide') win.window.hide();
    else win.focus();
    refresh();
  };

  const applyDnd = () => {
    const now = Date.now();
    const scheduled = scheduleActive(settings.dndSchedule, now);
    emitEffects(pipeline.setContext({ dnd: dnd.isActive(now) || scheduled }));
    deps.onDnd(scheduled && !dnd.isActive(now) ? { mode: 'on' } : dnd.snapshot(now), scheduled);
    if (dndTimer) clearTimeout(dndTimer);
    const changes = [dnd.nextChange(now), nextScheduleChange(settings.dndSchedule, now)].filter((t): t is number => t !== null);
    const next = changes.length ? Math.min(...changes) : null;
    // A timed DND ends by itself: re-apply when it does (capped so a far date never overflows).
    dndTimer = next === null ? null : setTimeout(applyDnd, Math.min(next - now + 50, 2 ** 31 - 1));
    dndTimer?.unref();
    refresh();
  };

  const setDnd = (mode: DndMode) => {
    dnd = DndState.set(mode, Date.now());
    deps.store.set('dnd', dnd.toJSON());
    diag('app', `do not disturb: ${mode}`, dnd.toJSON());
    applyDnd();
  };

  const onCommand = (command: TrayCommand) => {
    switch (command.type) {
      case 'toggle-window':
        return toggleWindow();
      case 'dnd':
        return setDnd(command.mode);
      case 'set-state':
        return void deps.command(command.profile, { type: 'set-state', state: command.state });
      case 'quit':
        quitting = true;
        return app.quit();
    }
  };

  const controller = createTrayController({ tray, menu: Menu, images: image, platform: process.platform, onCommand });

  const autoAway = watchAutoAway({
    powerMonitor,
    timers: BACKGROUND_INTERVALS,
    settings: settings.autoAway,
    platform: process.platform,
    onCommands: (commands) => {
      for (const c of commands) deps.command(c.profile, { type: 'set-state', state: c.state });
    },
  });

  function refresh(): void {
    const presence = pipeline.presence();
    const byId = new Map(settings.profiles.map((p) => [p.id, p]));
    const profiles = presence.profiles.flatMap((p) => {
      const profile = byId.get(p.profile);
      return profile ? [{ id: p.profile, name: profile.name, vendor: profile.vendor, state: p.state, agentState: p.agentState }] : [];
    });
    const now = Date.now();
    const dndShown = scheduleActive(settings.dndSchedule, now) && !dnd.isActive(now) ? ({ mode: 'on' } as const) : dnd.snapshot(now);
    const input: TrayMenuInput = { windowVisible: deps.window()?.window.isVisible() ?? false, dnd: dndShown, profiles, aggregate: presence.state, now };
    controller.update(input);
    autoAway.presence(profiles.map((p) => ({ profile: p.id, vendor: p.vendor, state: p.state, agentState: p.agentState })));
  }

  return {
    refresh,
    setDnd,
    /** The agent toggles DND from the window (Ctrl/Cmd+Shift+D): on when off, off when on. */
    toggleDnd(): void {
      const now = Date.now();
      setDnd(dnd.isActive(now) || scheduleActive(settings.dndSchedule, now) ? 'off' : 'on');
    },
    /** Settings saved: auto-away and the DND schedule take effect at once. */
    settingsChanged(): void {
      autoAway.setSettings(settings.autoAway);
      applyDnd();
    },
    /** Effects produced by tray actions (DND on/off changes the tray and UI state). */
    onEffects(listener: (effects: Effect[]) => void): void {
      emitEffects = listener;
      applyDnd();
    },
    attachWindow(win: ShellWindow): void {
      // Closing hides to the tray: a softphone that quits on close misses the next call. Where no
      // tray icon can show (tray-host.ts), closing minimizes instead, and the agent is told once.
      let told = false;
      win.window.on('close', (event) => {
        if (quitting) return;
        event.preventDefault();
        const host = trayHost.current;
        if (host.present) win.window.hide();
        else {
          win.window.minimize();
          if (!told) {
            told = true;
            diag('app', 'no tray host: closing the window minimizes it', { reason: host.reason });
            deps.problem(`Closing the window minimizes Switchboard instead of hiding it: ${host.reason}, so a hidden window could not be brought back. Quit is in the window's File menu (press Alt).`);
          }
        }
        void trayHost.refresh(); // ready for the next close
        refresh();
      });
      // A start at login hides the window; with no tray host it starts minimized instead.
      void trayHost.first.then((known) => {
        if (!known.present && win.startedHidden && !win.window.isVisible() && !win.window.isMinimized()) {
          diag('app', 'no tray host: started minimized instead of hidden', { reason: known.reason });
          win.window.showInactive();
          win.window.minimize();
        }
      });
      win.window.on('show', refresh);
      win.window.on('hide', refresh);
      win.window.on('focus', () => focusWatch.focus(Date.now()));
      win.window.on('blur', () => focusWatch.blur(Date.now()));
      if (win.window.isFocused()) focusWatch.focus(Date.now());
      refresh();
    },
    quitting(): void {
      quitting = true;
      autoAway.dispose();
      if (dndTimer) clearTimeout(dndTimer);
    },
  };
}
