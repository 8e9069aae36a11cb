/**
 * Where tel:/callto:/sip: links come from, wired to the dialer: this launch's command line and
 * macOS 'open-url' (both buffered from the first line of index.ts), and second launches, which
 * also bring the window forward. A second launch's arguments are read in its own working
 * directory (the one Electron passes with 'second-instance'), not this process's.
 */
import { resolve } from 'node:path';
import type { App } from 'electron';
import { parseCommandLine, type CliResult } from './cli-args';
import type { EarlyEvents, SecondLaunch } from './early-events';

export function parseSecondLaunch(launch: SecondLaunch, context: { defaultApp: boolean; version: string }): CliResult {
  return parseCommandLine(launch.argv, { defaultApp: context.defaultApp, cwd: launch.workingDirectory, version: context.version });
}

export interface LinkWiringDeps {
  app: Pick<App, 'setAsDefaultProtocolClient' | 'getVersion'>;
  early: EarlyEvents;
  dial(url: string): void;
  focus(): void;
}

export function wireLinks(deps: LinkWiringDeps): void {
  const context = { defaultApp: Boolean(process.defaultApp), version: deps.app.getVersion() };
  deps.early.links.take((url) => deps.dial(url));
  deps.early.secondLaunches.take((launch) => {
    deps.focus();
    const again = parseSecondLaunch(launch, context);
    if ('options' in again) for (const url of again.options.links) deps.dial(url);
  });
  for (const scheme of ['tel', 'callto', 'sip']) {
    // From a source checkout the OS must start Electron with our entry script.
    // electronegativity-allow PROTOCOL_HANDLER_JS_CHECK: links the OS hands over only ever ask the agent first (dial-wiring.ts)
    if (process.defaultApp) deps.app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(process.argv[1] ?? '.')]);
    // electronegativity-allow PROTOCOL_HANDLER_JS_CHECK: links the OS hands over only ever ask the agent first (dial-wiring.ts)
    else deps.app.setAsDefaultProtocolClient(scheme);
  }
}
