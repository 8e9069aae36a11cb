/**
 * electron-builder.yml: every fuse, the installer targets, per-machine NSIS, the macOS usage
 * descriptions and the link schemes are pinned here, so none can silently regress. The file is
 * also checked against electron-builder's own schema (the installed, pinned version).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID } from '../../../src/main/app/app-id';
import { resourcesDir } from '../../../src/main/app/paths';

const ROOT = join(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder config', () => {
  it('sets every Electron fuse to the hardened value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // Asar integrity and only-load-from-asar mean nothing without an asar.
    expect(config.asar).toBe(true);
  });

  it('identifies the app as main does (Windows toasts need the same AppUserModelId)', () => {
    // main sets APP_ID as its AppUserModelID before 'ready' (src/main/index.ts; app tier:
    // test/app/notification-fallback.spec.ts); the installer writes appId on the shortcut.
    expect(config.appId).toBe(APP_ID);
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toMatch(/app\.setAppUserModelId\(APP_ID\)/);
    expect(config.productName).toBe('Switchboard');
  });

  it('Windows: the installer creates the Start-menu shortcut that carries the AppUserModelID (no shortcut, no toasts)', () => {
    // electron/electron docs/tutorial/notifications.md "Windows": a Start Menu shortcut with an
    // AppUserModelID. electron-builder's NSIS template (the installed, pinned version) creates it
    // unless createStartMenuShortcut is false, and stamps it with APP_ID, our appId.
    expect(config.nsis.createStartMenuShortcut).toBe(true);
    const template = readFileSync(join(ROOT, 'node_modules/app-builder-lib/templates/nsis/include/installer.nsh'), 'utf8');
    const startMenu = template.slice(template.indexOf('!macro addStartMenuLink'), template.indexOf('!macroend', template.indexOf('!macro addStartMenuLink')));
    expect(startMenu).toContain('WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"');
  });

  it('macOS: call notifications are alerts (they stay, with their buttons), not banners that vanish', () => {
    // electron/electron docs/api/structures/notification-action.md "Button support on macOS": the
    // app is signed and has NSUserNotificationAlertStyle set to alert in its Info.plist.
    expect(config.mac.extendInfo.NSUserNotificationAlertStyle).toBe('alert');
  });

  it('ships only the build output and package.json, and the tray icons as extra resources', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.extraResources).toEqual([{ from: 'resources/tray', to: 'tray' }]);
    expect(existsSync(join(ROOT, 'resources/tray/available-16.png'))).toBe(true);
  });

  it('builds deb, rpm and AppImage with a category; per-machine assisted NSIS; dmg', () => {
    expect(config.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
    expect(config.linux.category).toBeTruthy();
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb needs a maintainer e-mail
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('tells macOS why Switchboard asks for the microphone and the camera', () => {
    const info = config.mac.extendInfo as Record<string, string>;
    for (const key of ['NSMicrophoneUsageDescription', 'NSCameraUsageDescription']) {
      expect(info[key], key).toMatch(/^Switchboard uses the (microphone|camera) .{30,}\.$/);
    }
  });

  it('signed macOS builds keep the microphone and camera under the hardened runtime', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(ROOT, config.mac[key] as string), 'utf8');
      expect(plist).toMatch(/<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/);
      expect(plist).toMatch(/<key>com\.apple\.security\.device\.camera<\/key>\s*<true\/>/);
    }
  });

  it('registers tel:, callto: and sip: (CFBundleURLTypes on macOS, x-scheme-handler MimeType on Linux)', () => {
    expect(config.protocols).toEqual([{ name: 'Telephone links', schemes: ['tel', 'callto', 'sip'] }]);
    // electron-builder derives both from `protocols`; a second list beside it would duplicate them.
    expect(config.linux.mimeTypes).toBeUndefined();
    expect(config.mac.extendInfo.CFBundleURLTypes).toBeUndefined();
  });

  it('passes electron-builder\'s own schema', async () => {
    const require = createRequire(join(ROOT, 'node_modules/electron-builder/package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('npm run dist builds and packages; electron is a devDependency, as electron-builder requires', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.yml');
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies['electron-builder']).toMatch(/^2[6-9]\.\d+\.\d+$/); // electronFuses needs ≥ 25; pinned
  });
});

describe('resourcesDir', () => {
  it('packaged: process.resourcesPath, where extraResources put tray/', () => {
    expect(resourcesDir({ isPackaged: true, resourcesPath: '/opt/Switchboard/resources', appRoot: '/ignored' })).toBe('/opt/Switchboard/resources');
  });

  it('from source: the repository\'s resources/ folder', () => {
    const dir = resourcesDir({ isPackaged: false, resourcesPath: '/electron/resources', appRoot: ROOT });
    expect(dir).toBe(join(ROOT, 'resources'));
    expect(existsSync(join(dir, config.extraResources[0].to, 'available-16.png'))).toBe(true);
  });
});
