/**
 * Wires the permission policy to a profile's session: both the request handler (prompts such as
 * getUserMedia) and the check handler (synchronous queries such as Notification.permission or
 * enumerateDevices labels), because Electron grants whatever only one of them is missing
 * (DESIGN.md §5). Every decision is logged.
 */
import type { Session } from 'electron';
import type { Profile } from '../../shared/contract/profile';
import { describeUrl } from './navigation-policy';
import { decidePermission, type MediaType, type PermissionDecision, type PermissionQuery } from './permission-policy';

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export interface PermissionLogEntry {
  profile: string;
  permission: string;
  /** null when the request carried no URL with a checkable origin. */
  origin: string | null;
  granted: boolean;
  reason: string;
  kind: 'request' | 'check';
}

export interface PermissionHandlerOptions {
  /**
   * Called once per device kind, the first time a media request for it is granted. On macOS the
   * caller asks the OS (systemPreferences.askForMediaAccess) at that moment, so the system prompt
   * appears when the softphone first needs the microphone rather than at app start. Checks do not
   * count: Chromium runs them for mere device enumeration.
   */
  onFirstMediaGrant?: (mediaTypes: MediaType[]) => void;
  /**
   * A frame navigated to a scheme no loader serves and Chromium asks to hand it to the OS
   * ('openExternal', details.externalURL: ElectronBrowserClient::HandleExternalProtocol in
   * shell/browser/electron_browser_client.cc). The navigation guards cancel dial and mailto:
   * links before that (will-frame-navigate); should one get here anyway, the request is still
   * denied and the URL is passed on, so a dial link asks in-app instead of dying silently.
   */
  onExternalLink?: (url: string) => void;
}

export function installPermissionHandlers(
  session: PermissionSession,
  profile: Profile,
  log: (entry: PermissionLogEntry) => void,
  options: PermissionHandlerOptions = {},
): void {
  const alreadyGranted = new Set<MediaType>();

  const record = (query: PermissionQuery): PermissionDecision => {
    const decision = decidePermission(query, profile);
    log({
      profile: profile.id,
      permission: query.permission,
      origin: decision.origin ?? null,
      granted: decision.granted,
      reason: decision.reason,
      kind: query.kind,
    });
    return decision;
  };

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const decision = record({
      permission,
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
      ...(permission === 'media' && 'mediaTypes' in details && details.mediaTypes ? { mediaTypes: details.mediaTypes } : {}),
      kind: 'request',
    });
    // Answer Chromium first: a failing hook must not leave getUserMedia pending forever.
    callback(decision.granted);
    if (permission === 'openExternal' && 'externalURL' in details && typeof details.externalURL === 'string') options.onExternalLink?.(details.externalURL);
    if (decision.granted && decision.mediaTypes && options.onFirstMediaGrant) {
      const fresh = decision.mediaTypes.filter((type) => !alreadyGranted.has(type));
      for (const type of fresh) alreadyGranted.add(type);
      if (fresh.length > 0) options.onFirstMediaGrant(fresh);
    }
  });

  // webContents is null for checks made outside a document (service workers), so nothing here
  // may depend on it; the URL and origin Electron passes are all the policy needs.
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    return record({
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
      ...(details.mediaType ? { mediaType: details.mediaType } : {}),
      kind: 'check',
    }).granted;
  });
}

/**
 * Sessions that show none of a vendor's pages (the shell UI's, the default session) grant
 * nothing: Electron grants every permission on a session without handlers
 * (shell/browser/electron_permission_manager.cc), so these get handlers that say no and log why.
 */
export function installDenyAllPermissionHandlers(session: PermissionSession, owner: string, log: (message: string, data: object) => void): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(false);
    log(`${permission} denied: the ${owner} grants no permission`, { kind: 'request', url: details.requestingUrl ? describeUrl(details.requestingUrl) : null });
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    log(`${permission} denied: the ${owner} grants no permission`, { kind: 'check', origin: requestingOrigin });
    return false;
  });
}
