/**
 * The Linux desktop's session bus for one app-tier run: a private `dbus-daemon`, and on it, unless
 * the test plays a desktop without one, a process owning `org.kde.StatusNotifierWatcher`, the name
 * a tray host (KDE Plasma, GNOME's AppIndicator extension) holds and the one Switchboard's tray
 * probe asks for (src/main/tray/tray-host.ts). Real D-Bus, real `gdbus` answers: the app runs its
 * probe unchanged. `dbus-test-tool black-hole` (Debian's dbus-tests) owns the name and nothing more,
 * which is all the probe looks at.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const WATCHER = 'org.kde.StatusNotifierWatcher';

export interface DesktopBus {
  address: string;
  close(): void;
}

function watcherOwned(address: string): boolean {
  const args = ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', WATCHER];
  const out = spawnSync('gdbus', args, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address }, encoding: 'utf8', timeout: 2000 });
  return out.stdout.trim() === '(true,)';
}

export async function startDesktopBus(trayHost: boolean): Promise<DesktopBus> {
  // stderr ignored: as root in a container it warns that it cannot raise its fd limit, harmlessly.
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    daemon.once('error', (err) => reject(new Error(`dbus-daemon could not start (apt package dbus-daemon): ${err.message}`)));
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before it printed its address`)));
    createInterface({ input: daemon.stdout! }).once('line', (line) => resolve(line.trim()));
  });
  const children: ChildProcess[] = [daemon];
  const close = () => {
    for (const c of children.reverse()) c.kill('SIGTERM');
  };
  if (trayHost) {
    const holder = spawn('dbus-test-tool', ['black-hole', '--session', `--name=${WATCHER}`], { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address }, stdio: 'ignore' });
    children.push(holder);
    holder.once('error', () => undefined);
    const until = Date.now() + 5000;
    while (!watcherOwned(address)) {
      if (Date.now() > until) {
        close();
        throw new Error(`no owner for ${WATCHER} on the test bus after 5 s (apt packages dbus-tests, libglib2.0-bin)`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return { address, close };
}
