/**
 * What "start at login" registers on Windows and macOS, and whether this start is a hidden one.
 * Pure; startup-items.ts hands the result to app.setLoginItemSettings.
 *
 * - Only an installed app registers. From a source checkout (app.isPackaged false) the executable
 *   is the bare Electron (electron.exe, Electron.app): registered, it would start Electron's default
 *   app at every login, without Switchboard (docs/api/app.md, setLoginItemSettings `path` "Defaults
 *   to process.execPath").
 * - Windows: the Run key starts `path` with `args` (docs/api/app.md); Electron quotes each argument
 *   itself (shell/browser/browser_win.cc FormatCommandLineString → AddQuoteForArg), so a policy
 *   path with spaces is passed as it is. The arguments are the hidden start (`--minimized`) and,
 *   when this run uses a policy file other than the machine's (a pilot, `--policy`), that file, so
 *   the login start reads the same policy.
 * - macOS: a login item is the app itself, with no arguments (`args` is Windows-only, and
 *   `openAsHidden` is gone in Electron 45: docs/api/app.md, "Removed `openAsHidden`"). The app asks
 *   at start instead: getLoginItemSettings().wasOpenedAtLogin is true when macOS opened it at login.
 */

export interface StartupChoice {
  atLogin: boolean;
  minimized: boolean;
}

export type LoginItemPlan =
  | { register: true; settings: { openAtLogin: boolean; args?: string[] } }
  | { register: false; reason: string };

export function loginItemPlan(platform: string, packaged: boolean, startup: StartupChoice, policyArg: string | undefined): LoginItemPlan {
  if (platform !== 'win32' && platform !== 'darwin') return { register: false, reason: `no login items on ${platform} (Linux uses an XDG autostart file)` };
  if (!packaged) return { register: false, reason: 'not an installed app: its executable is the bare Electron, which must not start at login' };
  if (platform === 'darwin') return { register: true, settings: { openAtLogin: startup.atLogin } };
  const args = [...(policyArg ? ['--policy', policyArg] : []), ...(startup.minimized ? ['--minimized'] : [])];
  return { register: true, settings: { openAtLogin: startup.atLogin, args } };
}

export interface HiddenStartInput {
  platform: string;
  /** --minimized on this run's command line (what the Windows and Linux login entries pass). */
  minimizedFlag: boolean;
  startup: StartupChoice;
  /** macOS: app.getLoginItemSettings().wasOpenedAtLogin; false elsewhere. */
  wasOpenedAtLogin: boolean;
}

/**
 * Starts hidden in the tray: when the login entry says so (--minimized), or on macOS when macOS
 * opened it at login and the agent chose to start minimized. A start by the agent's own hand
 * shows the window.
 */
export function startsHidden(input: HiddenStartInput): boolean {
  if (input.minimizedFlag) return true;
  return input.platform === 'darwin' && input.startup.atLogin && input.startup.minimized && input.wasOpenedAtLogin;
}
