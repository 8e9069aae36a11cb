/**
 * Whether anything on this desktop shows Switchboard's tray icon. Windows and macOS always do. On
 * Linux Electron's Tray is a StatusNotifierItem on D-Bus first, and only if no
 * `org.kde.StatusNotifierWatcher` owns its name there a GtkStatusIcon, an X11 XEmbed tray icon
 * (electron/electron shell/browser/ui/tray_icon_linux.cc: StatusIconLinuxDbus, then
 * OnImplInitializationFailed → StatusIconGtk, then kNone). Neither failure reaches JavaScript:
 * `new Tray()` succeeds and the icon is simply nowhere. Stock GNOME has no watcher (the
 * AppIndicator extension adds one; Ubuntu ships it) and no XEmbed tray, so there an app that hides
 * its window "to the tray" on close has hidden it for good.
 *
 * So Switchboard asks the session bus the question Chromium asks, with GLib's `gdbus` (no D-Bus
 * client library in main): NameHasOwner(org.kde.StatusNotifierWatcher). Without a watcher, an X11
 * session of a desktop known for its XEmbed tray (Xfce, MATE, Cinnamon, LXDE) still shows the
 * GtkStatusIcon. Anything else, including a bus or `gdbus` that cannot be reached, counts as no
 * tray host: the cost of a wrong "none" is a close that minimizes instead of hiding; the cost of a
 * wrong "present" is an agent who cannot find the window while calls ring.
 */

export type TrayHost = { present: true; via: string } | { present: false; reason: string };

/** Desktops whose panel hosts XEmbed tray icons (XDG_CURRENT_DESKTOP entries, upper-cased). */
const XEMBED_DESKTOPS = new Set(['XFCE', 'MATE', 'X-CINNAMON', 'LXDE']);

export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

/**
 * @param watcher NameHasOwner's answer, or null when the bus could not be asked.
 */
export function trayHostVerdict(platform: string, watcher: boolean | null, env: Readonly<Record<string, string | undefined>>): TrayHost {
  if (platform !== 'linux') return { present: true, via: platform === 'darwin' ? 'the menu bar' : 'the notification area' };
  if (watcher === true) return { present: true, via: 'a StatusNotifier host' };
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').split(':').map((d) => d.trim().toUpperCase());
  const x11 = env.XDG_SESSION_TYPE === 'x11' || (!env.WAYLAND_DISPLAY && Boolean(env.DISPLAY));
  const xembed = desktops.find((d) => XEMBED_DESKTOPS.has(d));
  if (x11 && xembed) return { present: true, via: `the ${xembed} panel's system tray` };
  const desktop = env.XDG_CURRENT_DESKTOP || 'this desktop';
  return {
    present: false,
    reason:
      watcher === false
        ? `${desktop} shows no tray icons (no StatusNotifier host on the session bus; on GNOME the AppIndicator extension adds one)`
        : `${desktop} may show no tray icons (the session bus could not be asked)`,
  };
}

/** Runs a program and resolves with its stdout (node:child_process execFile, in main). */
export type RunProgram = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

/** gdbus prints a method's reply as a GVariant tuple: `(true,)` or `(false,)`. */
export function parseNameHasOwner(stdout: string): boolean | null {
  const text = stdout.trim();
  if (text === '(true,)') return true;
  if (text === '(false,)') return false;
  return null;
}

export async function probeTrayHost(platform: string, env: Readonly<Record<string, string | undefined>>, run: RunProgram): Promise<TrayHost> {
  if (platform !== 'linux') return trayHostVerdict(platform, null, env);
  let watcher: boolean | null;
  try {
    const args = ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', STATUS_NOTIFIER_WATCHER];
    watcher = parseNameHasOwner(await run('gdbus', args, 2000));
  } catch {
    watcher = null; // No gdbus, no session bus, or no answer in time.
  }
  return trayHostVerdict(platform, watcher, env);
}

export interface TrayHostWatch {
  /** The latest answer; on Linux "none" until the first probe answers (the safe side). */
  readonly current: TrayHost;
  /** The first probe's answer. */
  readonly first: Promise<TrayHost>;
  /** Asks again (the host may come or go: an extension switched on); the answer becomes `current`. */
  refresh(): Promise<TrayHost>;
}

/** Probes at once, keeps the latest answer, and logs each answer that differs from the last. */
export function watchTrayHost(platform: string, env: Readonly<Record<string, string | undefined>>, run: RunProgram, log: (message: string, data: TrayHost) => void): TrayHostWatch {
  let current: TrayHost = platform === 'linux' ? { present: false, reason: 'this desktop may show no tray icons (still checking)' } : trayHostVerdict(platform, null, env);
  let said = '';
  const refresh = async (): Promise<TrayHost> => {
    const found = await probeTrayHost(platform, env, run);
    const text = JSON.stringify(found);
    if (text !== said) log(found.present ? `tray icon shown by ${found.via}` : 'no tray host', found);
    said = text;
    current = found;
    return found;
  };
  const first = refresh();
  return {
    get current() {
      return current;
    },
    first,
    refresh,
  };
}
