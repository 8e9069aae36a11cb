/**
 * Switchboard's main process entry: the command line, what must happen before `ready`
 * (privileged scheme, single instance, early macOS link events), then start-app.ts.
 */
import { app, protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol/register';
import { parseCommandLine } from './app/cli-args';
import { startApp, type LinkSource } from './app/start-app';
import { diag } from './diagnostics';

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
  // Windows shows toasts only for apps with an AppUserModelId (the installer registers the same).
  if (process.platform === 'win32') app.setAppUserModelId('com.switchboard.desktop');

  // macOS delivers tel:/callto:/sip: links as open-url, possibly before `ready`: keep them.
  const pending: string[] = [...cli.options.links];
  let deliver: ((url: string) => void) | null = null;
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (deliver) deliver(url);
    else pending.push(url);
  });
  const links: LinkSource = {
    take(sink) {
      deliver = sink;
      for (const url of pending.splice(0)) sink(url);
    },
  };

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    app.whenReady().then(
      () => startApp(cli, links),
      (err: unknown) => diag('app', `failed to start: ${String(err)}`),
    );
  }
}
