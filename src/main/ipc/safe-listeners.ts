/**
 * ipcMain listeners that cannot throw. An exception thrown in an `ipcMain.on` listener is an
 * uncaught exception in main: Electron's default handler then shows the agent a modal "A
 * JavaScript error occurred in the main process" box (electron/electron lib/browser/init.ts,
 * which installs that uncaughtException listener unless the app has its own). So every listener
 * answers instead:
 *   - send listeners (`on`) log the reason and drop the message;
 *   - invoke handlers (`handle`) resolve with a typed refusal `{ refused: reason }`
 *     (RefusedSchema in shared/ipc/shell-protocol.ts), which the preload turns into a rejected
 *     promise with that reason;
 *   - sendSync listeners get `returnValue = null` (a sendSync left without a value would block
 *     its renderer).
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { describeZodError } from '../../shared/contract/issues';
import type { Refused } from '../../shared/ipc/shell-protocol';

export type IpcProblemLog = (channel: string, reason: string) => void;

/** A one-line reason from whatever was thrown; a schema failure says what, where and why. */
export function describeThrown(err: unknown): string {
  try {
    const text = err instanceof z.ZodError ? `invalid argument: ${describeZodError(err)}` : err instanceof Error ? `${err.name}: ${err.message}` : `a thrown ${typeof err}`;
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return 'an error that cannot be described';
  }
}

export function safeOn(ipc: Pick<IpcMain, 'on'>, channel: string, listener: (event: IpcMainEvent, arg: unknown) => void, log: IpcProblemLog, sync = false): void {
  ipc.on(channel, (event: IpcMainEvent, arg: unknown) => {
    try {
      listener(event, arg);
    } catch (err) {
      log(channel, `dropped: ${describeThrown(err)}`);
      if (sync) {
        try {
          event.returnValue = null;
        } catch {
          // The event object itself is broken: nothing more can be answered.
        }
      }
    }
  });
}

export function safeHandle(ipc: Pick<IpcMain, 'handle'>, channel: string, handler: (event: IpcMainInvokeEvent, arg: unknown) => unknown, log: IpcProblemLog): void {
  ipc.handle(channel, async (event: IpcMainInvokeEvent, arg: unknown): Promise<unknown> => {
    try {
      return await handler(event, arg);
    } catch (err) {
      const reason = describeThrown(err);
      log(channel, `refused: ${reason}`);
      return { refused: reason } satisfies Refused;
    }
  });
}
