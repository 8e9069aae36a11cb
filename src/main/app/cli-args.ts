/**
 * Switchboard's command line. Pure: main passes process.argv (or a second instance's argv) and
 * whether Electron runs from source (process.defaultApp, where argv[1] is the app's path).
 *
 * Agents start Switchboard from shortcuts IT made, and Chromium adds switches of its own (a
 * second instance's argv carries several), so an unknown option never stops the app: it starts
 * and says which option it ignored. Only --help and --version print and exit.
 */
import { isAbsolute, resolve } from 'node:path';
import { isDialLink } from '../../shared/links/dial-link';

export interface CliOptions {
  /** Select this profile at start. */
  profile?: string;
  /** Run only the built-in demo softphone (the stored profiles are kept, just not run). */
  demo: boolean;
  /** Absolute directory for the event and diagnostics logs (overrides settings.logs.dir). */
  logDir?: string;
  /** Policy file to use instead of the machine-wide one (policy-source.ts says when it may). */
  policy?: string;
  /** Start hidden in the tray (login items pass it). */
  minimized: boolean;
  /** tel:, callto:, sip: links given as arguments (Windows and Linux open links this way). */
  links: string[];
}

export type CliResult = { options: CliOptions; warnings: string[] } | { message: string; exitCode: number };

export const HELP = `Usage: switchboard [options] [tel:|callto:|sip: link]

Options:
  --profile <id>    select the profile with this id at start
  --demo            run only the built-in demo softphone (your profiles are kept)
  --log-dir <dir>   write the event and diagnostics logs to <dir>
  --policy <file>   use this IT policy file instead of the machine-wide one
                    (installed: only if the machine-wide policy allows it)
  --minimized       start hidden in the tray
  --version         print the version and exit
  --help            print this help and exit

Options that change a setting IT locked are ignored (Switchboard says so).
A tel:, callto: or sip: link dials through the default softphone profile.`;

/** Chromium and Electron switches that may appear in argv; they are Chromium's, not ours. */
const CHROMIUM_SWITCHES = new Set([
  'no-sandbox', 'disable-gpu', 'disable-gpu-sandbox', 'disable-software-rasterizer', 'disable-dev-shm-usage', 'in-process-gpu',
  'enable-logging', 'log-file', 'log-level', 'v', 'vmodule', 'lang', 'force-device-scale-factor', 'high-dpi-support',
  'ozone-platform', 'ozone-platform-hint', 'enable-features', 'disable-features', 'enable-wayland-ime', 'use-gl', 'use-angle',
  'gtk-version', 'proxy-server', 'proxy-bypass-list', 'proxy-pac-url', 'no-proxy-server', 'ignore-certificate-errors',
  'remote-debugging-port', 'inspect', 'inspect-brk', 'allow-file-access-from-files', 'original-process-start-time',
  'disable-http-cache', 'disk-cache-size', 'js-flags', 'force-renderer-accessibility', 'user-data-dir', 'class', 'name',
]);

const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface ParseContext {
  /** process.defaultApp: running as `electron <app path>`, not as the installed Switchboard. */
  defaultApp: boolean;
  /** Relative --log-dir and --policy paths are resolved against this. */
  cwd: string;
  version: string;
}

export function parseCommandLine(argv: readonly string[], context: ParseContext): CliResult {
  const args = argv.slice(context.defaultApp ? 2 : 1);
  const options: CliOptions = { demo: false, minimized: false, links: [] };
  const warnings: string[] = [];
  const path = (p: string) => (isAbsolute(p) ? p : resolve(context.cwd, p));
  const pushPositional = (arg: string) => {
    if (isDialLink(arg)) options.links.push(arg);
    else warnings.push(`Ignored the argument "${arg.slice(0, 60)}": only tel:, callto: and sip: links can be given.`);
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) pushPositional(rest);
      break;
    }
    // macOS Finder on old systems passes a process serial number: not ours, not an error.
    if (arg.startsWith('-psn_')) continue;
    if (!arg.startsWith('-')) {
      pushPositional(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const inline = eq < 0 ? undefined : body.slice(eq + 1);
    // A value: "--x=v" or the next argument (unless that is another option).
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('-')) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case 'help':
      case 'h':
        return { message: HELP, exitCode: 0 };
      case 'version':
        return { message: `Switchboard ${context.version}`, exitCode: 0 };
      case 'demo':
        options.demo = true;
        break;
      case 'minimized':
        options.minimized = true;
        break;
      case 'profile': {
        const id = value();
        if (id === undefined) warnings.push('--profile needs a profile id; ignored.');
        else if (!PROFILE_ID.test(id)) warnings.push(`--profile "${id.slice(0, 60)}" is not a profile id (a–z, 0–9 and "-"); ignored.`);
        else options.profile = id;
        break;
      }
      case 'log-dir':
      case 'policy': {
        const v = value();
        if (!v) warnings.push(`--${name} needs a ${name === 'policy' ? 'file' : 'directory'}; ignored.`);
        else if (name === 'policy') options.policy = path(v);
        else options.logDir = path(v);
        break;
      }
      default:
        if (!CHROMIUM_SWITCHES.has(name)) warnings.push(`Unknown option ${arg.split('=')[0]!.slice(0, 60)} ignored. Run switchboard --help for the options.`);
    }
  }
  return { options, warnings };
}
