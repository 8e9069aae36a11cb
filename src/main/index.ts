/**
 * Switchboard's main process entry: the command line, then what must happen before `ready` —
 * the privileged app:// scheme, the single-instance lock, and the buffers that keep links and
 * second launches arriving while the app starts — then start-app.ts.
 */
import { app, protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol/register';
import { APP_ID } from './app/app-id';
import { parseCommandLine } from './app/cli-args';
import { bufferEarlyEvents } from './app/early-events';
import { startApp } from './app/start-app';
import { diag } from './diagnostics';
import { installLastResort } from './runtime/last-resort';

// First of all: from here on an uncaught exception or unhandled rejection is logged, not a modal
// error box or an exit (runtime/last-resort.ts).
installLastResort(process, (message) => diag('app', message));

const cli = parseCommandLine(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd(), version: app.getVersion() });

if ('message' in cli) {
  // --help, --version: answer and leave without opening a window.
  process.stdout.write(`${cli.message}\n`);
  app.exit(cli.exitCode);
} else {
  // Must happen before `ready`: app:// gets a real origin per host and counts as a secure context.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Tests (and support staff reproducing a problem) run against a throwaway profile directory.
  if (process.env.SWITCHBOARD_USER_DATA) app.setPath('userData', process.env.SWITCHBOARD_USER_DATA);
  // Windows shows toasts only for an AppUserModelID that a Start-menu shortcut carries; the NSIS
  // installer stamps that shortcut with electron-builder's appId, which is APP_ID too (app-id.ts).
  // Before 'ready', so no window or toast exists under another id (docs/api/app.md: _Windows_).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    // Listening from here on: a launch or link during the asynchronous start is kept, not lost.
    const early = bufferEarlyEvents(app, cli.options.links);
    app
      .whenReady()
      .then(() => startApp(cli, early))
      .catch((err: unknown) => diag('app', `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  }
}
