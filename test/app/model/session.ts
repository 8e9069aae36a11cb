/**
 * Sessions: one Chromium browser context each, with their own protocol handlers and permission
 * handlers, as in Electron where both live on the BrowserContext (ProtocolRegistry per
 * ElectronBrowserContext, shell/browser/protocol_registry.cc; ElectronPermissionManager per
 * context). `persist:` partitions keep their cookies across restarts in the user-data folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser } from './browser';
import { ModelEmitter } from './events';
import { fetchWithSession } from './net-fetch';
import { decidePermissionCheck, decidePermissionRequest, type CheckHandler, type RequestHandler } from './permissions';
import { requireReady } from './ready-state';
import { strict } from './strict';

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class Protocol {
  private readonly handlers = new Map<string, ProtocolHandler>();

  /** protocol.handle throws when the scheme already has a handler (lib/browser/api/protocol.ts: "Failed to register protocol"). */
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    if (!this.handlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** Model-internal: the handler this session serves `scheme` with, if any. */
  _handlerFor(scheme: string): ProtocolHandler | undefined {
    return this.handlers.get(scheme);
  }
}

export class Session extends ModelEmitter {
  readonly protocol: Protocol;
  private requestHandler: RequestHandler | null = null;
  private checkHandler: CheckHandler | null = null;
  private context: Promise<string> | null = null;

  constructor(
    /** '' for the default session. */
    readonly partition: string,
    private readonly userData: () => string,
  ) {
    super();
    this.protocol = strict(new Protocol(), 'Protocol');
  }

  get persistent(): boolean {
    return this.partition === '' || this.partition.startsWith('persist:');
  }

  /** ses.fetch: Chromium's network stack from this session (lib/browser/api/session.ts → net-fetch.ts). */
  fetch(input: string | URL | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response> {
    return fetchWithSession(input, init, this.partition === '' ? 'session.defaultSession' : `Session(${this.partition})`);
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler;
  }

  /** Model-internal: Chromium asks this session whether `permission` may be used (a prompt). */
  _requestPermission(webContents: unknown, permission: string, details: Record<string, unknown>): Promise<boolean> {
    return decidePermissionRequest(this.requestHandler, webContents, permission, details);
  }

  /** Model-internal: Chromium asks synchronously (Permissions API queries, device labels). */
  _checkPermission(webContents: unknown, permission: string, origin: string, details: Record<string, unknown>): boolean {
    return decidePermissionCheck(this.checkHandler, webContents, permission, origin, details);
  }

  get _hasPermissionHandlers(): { request: boolean; check: boolean } {
    return { request: this.requestHandler !== null, check: this.checkHandler !== null };
  }

  /** Model-internal: the browser context behind this session, created on first use. */
  _browserContext(): Promise<string> {
    this.context ??= (async () => {
      const { browserContextId } = await browser.cdp.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
      if (this.persistent) await this.restoreCookies(browserContextId);
      return browserContextId;
    })();
    return this.context;
  }

  /** Model-internal, at quit: what a persistent partition keeps on disk. */
  async _persist(): Promise<void> {
    if (!this.persistent || !this.context || !browser.running) return;
    const browserContextId = await this.context;
    const reply = await browser.cdp.sendMayFail<{ cookies: unknown[] }>('Storage.getCookies', { browserContextId });
    if (!reply) return;
    mkdirSync(this.folder(), { recursive: true });
    writeFileSync(join(this.folder(), 'model-cookies.json'), JSON.stringify(reply.cookies));
  }

  private async restoreCookies(browserContextId: string): Promise<void> {
    let cookies: unknown[];
    try {
      cookies = JSON.parse(readFileSync(join(this.folder(), 'model-cookies.json'), 'utf8')) as unknown[];
    } catch {
      return;
    }
    await browser.cdp.sendMayFail('Storage.setCookies', { cookies, browserContextId });
  }

  /** Where Electron keeps a partition: <userData>/Partitions/<name> (the default session: <userData>). */
  private folder(): string {
    const name = this.partition.replace(/^persist:/, '');
    return this.partition === '' ? this.userData() : join(this.userData(), 'Partitions', encodeURIComponent(name));
  }
}

const sessions = new Map<string, Session>();
let userDataPath: () => string = () => {
  throw new Error('electron model: sessions need app paths');
};

export function bindSessionPaths(userData: () => string): void {
  userDataPath = userData;
}

/** session.fromPartition: '' is the default session; the same partition is the same object. */
export function fromPartition(partition: string): Session {
  requireReady('Session can only be received when app is ready');
  const key = partition ?? '';
  let s = sessions.get(key);
  if (!s) {
    s = strict(new Session(key, () => userDataPath()), key === '' ? 'session.defaultSession' : `Session(${key})`);
    sessions.set(key, s);
  }
  return s;
}

export function allSessions(): Session[] {
  return [...sessions.values()];
}

export const session = strict(
  {
    fromPartition: (partition: string) => fromPartition(partition),
    get defaultSession() {
      return fromPartition('');
    },
  },
  'session',
);
