/**
 * The sandboxed renderer side of the model: runs a view's preload in an isolated world of the
 * view's main frame, before any page script, with the `require` Electron gives sandboxed
 * preloads (lib/sandboxed_renderer/init.ts:26-38: `electron`, `events`, `timers`, `url`, nothing
 * else; anything else throws "module not found", preload.ts:65) and the `electron` renderer module:
 * `ipcRenderer` (send, sendSync, invoke, on/once/off) and `contextBridge` (exposeInMainWorld,
 * executeInMainWorld).
 *
 * Transport: one CDP binding per view (visible in this world only). Calls that Electron makes
 * synchronous (sendSync, exposeInMainWorld, executeInMainWorld) call the binding and then stop
 * at a debugger statement; main answers while the renderer is paused and resumes it, so the
 * preload blocks exactly as it does on Electron's synchronous IPC.
 *
 * Bundled as an IIFE (test/app/harness/build.ts) and type-checked as DOM code.
 */
import { installMainWorldApi, type ApiShape } from './main-world-bridge';

export interface RuntimeConfig {
  binding: string;
  /** Where main writes the answer to a synchronous call (a key on this world's global). */
  replyKey: string;
  /** The main world and this world talk through DOM events of this random name. */
  bridgeEvent: string;
  process: { platform: string; type: 'renderer'; sandboxed: true; contextIsolated: true; versions: Record<string, string>; env: Record<string, string>; argv: string[] };
}

type Listener = (event: { sender: unknown; senderId: number; ports: unknown[] }, ...args: unknown[]) => void;
type PreloadFunction = (exports: object, require: (id: string) => unknown, module: { exports: object }, __filename: string, __dirname: string, process: object, Buffer: undefined, global: typeof globalThis, setImmediate: unknown, clearImmediate: unknown) => void;

const world = globalThis as unknown as Record<string, unknown>;

/** Electron serializes IPC arguments with the structured clone algorithm: what it cannot clone throws. */
function cloneable(args: unknown[], what: string): unknown[] {
  try {
    return structuredClone(args);
  } catch {
    throw new Error(`${what}: An object could not be cloned.`);
  }
}

export function runPreload(config: RuntimeConfig, preload: PreloadFunction, preloadPath: string): void {
  // Electron runs a view's preload in its main frame only (nodeIntegrationInSubFrames is off).
  if (window.top !== window) return;
  const binding = world[config.binding] as (payload: string) => void;
  const post = (message: object) => binding(JSON.stringify(message));
  let nextId = 0;

  function __electronModelSyncPoint(): void {
    // eslint-disable-next-line no-debugger -- main answers while the renderer is stopped here
    debugger;
  }
  const sync = (message: object): unknown => {
    world[config.replyKey] = undefined;
    post({ ...message, sync: true });
    __electronModelSyncPoint();
    const raw = world[config.replyKey] as string | undefined;
    world[config.replyKey] = undefined;
    if (raw === undefined) throw new Error('electron model: main did not answer a synchronous call');
    const reply = JSON.parse(raw) as { ok: true; value?: unknown } | { ok: false; error: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  const listeners = new Map<string, Listener[]>();
  const invokes = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ipcRenderer = {
    send(channel: string, ...args: unknown[]) {
      post({ type: 'send', channel: String(channel), args: cloneable(args, `ipcRenderer.send('${channel}')`) });
    },
    sendSync(channel: string, ...args: unknown[]) {
      return sync({ type: 'send-sync', channel: String(channel), args: cloneable(args, `ipcRenderer.sendSync('${channel}')`) });
    },
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const id = ++nextId;
      const payload = cloneable(args, `ipcRenderer.invoke('${channel}')`);
      return new Promise((resolve, reject) => {
        invokes.set(id, { resolve, reject });
        post({ type: 'invoke', id, channel: String(channel), args: payload });
      });
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    once(channel: string, listener: Listener) {
      const wrapped: Listener = (event, ...args) => {
        ipcRenderer.removeListener(channel, wrapped);
        listener(event, ...args);
      };
      return ipcRenderer.on(channel, wrapped);
    },
    removeListener(channel: string, listener: Listener) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return ipcRenderer;
    },
    off(channel: string, listener: Listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeAllListeners(channel?: string) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
  };

  // main → this world (Runtime.evaluate in this context): webContents.send and invoke answers.
  world.__electronModelDeliver = (message: { type: 'message'; channel: string; args: unknown[] } | { type: 'invoke-reply'; id: number; ok: boolean; value?: unknown; error?: string }) => {
    if (message.type === 'invoke-reply') {
      const pending = invokes.get(message.id);
      if (!pending) return;
      invokes.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.error));
      return;
    }
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of [...(listeners.get(message.channel) ?? [])]) listener(event, ...message.args);
  };

  const bridge = createBridge(config.bridgeEvent);
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      sync({ type: 'expose', key: String(key), shape: bridge.shape(api, key), installer: String(installMainWorldApi) });
    },
    executeInMainWorld(script: { func: (...args: unknown[]) => unknown; args?: unknown[] }) {
      if (typeof script?.func !== 'function') throw new Error('contextBridge.executeInMainWorld: func must be a function');
      return sync({ type: 'execute', source: String(script.func), args: cloneable(script.args ?? [], 'contextBridge.executeInMainWorld') });
    },
  };

  const electron = Object.freeze({ ipcRenderer, contextBridge });
  const loaded: Record<string, unknown> = { electron, 'electron/renderer': electron, 'electron/common': electron };
  const require = (id: string): unknown => {
    if (Object.hasOwn(loaded, id)) return loaded[id];
    throw new Error(`module not found: ${id}`);
  };
  const module = { exports: {} };
  const process = Object.freeze({ ...config.process, versions: Object.freeze({ ...config.process.versions }), env: Object.freeze({ ...config.process.env }) });
  preload(module.exports, require, module, preloadPath, preloadPath.replace(/\/[^/]*$/, ''), process, undefined, globalThis, undefined, undefined);
}

/**
 * contextBridge's isolated side: functions stay here and are called from the main world through
 * synchronous DOM events (dispatchEvent runs listeners at once, in every world); values cross as
 * JSON copies, functions and promises as ids, as Electron copies values and proxies functions
 * and promises (docs/api/context-bridge.md, "Parameter / Error / Return Type support").
 */
function createBridge(eventName: string) {
  const functions = new Map<number, (...args: unknown[]) => unknown>();
  let nextFn = 0;
  const register = (fn: (...args: unknown[]) => unknown): number => {
    functions.set(++nextFn, fn);
    return nextFn;
  };
  const toMain = (detail: object) => window.dispatchEvent(new CustomEvent(`${eventName}:to-main`, { detail: JSON.stringify(detail) }));

  /** A value leaving this world: functions and promises by id, the rest copied. */
  const outgoing = (value: unknown): unknown => {
    if (typeof value === 'function') return { $fn: register(value as (...args: unknown[]) => unknown) };
    if (value instanceof Promise) {
      const id = ++nextFn;
      value.then(
        (v) => toMain({ type: 'settle', id, ok: true, value: outgoing(v) }),
        (e: unknown) => toMain({ type: 'settle', id, ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
      return { $promise: id };
    }
    if (Array.isArray(value)) return value.map(outgoing);
    if (value && typeof value === 'object') return { $obj: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, outgoing(v)])) };
    return value === undefined ? { $undefined: true } : value;
  };
  /** A value arriving from the main world: its functions become callers of the main world. */
  const incoming = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(incoming);
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.$callback === 'number') {
        const id = v.$callback;
        return (...args: unknown[]) => toMain({ type: 'callback', id, args: args.map(outgoing) });
      }
      if (v.$undefined === true) return undefined;
      if (v.$obj && typeof v.$obj === 'object') return Object.fromEntries(Object.entries(v.$obj as object).map(([k, x]) => [k, incoming(x)]));
    }
    return value;
  };

  window.addEventListener(`${eventName}:to-isolated`, (event) => {
    const call = JSON.parse((event as CustomEvent<string>).detail) as { id: number; fn: number; args: unknown[] };
    const fn = functions.get(call.fn);
    let reply: object;
    try {
      if (!fn) throw new Error('the function is gone');
      reply = { type: 'return', id: call.id, ok: true, value: outgoing(fn(...(call.args.map(incoming) as unknown[]))) };
    } catch (err) {
      reply = { type: 'return', id: call.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    toMain(reply);
  });

  return {
    shape(api: unknown, key: string): ApiShape {
      if (api === null || (typeof api !== 'object' && typeof api !== 'function')) return { value: api };
      if (typeof api === 'function') return { fn: register(api as (...args: unknown[]) => unknown) };
      const members: Record<string, ApiShape> = {};
      for (const [name, member] of Object.entries(api)) members[name] = this.shape(member, `${key}.${name}`);
      return { object: members };
    },
  };
}

// The source main injects ends by calling this (see renderer-host.ts, preloadSource).
world.__electronModelRunPreload = runPreload;
