/**
 * Main's side of a view's sandboxed renderer: injects the preload (page/preload-runtime.ts
 * around the built preload file) into an isolated world of the main frame before any page
 * script runs, and carries IPC both ways. Synchronous calls (sendSync, exposeInMainWorld,
 * executeInMainWorld) are answered while the renderer is stopped at the runtime's debugger
 * statement, so the preload blocks as it does on Electron's synchronous IPC.
 *
 * Every value crossing here is translated between the page's stand-in origins and main's
 * app:// URLs (scheme.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { browser } from './browser';
import { ipcMain } from './ipc-main';
import { modelEvent } from './events';
import { deepMap, toMain, toPage } from './scheme';
import type { WebFrameMain } from './web-frame';

/** The name Electron gives the world its preloads run in (contextIsolation). */
export const PRELOAD_WORLD = 'Electron Isolated Context';

export interface RendererOwner {
  readonly id: number;
  /** The page's main frame now (senderFrame of IPC from the preload). */
  mainFrame(): WebFrameMain;
  /** The model webContents itself, handed to ipcMain listeners as event.sender. */
  readonly self: unknown;
}

type Incoming =
  | { type: 'send'; channel: string; args: unknown[] }
  | { type: 'send-sync'; channel: string; args: unknown[]; sync: true }
  | { type: 'invoke'; id: number; channel: string; args: unknown[] }
  | { type: 'expose'; key: string; shape: unknown; installer: string; sync: true }
  | { type: 'execute'; source: string; args: unknown[]; sync: true };

type SyncRequest = Extract<Incoming, { sync: true }>;

let runtimeSource: string | null = null;
function runtime(): string {
  runtimeSource ??= readFileSync(new URL('./preload-runtime.js', import.meta.url), 'utf8');
  return runtimeSource;
}

export class RendererHost {
  private readonly token = randomBytes(8).toString('hex');
  private readonly binding = `__electronModelIpc_${this.token}`;
  private readonly replyKey = `__electronModelReply_${this.token}`;
  private sessionId: string | null = null;
  private isolated: number | null = null;
  private mainWorld: number | null = null;
  private readonly pending: SyncRequest[] = [];

  constructor(
    private readonly owner: RendererOwner,
    private readonly targetId: () => string,
    private readonly preloadPath: string,
    private readonly platform: string,
  ) {}

  async install(sessionId: string): Promise<void> {
    this.sessionId = sessionId;
    const { cdp } = browser;
    const preload = readFileSync(this.preloadPath, 'utf8');
    const config = {
      binding: this.binding,
      replyKey: this.replyKey,
      bridgeEvent: `electron-model-bridge-${this.token}`,
      process: { platform: this.platform, type: 'renderer', sandboxed: true, contextIsolated: true, versions: { electron: process.versions.electron ?? '', chrome: '' }, env: {}, argv: [] },
    };
    const source =
      `${runtime()}\n;globalThis.__electronModelRunPreload(${JSON.stringify(config)}, function (exports, require, module, __filename, __dirname, process, Buffer, global, setImmediate, clearImmediate) {\n${preload}\n}, ${JSON.stringify(this.preloadPath)});\n` +
      '//# sourceURL=electron-model://preload';
    await cdp.send('Runtime.addBinding', { name: this.binding, executionContextName: PRELOAD_WORLD }, sessionId);
    await cdp.send('Debugger.enable', {}, sessionId);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: PRELOAD_WORLD }, sessionId);
  }

  /** CDP events of the page's own session. */
  event(method: string, params: Record<string, unknown>): void {
    switch (method) {
      case 'Runtime.executionContextCreated': {
        const context = params.context as { id: number; name: string; auxData?: { frameId?: string; isDefault?: boolean } };
        if (context.auxData?.frameId !== this.targetId()) return;
        if (context.name === PRELOAD_WORLD) this.isolated = context.id;
        else if (context.auxData.isDefault) this.mainWorld = context.id;
        return;
      }
      case 'Runtime.executionContextDestroyed':
        if (params.executionContextId === this.isolated) this.isolated = null;
        if (params.executionContextId === this.mainWorld) this.mainWorld = null;
        return;
      case 'Runtime.executionContextsCleared':
        this.isolated = null;
        this.mainWorld = null;
        return;
      case 'Runtime.bindingCalled':
        if (params.name === this.binding) this.receive(String(params.payload), params.executionContextId as number);
        return;
      case 'Debugger.paused':
        void this.paused(params as { callFrames: Array<{ callFrameId: string; functionName: string }> });
        return;
    }
  }

  /** webContents.send: to the preload's ipcRenderer listeners of the current document. */
  deliver(channel: string, args: unknown[]): void {
    void this.evaluateIsolated({ type: 'message', channel, args: deepMap(args, toPage) });
  }

  private receive(payload: string, contextId: number): void {
    // Only the main frame's preload world holds the binding's caller (the runtime exits in sub frames).
    if (contextId !== this.isolated) return;
    const message = JSON.parse(payload) as Incoming;
    if ('sync' in message) {
      this.pending.push(message);
      return;
    }
    const event = this.ipcEvent();
    const args = deepMap(message.args, toMain) as unknown[];
    if (message.type === 'send') ipcMain._receive(message.channel, event, args);
    else void ipcMain._invoke(message.channel, event, args).then((result) => this.evaluateIsolated({ type: 'invoke-reply', id: message.id, ...result, ...(result.ok ? { value: deepMap(result.value, toPage) } : {}) }));
  }

  private async paused(params: { callFrames: Array<{ callFrameId: string; functionName: string }> }): Promise<void> {
    const { cdp } = browser;
    const sessionId = this.sessionId!;
    const top = params.callFrames[0];
    const request = top?.functionName === '__electronModelSyncPoint' ? this.pending.shift() : undefined;
    if (!top || !request) {
      // A page's own `debugger;` statement: Electron has no debugger attached, so it never stops.
      await cdp.sendMayFail('Debugger.resume', {}, sessionId);
      return;
    }
    let reply: { ok: true; value?: unknown } | { ok: false; error: string };
    try {
      reply = { ok: true, value: await this.answer(request) };
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    const json = JSON.stringify(JSON.stringify(reply));
    await cdp.sendMayFail('Debugger.evaluateOnCallFrame', { callFrameId: top.callFrameId, expression: `globalThis[${JSON.stringify(this.replyKey)}] = ${json}` }, sessionId);
    await cdp.sendMayFail('Debugger.resume', {}, sessionId);
  }

  private async answer(request: SyncRequest): Promise<unknown> {
    switch (request.type) {
      case 'send-sync': {
        const event = this.ipcEvent();
        ipcMain._receive(request.channel, event, deepMap(request.args, toMain) as unknown[]);
        return deepMap(event.returnValue, toPage);
      }
      case 'expose':
        // The installer's source comes from the runtime in the isolated world (page/main-world-bridge.ts).
        return this.evaluateMain(`(${request.installer})(${JSON.stringify({ key: request.key, shape: request.shape, eventName: `electron-model-bridge-${this.token}` })})`);
      case 'execute':
        return this.evaluateMain(`(${request.source})(...${JSON.stringify(request.args)})`);
    }
  }

  private ipcEvent(): { returnValue: unknown } & Record<string, unknown> {
    const frame = this.owner.mainFrame();
    return modelEvent(
      {
        type: 'frame',
        sender: this.owner.self,
        senderFrame: frame.detached ? null : frame,
        frameId: frame.routingId,
        processId: frame.processId,
        ports: [],
        returnValue: undefined,
      },
      'IpcMainEvent',
    ) as unknown as { returnValue: unknown } & Record<string, unknown>;
  }

  private async evaluateMain(expression: string): Promise<unknown> {
    if (this.mainWorld === null) throw new Error('electron model: the main world of this frame is gone');
    const reply = await browser.cdp.send<{ result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
      'Runtime.evaluate',
      { expression, contextId: this.mainWorld, returnByValue: true, awaitPromise: false },
      this.sessionId!,
    );
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description?.split('\n')[0] ?? reply.exceptionDetails.text);
    return reply.result.value;
  }

  private async evaluateIsolated(message: object): Promise<void> {
    if (this.isolated === null || !this.sessionId) return; // no document with a preload right now: dropped, as in Electron
    await browser.cdp.sendMayFail('Runtime.evaluate', { expression: `globalThis.__electronModelDeliver(${JSON.stringify(message)})`, contextId: this.isolated }, this.sessionId);
  }
}
