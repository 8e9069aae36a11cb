import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from '../../../src/main/app/application-menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [String(i.role).toLowerCase()] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    it(`${platform}, packaged: edit commands, and nothing that reloads, zooms or opens developer tools`, () => {
      const r = roles(applicationMenuTemplate({ platform, packaged: true, appName: 'Switchboard' }));
      expect(r).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']));
      for (const banned of ['reload', 'forcereload', 'toggledevtools', 'resetzoom', 'zoomin', 'zoomout', 'viewmenu', 'togglefullscreen']) expect(r).not.toContain(banned);
    });
  }

  it('a source checkout adds developer tools, still no reload', () => {
    const r = roles(applicationMenuTemplate({ platform: 'linux', packaged: false, appName: 'Switchboard' }));
    expect(r).toContain('toggledevtools');
    expect(r).not.toContain('reload');
  });

  it('macOS gets its app menu (with Quit) and Window menu; Windows and Linux a File menu with Quit, since a desktop may show no tray', () => {
    const mac = applicationMenuTemplate({ platform: 'darwin', packaged: true, appName: 'Switchboard' });
    expect(mac[0]?.label).toBe('Switchboard');
    expect(roles(mac)).toEqual(expect.arrayContaining(['quit', 'windowmenu', 'hide']));
    for (const platform of ['win32', 'linux']) {
      const menu = applicationMenuTemplate({ platform, packaged: true, appName: 'Switchboard' });
      expect(menu[0]?.label, platform).toBe('File');
      expect(roles(menu), platform).toContain('quit');
      expect(roles(menu), platform).not.toContain('windowmenu');
    }
  });
});
