import { describe, expect, it } from 'vitest';
import { loginItemPlan, startsHidden } from '../../../src/main/app/login-item';

const AT_LOGIN_HIDDEN = { atLogin: true, minimized: true };

describe('login items (Windows, macOS)', () => {
  it('an unpackaged app never registers: its executable is the bare Electron', () => {
    for (const platform of ['win32', 'darwin']) expect(loginItemPlan(platform, false, AT_LOGIN_HIDDEN, undefined)).toMatchObject({ register: false });
  });

  it('Windows: the hidden start and a pilot policy file are passed as arguments, unquoted (Electron quotes them)', () => {
    expect(loginItemPlan('win32', true, AT_LOGIN_HIDDEN, 'C:\\Pilot Files\\policy.json')).toEqual({
      register: true,
      settings: { openAtLogin: true, args: ['--policy', 'C:\\Pilot Files\\policy.json', '--minimized'] },
    });
    expect(loginItemPlan('win32', true, { atLogin: true, minimized: false }, undefined)).toEqual({ register: true, settings: { openAtLogin: true, args: [] } });
    expect(loginItemPlan('win32', true, { atLogin: false, minimized: true }, undefined)).toMatchObject({ settings: { openAtLogin: false } });
  });

  it('macOS: the app itself, no arguments (args is Windows-only; openAsHidden is gone)', () => {
    expect(loginItemPlan('darwin', true, AT_LOGIN_HIDDEN, '/tmp/p.json')).toEqual({ register: true, settings: { openAtLogin: true } });
  });

  it('Linux has no login items (the XDG autostart file instead)', () => {
    expect(loginItemPlan('linux', true, AT_LOGIN_HIDDEN, undefined)).toMatchObject({ register: false });
  });
});

describe('a hidden start', () => {
  const base = { platform: 'darwin', minimizedFlag: false, startup: AT_LOGIN_HIDDEN, wasOpenedAtLogin: false };
  it('macOS: hidden only when macOS opened it at login and the agent chose a minimized start', () => {
    expect(startsHidden({ ...base, wasOpenedAtLogin: true })).toBe(true);
    expect(startsHidden(base)).toBe(false);
    expect(startsHidden({ ...base, wasOpenedAtLogin: true, startup: { atLogin: true, minimized: false } })).toBe(false);
  });
  it('Windows and Linux: the login entry passes --minimized; a start by hand shows the window', () => {
    expect(startsHidden({ ...base, platform: 'win32', minimizedFlag: true })).toBe(true);
    expect(startsHidden({ ...base, platform: 'linux' })).toBe(false);
    expect(startsHidden({ ...base, platform: 'win32', wasOpenedAtLogin: true })).toBe(false);
  });
});
