/**
 * Start at login on Linux: an XDG autostart entry, ~/.config/autostart/switchboard.desktop
 * (XDG Autostart spec), which GNOME, KDE, Xfce and the others read at login. Windows and macOS use
 * Electron's login items instead (app.setLoginItemSettings). Pure + an injected fs.
 */
import { dirname, isAbsolute, join } from 'node:path';

export interface AutostartEntry {
  /** The program to run: the installed binary, or the AppImage file itself (see linuxExecPath). */
  exec: string;
  /** Start hidden in the tray. */
  minimized: boolean;
  /** Further arguments (e.g. an IT-chosen --policy file). */
  args?: readonly string[];
}

/** Characters the Desktop Entry spec reserves in Exec: an argument holding one is quoted. */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument, per the Desktop Entry spec: "%" doubled (field codes), reserved characters
 * quoted with `"`, `"` ` $ \ backslash-escaped inside the quotes; then the string-value escapes
 * (\\ \n \t \r) apply to the whole, which is why a literal backslash ends up as four.
 */
export function desktopExecArg(arg: string): string {
  const percent = arg.replace(/%/g, '%%');
  const quoted = RESERVED.test(percent) || percent === '' ? `"${percent.replace(/(["`$\\])/g, '\\$1')}"` : percent;
  return quoted.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

export function linuxAutostartEntry({ exec, minimized, args = [] }: AutostartEntry): string {
  const command = [exec, ...args, ...(minimized ? ['--minimized'] : [])].map(desktopExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Switchboard',
    'Comment=Contact-center agent shell, started at login (change it in Switchboard\'s settings)',
    `Exec=${command}`,
    'Icon=switchboard',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'Hidden=false',
    'NoDisplay=false',
    '',
  ].join('\n');
}

/**
 * The binary to start. An AppImage runs from a temporary mount (/tmp/.mount_…) that changes every
 * run, so its entry must name the AppImage file, which the AppImage runtime puts in $APPIMAGE.
 */
export function linuxExecPath(env: Readonly<Record<string, string | undefined>>, execPath: string): string {
  return env.APPIMAGE || execPath;
}

/** $XDG_CONFIG_HOME/autostart/switchboard.desktop; ~/.config when unset or not absolute (XDG spec). */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', 'switchboard.desktop');
}

/** The subset of node:fs/promises used here. */
export interface AutostartFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface ApplyAutostart extends AutostartEntry {
  enabled: boolean;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

export type AutostartOutcome = { path: string; action: 'written' | 'removed' | 'unchanged' } | { path: string; error: string };

/** Writes the entry (only when it differs) or removes it. Never throws: says what went wrong. */
export async function applyLinuxAutostart(fs: AutostartFs, options: ApplyAutostart): Promise<AutostartOutcome> {
  const path = autostartPath(options.env, options.home);
  const current = await fs.readFile(path, 'utf8').catch(() => null);
  try {
    if (!options.enabled) {
      if (current === null) return { path, action: 'unchanged' };
      await fs.rm(path, { force: true });
      return { path, action: 'removed' };
    }
    const wanted = linuxAutostartEntry(options);
    if (current === wanted) return { path, action: 'unchanged' };
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(path, wanted);
    return { path, action: 'written' };
  } catch (err) {
    return { path, error: `could not ${options.enabled ? 'write' : 'remove'} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}
