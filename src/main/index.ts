/**
 * Switchboard's main process entry: what must happen before `ready` (privileged scheme, single
 * instance), then start-app.ts wires the pure core (src/shared) to Electron.
 */
import { app, protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol/register';
import { startApp } from './app/start-app';
import { diag } from './diagnostics';

// Must happen before `ready`: app:// gets a real origin per host and counts as a secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Tests (and support staff reproducing a problem) run against a throwaway profile directory.
if (process.env.SWITCHBOARD_USER_DATA) app.setPath('userData', process.env.SWITCHBOARD_USER_DATA);
// Windows shows toasts only for apps with an AppUserModelId (the installer registers the same).
if (process.platform === 'win32') app.setAppUserModelId('com.switchboard.desktop');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(startApp, (err: unknown) => diag('app', `failed to start: ${String(err)}`));
}
