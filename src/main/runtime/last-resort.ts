/**
 * The last-resort handlers for main: an exception nothing caught, or a promise rejection nobody
 * handled, is written to the diagnostics log and the app keeps running. Without a listener of its
 * own, Electron's default uncaughtException listener shows the agent a modal "A JavaScript error
 * occurred in the main process" box (electron/electron lib/browser/init.ts: it does nothing when
 * the app has its own listener, which this is); Node's default for an unhandled rejection ends
 * the process. An agent's shell must neither block on a dialog nor quit mid-call over one bug;
 * what happened is in the diagnostics log for support.
 */
import { describeThrown } from '../ipc/safe-listeners';

type ProcessEvents = {
  on(event: 'uncaughtException', listener: (error: unknown, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
};

export function installLastResort(proc: ProcessEvents, log: (message: string) => void): void {
  const safeLog = (message: string) => {
    try {
      log(message);
    } catch {
      // The log itself failed: nothing is left to tell, and throwing here would recurse.
    }
  };
  const stackOf = (err: unknown) => (err instanceof Error && typeof err.stack === 'string' ? `\n${err.stack.slice(0, 4000)}` : '');
  proc.on('uncaughtException', (error, origin) => safeLog(`uncaught ${origin === 'unhandledRejection' ? 'rejection' : 'exception'} in main, kept running: ${describeThrown(error)}${stackOf(error)}`));
  proc.on('unhandledRejection', (reason) => safeLog(`unhandled promise rejection in main, kept running: ${describeThrown(reason)}${stackOf(reason)}`));
}
