/**
 * Start at login on Linux: the XDG autostart .desktop file, its Exec quoting (Desktop Entry
 * spec), where it goes, and writing/removing it.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLinuxAutostart, autostartPath, desktopExecArg, linuxAutostartEntry, linuxExecPath, type AutostartFs } from '../../../src/main/app/autostart';

/** A reader of Exec per the Desktop Entry spec: string escapes first, then quoting. */
function readExec(value: string): string[] {
  const unescaped = value.replace(/\\([\\nrts])/g, (_, c: string) => ({ '\\': '\\', n: '\n', r: '\r', t: '\t', s: ' ' })[c]!);
  const args: string[] = [];
  for (const m of unescaped.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) args.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return args.map((a) => a.replace(/%%/g, '%'));
}

describe('linuxAutostartEntry', () => {
  it('is a complete, enabled autostart entry', () => {
    expect(linuxAutostartEntry({ exec: '/opt/Switchboard/switchboard', minimized: true })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Switchboard',
        "Comment=Contact-center agent shell, started at login (change it in Switchboard's settings)",
        'Exec=/opt/Switchboard/switchboard --minimized',
        'Icon=switchboard',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        'Hidden=false',
        'NoDisplay=false',
        '',
      ].join('\n'),
    );
    expect(linuxAutostartEntry({ exec: '/usr/bin/switchboard', minimized: false })).toContain('\nExec=/usr/bin/switchboard\n');
  });

  it('quotes Exec arguments per the Desktop Entry spec', () => {
    expect(desktopExecArg('/opt/My Apps/Switchboard.AppImage')).toBe('"/opt/My Apps/Switchboard.AppImage"');
    expect(desktopExecArg('/home/a/50%/sb')).toBe('/home/a/50%%/sb');
    expect(desktopExecArg('/x/$HOME')).toBe('"/x/\\\\$HOME"');
    expect(desktopExecArg('C:\\odd')).toBe('"C:\\\\\\\\odd"'); // a literal backslash is four
    expect(desktopExecArg('')).toBe('""');
  });

  it('round-trips through a spec reader, whatever the path', () => {
    for (const exec of ['/opt/Switchboard/switchboard', '/home/jo smith/Apps/Switch "board".AppImage', "/tmp/it's $(odd)`x` & <y>;#*?~|", '/a\\b/c%d', '/tab\there']) {
      const line = linuxAutostartEntry({ exec, minimized: true, args: ['--policy', '/etc/p q.json'] }).split('\n').find((l) => l.startsWith('Exec='))!;
      expect(readExec(line.slice('Exec='.length))).toEqual([exec, '--policy', '/etc/p q.json', '--minimized']);
    }
  });
});

describe('paths', () => {
  it('$XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/autostart/switchboard.desktop');
    expect(autostartPath({}, '/home/a')).toBe('/home/a/.config/autostart/switchboard.desktop');
    // The XDG spec ignores a relative value.
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/a')).toBe('/home/a/.config/autostart/switchboard.desktop');
  });

  it('an AppImage starts from the AppImage file, not its temporary mount', () => {
    expect(linuxExecPath({ APPIMAGE: '/home/a/Switchboard.AppImage' }, '/tmp/.mount_Switch1/switchboard')).toBe('/home/a/Switchboard.AppImage');
    expect(linuxExecPath({}, '/opt/Switchboard/switchboard')).toBe('/opt/Switchboard/switchboard');
  });
});

describe('applyLinuxAutostart', () => {
  const base = { exec: '/opt/Switchboard/switchboard', minimized: false, args: [] };

  it('writes, leaves an identical file alone, rewrites on change, and removes it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'autostart-'));
    const env = {};
    const file = join(home, '.config/autostart/switchboard.desktop');
    expect(await applyLinuxAutostart(nodeFs, { ...base, enabled: true, env, home })).toEqual({ path: file, action: 'written' });
    expect(readFileSync(file, 'utf8')).toBe(linuxAutostartEntry(base));
    expect(await applyLinuxAutostart(nodeFs, { ...base, enabled: true, env, home })).toEqual({ path: file, action: 'unchanged' });
    expect(await applyLinuxAutostart(nodeFs, { ...base, minimized: true, enabled: true, env, home })).toEqual({ path: file, action: 'written' });
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Switchboard/switchboard --minimized\n');
    expect(await applyLinuxAutostart(nodeFs, { ...base, enabled: false, env, home })).toEqual({ path: file, action: 'removed' });
    expect(existsSync(file)).toBe(false);
    expect(await applyLinuxAutostart(nodeFs, { ...base, enabled: false, env, home })).toEqual({ path: file, action: 'unchanged' });
  });

  it('says what went wrong instead of throwing', async () => {
    const failing: AutostartFs = {
      readFile: async () => {
        throw Object.assign(new Error('no'), { code: 'ENOENT' });
      },
      writeFile: async () => {
        throw Object.assign(new Error('ro'), { code: 'EROFS' });
      },
      mkdir: async () => undefined,
      rm: async () => undefined,
    };
    expect(await applyLinuxAutostart(failing, { ...base, enabled: true, env: {}, home: '/home/a' })).toEqual({
      path: '/home/a/.config/autostart/switchboard.desktop',
      error: 'could not write /home/a/.config/autostart/switchboard.desktop: EROFS',
    });
  });
});
