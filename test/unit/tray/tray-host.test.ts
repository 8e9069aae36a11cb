/** Where a tray icon can show, and what counts as "nowhere" (src/main/tray/tray-host.ts). */
import { describe, expect, it } from 'vitest';
import { parseNameHasOwner, probeTrayHost, trayHostVerdict, watchTrayHost, type RunProgram } from '../../../src/main/tray/tray-host';

const GNOME_WAYLAND = { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };

describe('trayHostVerdict', () => {
  it('Windows and macOS always show the icon', () => {
    expect(trayHostVerdict('win32', null, {})).toMatchObject({ present: true });
    expect(trayHostVerdict('darwin', null, {})).toMatchObject({ present: true });
  });

  it('Linux with a StatusNotifier watcher on the bus shows it (KDE Plasma, GNOME with AppIndicator)', () => {
    expect(trayHostVerdict('linux', true, GNOME_WAYLAND)).toEqual({ present: true, via: 'a StatusNotifier host' });
  });

  it('stock GNOME (no watcher) shows it nowhere, and the reason names the fix', () => {
    const verdict = trayHostVerdict('linux', false, GNOME_WAYLAND);
    expect(verdict.present).toBe(false);
    expect(verdict).toMatchObject({ reason: expect.stringContaining('GNOME shows no tray icons') });
    expect(verdict).toMatchObject({ reason: expect.stringContaining('AppIndicator extension') });
  });

  it('without a watcher, an X11 Xfce/MATE/Cinnamon session still has its XEmbed tray; the same desktop on Wayland does not', () => {
    expect(trayHostVerdict('linux', false, { XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toMatchObject({ present: true, via: expect.stringContaining('XFCE') });
    expect(trayHostVerdict('linux', false, { XDG_CURRENT_DESKTOP: 'X-Cinnamon', DISPLAY: ':0' })).toMatchObject({ present: true });
    expect(trayHostVerdict('linux', false, { XDG_CURRENT_DESKTOP: 'XFCE', WAYLAND_DISPLAY: 'wayland-0' }).present).toBe(false);
  });

  it('a bus that cannot be asked counts as no tray host, and says so', () => {
    expect(trayHostVerdict('linux', null, {})).toEqual({ present: false, reason: 'this desktop may show no tray icons (the session bus could not be asked)' });
  });
});

describe('probeTrayHost', () => {
  it("asks the session bus with gdbus whether the watcher's name has an owner, and reads its reply", async () => {
    const calls: Array<{ file: string; args: readonly string[] }> = [];
    const run: RunProgram = async (file, args) => (calls.push({ file, args }), '(true,)\n');
    expect(await probeTrayHost('linux', GNOME_WAYLAND, run)).toMatchObject({ present: true });
    expect(calls).toEqual([
      {
        file: 'gdbus',
        args: ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', 'org.kde.StatusNotifierWatcher'],
      },
    ]);
  });

  it('no gdbus or no bus: no tray host', async () => {
    const run: RunProgram = () => Promise.reject(Object.assign(new Error('spawn gdbus ENOENT'), { code: 'ENOENT' }));
    expect(await probeTrayHost('linux', GNOME_WAYLAND, run)).toMatchObject({ present: false });
  });

  it('does not run anything on Windows or macOS', async () => {
    const run: RunProgram = () => Promise.reject(new Error('must not run'));
    expect(await probeTrayHost('win32', {}, run)).toMatchObject({ present: true });
  });
});

describe('parseNameHasOwner', () => {
  it('reads the GVariant tuple gdbus prints, and nothing else', () => {
    expect(parseNameHasOwner('(true,)\n')).toBe(true);
    expect(parseNameHasOwner('(false,)')).toBe(false);
    expect(parseNameHasOwner('Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull();
  });
});

describe('watchTrayHost', () => {
  it('on Linux counts as no tray host until the bus answers, then keeps the answer and logs only changes', async () => {
    let reply = '(true,)';
    const logged: string[] = [];
    const watch = watchTrayHost('linux', GNOME_WAYLAND, async () => reply, (message) => void logged.push(message));
    expect(watch.current.present).toBe(false);
    await watch.first;
    expect(watch.current).toMatchObject({ present: true });
    await watch.refresh();
    expect(logged).toEqual(['tray icon shown by a StatusNotifier host']);
    reply = '(false,)'; // the extension was switched off
    await watch.refresh();
    expect(watch.current.present).toBe(false);
    expect(logged).toEqual(['tray icon shown by a StatusNotifier host', 'no tray host']);
  });

  it('on Windows has a tray host from the start', () => {
    expect(watchTrayHost('win32', {}, () => Promise.reject(new Error('must not run')), () => undefined).current.present).toBe(true);
  });
});
