/**
 * The sessions that show none of a vendor's pages. Electron grants every permission on a
 * session without handlers (shell/browser/electron_permission_manager.cc) and serves app:// on
 * a session only if that session has a handler (shell/browser/protocol_registry.cc), so:
 * - the default session (nothing of ours runs there; anything that lands there gets nothing)
 *   denies every permission;
 * - the shell UI's own session serves app://shell and denies every permission.
 * Profile sessions get theirs in profile-view.ts before their view exists.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Session } from 'electron';
import { handleAppProtocol, SHELL_SESSION_HOSTS } from '../app-protocol/register';
import type { ResolveContext } from '../app-protocol/resolve-request';
import { diag } from '../diagnostics';
import { installDenyAllPermissionHandlers } from '../security/permission-handlers';
import { installShellPermissionHandlers } from '../security/shell-permissions';

const logPermission = (message: string, data: object) => diag('permission', message, data);

export function guardDefaultSession(session: Session): void {
  installDenyAllPermissionHandlers(session, 'default session', logPermission);
}

export function prepareShellSession(session: Session, rendererDir: string, context: () => ResolveContext): void {
  handleAppProtocol(session.protocol, {
    hosts: SHELL_SESSION_HOSTS,
    readFile: (relative) => readFile(join(rendererDir, relative)),
    context,
    log: (message) => diag('protocol', message),
  });
  installShellPermissionHandlers(session, logPermission);
}
