/**
 * ipcMain as lib/browser/ipc-main-impl.ts and lib/browser/api/web-contents.ts implement it:
 * `on` listeners get (event, ...args) for send and sendSync (sendSync answers with whatever a
 * listener put in event.returnValue); `handle` keeps one handler per channel (a second one
 * throws "Attempted to register a second handler for '<channel>'"), and invoke rejects with
 * "Error invoking remote method '<channel>': <error>" when the handler throws or there is none.
 */
import { ModelEmitter, emitSafely } from './events';
import { strict } from './strict';

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class IpcMain extends ModelEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof handler !== 'function') throw new TypeError(`Expected handler to be a function, but found type '${typeof handler}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Model-internal: a renderer's send/sendSync. */
  _receive(channel: string, event: object, args: unknown[]): void {
    emitSafely(this, channel, event, ...args);
  }

  /** Model-internal: a renderer's invoke. */
  async _invoke(channel: string, event: object, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, error: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
    try {
      return { ok: true, value: await handler(event, ...args) };
    } catch (err) {
      return { ok: false, error: `Error invoking remote method '${channel}': ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
    }
  }
}

export const ipcMain = strict(new IpcMain(), 'ipcMain');
