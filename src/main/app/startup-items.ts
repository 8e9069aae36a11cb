/**
 * Start at login: the OS login items on Windows and macOS (app.setLoginItemSettings, which does
 * nothing on Linux; what is registered: login-item.ts), an XDG autostart entry on Linux. Both only
 * for an installed app: a source checkout has no stable executable to start, and on Windows and
 * macOS its executable is the bare Electron.
 */
import * as fsp from 'node:fs/promises';
import type { App } from 'electron';
import type { Settings } from '../../shared/contract/settings';
import { diag } from '../diagnostics';
import { applyLinuxAutostart, linuxExecPath } from './autostart';
import { loginItemPlan } from './login-item';

export function applyStartupItems(app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getPath'>, startup: Settings['startup'], policyArg: string | undefined, problem: (message: string) => void): void {
  if (process.platform !== 'linux') {
    const plan = loginItemPlan(process.platform, app.isPackaged, startup, policyArg);
    if (plan.register) app.setLoginItemSettings(plan.settings);
    else if (startup.atLogin) diag('app', `start at login not registered: ${plan.reason}`);
    return;
  }
  if (!app.isPackaged) return;
  void applyLinuxAutostart(fsp, {
    enabled: startup.atLogin,
    minimized: startup.minimized,
    exec: linuxExecPath(process.env, process.execPath),
    env: process.env,
    home: app.getPath('home'),
    args: policyArg ? ['--policy', policyArg] : [],
  }).then((outcome) => ('error' in outcome ? problem(`Could not update the login autostart entry ${outcome.path}: ${outcome.error}`) : diag('app', `autostart ${outcome.action}`, outcome)));
}
