/**
 * A small Chrome DevTools Protocol client in flatten mode: one WebSocket to the browser target,
 * every attached target addressed by its sessionId. The model drives Chromium with it directly
 * (not through Playwright) because it needs what Playwright keeps to itself: browser-wide Fetch
 * interception with redirect hops, every frame's id, Debugger pauses for synchronous IPC.
 */
import WebSocket from 'ws';

export type CdpParams = Record<string, unknown>;
type Listener = (params: any, sessionId: string | undefined) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Cdp {
  send<T = any>(method: string, params?: CdpParams, sessionId?: string): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Same as send, but a target that went away meanwhile is not an error (the answer is null). */
  sendMayFail<T = any>(method: string, params?: CdpParams, sessionId?: string): Promise<T | null>; // eslint-disable-line @typescript-eslint/no-explicit-any
  on(method: string, listener: Listener): void;
  close(): void;
  readonly closed: boolean;
}

export class CdpError extends Error {
  constructor(
    readonly method: string,
    readonly detail: string,
  ) {
    super(`${method}: ${detail}`);
  }
}

const GONE = /No session with given id|Target closed|Session with given id not found|No target with given id|Cannot find context|Cannot find default execution context|Inspected target navigated or closed|Execution context was destroyed|Frame with the given id was not found/;

export async function connectCdp(wsUrl: string): Promise<Cdp> {
  const ws = new WebSocket(wsUrl, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Listener[]>();

  ws.on('message', (raw: WebSocket.RawData) => {
    const message = JSON.parse(raw.toString()) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string; data?: string }; sessionId?: string };
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.error) call.reject(new CdpError(call.method, `${message.error.message}${message.error.data ? ` (${message.error.data})` : ''}`));
      else call.resolve(message.result);
      return;
    }
    if (!message.method) return;
    for (const listener of listeners.get(message.method) ?? []) {
      try {
        listener(message.params ?? {}, message.sessionId);
      } catch (err) {
        process.emitWarning(`electron model: a CDP listener for ${message.method} threw: ${(err as Error).stack ?? String(err)}`);
      }
    }
  });
  ws.on('close', () => {
    closed = true;
    for (const call of pending.values()) call.reject(new CdpError(call.method, 'the browser connection closed'));
    pending.clear();
  });

  const send = <T>(method: string, params: CdpParams = {}, sessionId?: string): Promise<T> => {
    if (closed) return Promise.reject(new CdpError(method, 'the browser connection is closed'));
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  };

  return {
    send,
    async sendMayFail<T>(method: string, params?: CdpParams, sessionId?: string) {
      try {
        return await send<T>(method, params, sessionId);
      } catch (err) {
        if (err instanceof CdpError && (GONE.test(err.detail) || closed)) return null;
        throw err;
      }
    },
    on(method, listener) {
      const list = listeners.get(method) ?? [];
      list.push(listener);
      listeners.set(method, list);
    },
    close() {
      closed = true;
      ws.close();
    },
    get closed() {
      return closed;
    },
  };
}
