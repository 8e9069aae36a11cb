/**
 * `app`: start-up, quit and the app's place on the desktop.
 *
 * Start-up (lib/browser/init.ts:176-200): the app's main script runs first; then, on Windows and Linux
 * right before 'ready', 'will-finish-launching' — where Electron installs its default
 * application menu (File, Edit, View with Reload and Toggle Developer Tools, Window) unless the
 * app already set one (lib/browser/default-menu.ts) — then 'ready' and whenReady().
 *
 * Quit (shell/browser/browser.cc:120-166, 287-322): app.quit() emits 'before-quit' (preventable), asks every
 * window to close (a prevented 'close' cancels the quit), and when the last one is gone emits
 * 'will-quit' (preventable), then 'quit', then the process exits. app.exit(code) destroys the
 * windows without asking and exits. Without a 'window-all-closed' listener of its own, the app
 * quits when its last window closes (lib/browser/init.ts:169-174).
 */
import { readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { emitPreventable, emitSafely, modelEvent, ModelEmitter } from './events';
import { bindMenuApp } from './menu';
import { applicationMenu, applicationMenuSetByApp, setApplicationMenuState } from './menu-state';
import { isLinux, isMac, isWindows } from './platform';
import { dock, getBadgeCount, setBadgeCount } from './attention';
import { isReady, markReady } from './ready-state';
import { fromPartition } from './session';
import { SingleInstance } from './single-instance';
import { recordGap, strict } from './strict';
import { onAllWindowsClosed, onCloseCancelled, openWindows } from './window-list';

export interface DesktopRegistration {
  protocolClients: Array<{ protocol: string; path?: string; args?: string[] }>;
  loginItem: Record<string, unknown> | null;
  appUserModelId: string | null;
  /** Whether the app set it before 'ready' (before any window or toast exists). */
  appUserModelIdBeforeReady: boolean | null;
  exitCode: number | null;
}

export const registration: DesktopRegistration = { protocolClients: [], loginItem: null, appUserModelId: null, appUserModelIdBeforeReady: null, exitCode: null };

/** Hooks boot.ts installs: build the default menu, and shut the browser down at exit. */
export interface AppRuntime {
  defaultMenu(): unknown;
  shutdown(exitCode: number): Promise<void>;
}

function packageJson(mainScript: string): { name: string; productName?: string; version: string } {
  for (let dir = dirname(mainScript); ; dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
    } catch {
      if (dirname(dir) === dir) return { name: 'Electron', version: process.versions.electron ?? '0.0.0' };
    }
  }
}

class App extends ModelEmitter {
  private readonly paths = new Map<string, string>();
  private readonly pkg: { name: string; productName?: string; version: string };
  private quitting = false;
  private exiting = false;
  private shutDown = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private runtime: AppRuntime | null = null;
  private readonly singleton = new SingleInstance(() => this.getPath('userData'));

  constructor() {
    super();
    this.pkg = packageJson(process.env.ELECTRON_MODEL_MAIN ?? process.argv[1] ?? '.');
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    onAllWindowsClosed(() => this.allWindowsClosed());
    onCloseCancelled(() => {
      if (this.quitting && !this.exiting) this.quitting = false;
    });
  }

  get name(): string {
    return this.pkg.productName ?? this.pkg.name;
  }

  get isPackaged(): boolean {
    return process.env.ELECTRON_MODEL_PACKAGED === '1';
  }

  get applicationMenu(): unknown {
    return applicationMenu();
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return this.pkg.version;
  }

  getPath(name: string): string {
    const set = this.paths.get(name);
    if (set) return set;
    const appData = process.env.ELECTRON_MODEL_APPDATA ?? (isMac() ? join(homedir(), 'Library', 'Application Support') : isWindows() ? join(homedir(), 'AppData', 'Roaming') : join(homedir(), '.config'));
    switch (name) {
      case 'home':
        return homedir();
      case 'appData':
        return appData;
      case 'userData':
      case 'sessionData':
        return join(appData, this.name);
      case 'temp':
        return tmpdir();
      case 'logs':
        return join(this.getPath('userData'), 'logs');
      case 'exe':
        return process.execPath;
      default:
        throw recordGap(`app.getPath('${name}')`);
    }
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  isReady(): boolean {
    return isReady();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    return this.singleton.request(additionalData, (second) => {
      emitSafely(this, 'second-instance', modelEvent(), second.argv, second.workingDirectory, second.additionalData);
    });
  }

  hasSingleInstanceLock(): boolean {
    return this.singleton.has();
  }

  releaseSingleInstanceLock(): void {
    this.singleton.release();
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    registration.protocolClients.push({ protocol, ...(path !== undefined ? { path } : {}), ...(args !== undefined ? { args } : {}) });
    return true;
  }

  focus(): void {}

  quit(): void {
    if (this.quitting) return;
    this.quitting = !emitPreventable(this, 'before-quit', modelEvent());
    if (!this.quitting) return;
    if (openWindows().length === 0) void this.notifyAndShutdown();
    else for (const w of [...openWindows()]) w.close();
  }

  exit(code = 0): void {
    this.quitting = true;
    this.exiting = true;
    registration.exitCode = code;
    if (openWindows().length === 0) void this.shutdown(code);
    else for (const w of [...openWindows()]) w.destroy();
  }

  // ---- model-internal ----

  async _boot(runtime: AppRuntime, startBrowser: () => Promise<void>): Promise<void> {
    this.runtime = runtime;
    await startBrowser();
    if (this.shutDown) return;
    emitSafely(this, 'will-finish-launching');
    if (!applicationMenuSetByApp()) setApplicationMenuState(runtime.defaultMenu() as never, false);
    markReady();
    // The default session exists from start-up on, whether or not the app uses it (ElectronBrowserMainParts).
    fromPartition('');
    emitSafely(this, 'ready', modelEvent(), {});
    this.resolveReady();
  }

  private allWindowsClosed(): void {
    if (this.exiting) return void this.shutdown(registration.exitCode ?? 0);
    if (this.quitting) return void this.notifyAndShutdown();
    emitSafely(this, 'window-all-closed');
    // lib/browser/init.ts: with no listener of the app's own, the last window closing quits.
    if (this.listenerCount('window-all-closed') === 0) this.quit();
  }

  private async notifyAndShutdown(): Promise<void> {
    if (this.shutDown) return;
    if (emitPreventable(this, 'will-quit', modelEvent())) {
      this.quitting = false;
      return;
    }
    await this.shutdown(0);
  }

  private async shutdown(code: number): Promise<void> {
    if (this.shutDown) return;
    this.shutDown = true;
    registration.exitCode = code;
    emitSafely(this, 'quit', modelEvent(), code);
    this.singleton.release();
    await this.runtime?.shutdown(code);
    process.exit(code);
  }
}

const instance = new App();
// The quit role runs app.quit() (lib/browser/api/menu-item-roles.ts `quit: { appMethod: () => app.quit() }`),
// and role labels carry the app's name ("Quit Switchboard" on macOS).
bindMenuApp(instance.getName(), () => instance.quit());

/**
 * Per-OS members, as electron_api_app.cc binds them: setAppUserModelId exists on Windows only
 * (docs/api/app.md `app.setAppUserModelId(id)` _Windows_: "Changes the Application User Model
 * ID to id"; Windows files toasts under that id, and shows them only for an id a Start-menu
 * shortcut carries, docs/tutorial/notifications.md "Windows");
 * setLoginItemSettings exists everywhere but does nothing on Linux (browser_linux.cc). What the
 * app registered is recorded as given (`registration.loginItem`), so the app tier reads the path
 * and arguments a Windows Run key would start.
 */
const platformMembers: Record<string, unknown> = {
  // attention.ts: bound on every OS (electron_api_app.cc), documented for Linux and macOS.
  setBadgeCount,
  getBadgeCount,
  setLoginItemSettings: (settings: Record<string, unknown>) => {
    if (!isLinux()) registration.loginItem = { ...settings };
  },
  // docs/api/app.md getLoginItemSettings (macOS and Windows): the fields each OS returns. macOS
  // tells whether this start was macOS opening the app at login (ELECTRON_MODEL_OPENED_AT_LOGIN=1
  // plays that start); openAsHidden and wasOpenedAsHidden no longer exist in Electron 45.
  getLoginItemSettings: () => {
    const openAtLogin = registration.loginItem?.openAtLogin === true;
    if (isMac()) return { openAtLogin, wasOpenedAtLogin: process.env.ELECTRON_MODEL_OPENED_AT_LOGIN === '1', status: openAtLogin ? 'enabled' : 'not-registered' };
    if (isWindows()) return { openAtLogin, executableWillLaunchAtLogin: openAtLogin, launchItems: [] };
    return { openAtLogin };
  },
};
if (isWindows()) {
  platformMembers.setAppUserModelId = (id: string) => {
    if (typeof id !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(id));
    registration.appUserModelId = id;
    registration.appUserModelIdBeforeReady = !isReady();
  };
}
// attention.ts: `dock` exists on macOS only (electron_api_app.cc #if BUILDFLAG(IS_MAC)).
if (dock) platformMembers.dock = dock;
Object.assign(instance, platformMembers);

export const app = strict(instance, 'app');
