/**
 * One running Switchboard in the app tier: the real built main process in its own Node process
 * under the Electron model, with its own user-data folder. The test talks to it two ways:
 * - the model's control channel (Node IPC): what the OS side shows (windows, tray, toasts, what
 *   was opened) and what the agent does there (clicks the tray, a toast button, presses a key);
 * - Playwright connected to the same Chromium, for the pages themselves, as the agent sees them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import type { ModelState } from '../model/control';
import { TERMINATION_MARK } from '../model/termination';
import { startDesktopBus } from './desktop-bus';
import { MAIN_ENTRY, MODEL_BOOT, ROOT } from './paths';

export type ModelPlatform = 'linux' | 'win32' | 'darwin';

export interface LaunchOptions {
  userData: string;
  /** The main script to run (default: the built Switchboard, out/main/index.js). */
  main?: string;
  /** Model gaps this run is expected to reach (the model's own tests); any other fails the test. */
  allowGaps?: string[];
  platform?: ModelPlatform;
  packaged?: boolean;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Milliseconds before a renderer that does not answer counts as hung (model default 15 s). */
  hungMs?: number;
  /** Wait for the model's Chromium (false for a second instance, which quits before it is up). */
  waitReady?: boolean;
  /**
   * Linux: whether the desktop hosts tray icons (default true: a StatusNotifier watcher on the
   * session bus, desktop-bus.ts). false plays stock GNOME on Wayland: a bus with no watcher.
   */
  trayHost?: boolean;
  /** main's clocks and timers run this many times as fast (test/app/model/time-scale.ts). */
  timeScale?: number;
  /** main's clock starts at this ISO time (with timeScale). */
  clockStart?: string;
  /** Run the app's Node with --expose-gc, so the `resources` control op reports a collected heap. */
  exposeGc?: boolean;
}

/** The model serves app://<host> to pages as https://app-<host>.localhost (test/app/model/scheme.ts). */
export const toAppUrl = (pageUrl: string): string => pageUrl.replace(/^https:\/\/app-([a-z0-9.-]+?)\.localhost(?::443)?/, 'app://$1');
export const toPageUrl = (appUrl: string): string => appUrl.replace(/^app:\/\/([a-z0-9.-]+)/, 'https://app-$1.localhost');

export interface DiagLine {
  at: string;
  category: string;
  message: string;
  data?: unknown;
}

export class AppProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  exitCode: number | null = null;
  finalReport: { gaps: string[]; uncaught: string[] } | null = null;
  browser: Browser | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; op: string }>();
  private readonly exited: Promise<number>;
  private readonly modelReady: Promise<string>;

  private constructor(
    readonly child: ChildProcess,
    readonly options: LaunchOptions,
  ) {
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    let out = '';
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop()!;
      this.stdout.push(...lines);
    });
    child.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    child.on('message', (raw: unknown) => {
      const message = raw as { id?: number; ok?: boolean; value?: unknown; error?: string; type?: string; gaps?: string[]; uncaught?: string[] };
      if (message.type === 'model-exit') this.finalReport = { gaps: message.gaps ?? [], uncaught: message.uncaught ?? [] };
      if (message.id === undefined) return;
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (message.ok) call.resolve(message.value);
      else call.reject(new Error(`${call.op}: ${message.error}`));
    });
    this.modelReady = new Promise<string>((resolve, reject) => {
      child.on('message', (m: { type?: string; wsEndpoint?: string }) => {
        if (m.type === 'model-ready') resolve(m.wsEndpoint!);
      });
      child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it started; stderr: ${this.stderr.join('').slice(-2000)}`)));
    });
    this.modelReady.catch(() => undefined);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? 128 : -1);
        for (const call of this.pending.values()) call.reject(new Error(`${call.op}: the app exited (${code ?? signal})`));
        this.pending.clear();
        resolve(this.exitCode);
      }),
    );
  }

  static async launch(options: LaunchOptions): Promise<AppProcess> {
    mkdirSync(options.userData, { recursive: true });
    const appData = join(options.userData, '..', 'app-data');
    const platform = options.platform ?? 'linux';
    const bus = platform === 'linux' ? await startDesktopBus(options.trayHost !== false) : null;
    const desktop = options.trayHost === false ? { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' } : {};
    const child = spawn(process.execPath, [...(options.exposeGc ? ['--expose-gc'] : []), MODEL_BOOT, options.main ?? MAIN_ENTRY, ...(options.args ?? [])], {
      cwd: options.cwd ?? ROOT,
      env: {
        ...process.env,
        SWITCHBOARD_USER_DATA: options.userData,
        ELECTRON_MODEL_PLATFORM: platform,
        ...(bus ? { DBUS_SESSION_BUS_ADDRESS: bus.address } : {}),
        ...desktop,
        ELECTRON_MODEL_ROOT: ROOT,
        ELECTRON_MODEL_APPDATA: appData,
        ...(options.packaged ? { ELECTRON_MODEL_PACKAGED: '1' } : {}),
        ...(options.hungMs ? { ELECTRON_MODEL_HUNG_MS: String(options.hungMs) } : {}),
        ...(options.timeScale ? { ELECTRON_MODEL_TIME_SCALE: String(options.timeScale) } : {}),
        ...(options.clockStart ? { ELECTRON_MODEL_CLOCK_START: options.clockStart } : {}),
        // DESIGN.md §6: nothing here may ever start the real electron package's download.
        ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist',
        ...(options.env ?? {}),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    child.once('exit', () => bus?.close());
    const app = new AppProcess(child, options);
    if (options.waitReady !== false) {
      try {
        await app.ready();
      } catch (err) {
        await app.kill();
        throw err;
      }
    }
    return app;
  }

  /**
   * What the model wrote as it ended the process the way the OS does (a Windows session ending,
   * model/session-end.ts), when no model-exit message could be sent; null otherwise.
   */
  terminationReport(): { gaps: string[]; uncaught: string[] } | null {
    const line = this.stderr.join('').split('\n').find((l) => l.startsWith(TERMINATION_MARK));
    return line ? (JSON.parse(line.slice(TERMINATION_MARK.length)) as { gaps: string[]; uncaught: string[] }) : null;
  }

  /** Waits until the app's Chromium is up (the model is about to emit 'ready') and connects to it. */
  async ready(): Promise<void> {
    if (this.browser) return;
    let timer: NodeJS.Timeout | undefined;
    const ws = await Promise.race([
      this.modelReady,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the app did not start within 30 s; stderr: ${this.stderr.join('').slice(-2000)}`)), 30_000))),
    ]).finally(() => clearTimeout(timer));
    this.browser = await chromium.connectOverCDP(ws);
  }

  /**
   * A fresh Playwright connection: after a renderer crash Playwright keeps the crashed Page object
   * for that target for good, even once the app has loaded a new renderer into it.
   */
  async reconnect(): Promise<void> {
    const ws = await this.modelReady;
    await this.browser?.close().catch(() => undefined);
    this.browser = await chromium.connectOverCDP(ws);
  }

  call<T = unknown>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.exitCode !== null) return Promise.reject(new Error(`${op}: the app has exited (${this.exitCode})`));
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, op });
      this.child.send({ id, op, args });
    });
  }

  state(): Promise<ModelState> {
    return this.call<ModelState>('state');
  }

  /** The first page whose app URL starts with `prefix` (app://shell/, app://host/profile/demo). */
  async page(prefix: string, timeoutMs = 20_000): Promise<Page> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const pages = this.browser!.contexts().flatMap((c) => c.pages());
      const found = pages.find((p) => toAppUrl(p.url()).startsWith(prefix));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no page at ${prefix}; pages: ${pages.map((p) => toAppUrl(p.url())).join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A frame of `page` whose app URL starts with `prefix`, once it exists. */
  async frame(page: Page, prefix: string, timeoutMs = 20_000): Promise<Frame> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = page.frames().find((f) => toAppUrl(f.url()).startsWith(prefix));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no frame at ${prefix} in ${toAppUrl(page.url())}; frames: ${page.frames().map((f) => toAppUrl(f.url())).join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The model's id for the webContents showing `page`. */
  async contentsOf(page: Page): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    await cdp.detach();
    const found = (await this.state()).contents.find((c) => c.targetId === targetInfo.targetId);
    if (!found) throw new Error(`no webContents for ${toAppUrl(page.url())}`);
    return found.id;
  }

  /** What a probe main script (test/app/probes) printed as its result: a `PROBE <json>` line. */
  async probe<T = unknown>(timeoutMs = 20_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const line = this.stdout.find((l) => l.startsWith('PROBE '));
      if (line) return JSON.parse(line.slice(6)) as T;
      if (Date.now() > until || this.exitCode !== null) throw new Error(`no PROBE line; stdout: ${this.stdout.join('\n').slice(-1000)}; stderr: ${this.stderr.join('').slice(-1000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Diagnostics lines main printed (one JSON object per line on stdout). */
  diag(): DiagLine[] {
    return this.stdout.flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as DiagLine;
        return typeof parsed.category === 'string' ? [parsed] : [];
      } catch {
        return [];
      }
    });
  }

  /** The JSONL lines of the durable event log files. */
  eventLog(): Array<Record<string, unknown>> {
    const dir = join(this.options.userData, 'logs');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.startsWith('events.')).sort();
    } catch {
      return [];
    }
    return files.flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    );
  }

  waitForExit(timeoutMs = 20_000): Promise<number> {
    return Promise.race([this.exited, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`the app did not exit within ${timeoutMs} ms`)), timeoutMs))]);
  }

  /** Ends the process group (the app and its Chromium), whether or not the app still runs. */
  async kill(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    if (!this.child.pid) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // the whole group is gone already
    }
    await this.exited;
  }
}
