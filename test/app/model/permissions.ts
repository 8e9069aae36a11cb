/**
 * How Electron answers Chromium's permission questions for a session
 * (shell/browser/electron_permission_manager.cc): with no request handler (:226) every request is
 * GRANTED (RequestPermissionsWithDetails: `if (request_handler_.is_null())` grants all but a
 * disabled geolocation); with no check handler every check is granted except the sanitized
 * clipboard read (CheckPermissionWithDetails, :356). That default is why an app must set both on
 * every session it uses.
 */
export type RequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
export type CheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean;

export function decidePermissionRequest(handler: RequestHandler | null, webContents: unknown, permission: string, details: Record<string, unknown>): Promise<boolean> {
  if (!handler) return Promise.resolve(true);
  return new Promise((resolve) => handler(webContents, permission, (granted) => resolve(granted === true), details));
}

export function decidePermissionCheck(handler: CheckHandler | null, webContents: unknown, permission: string, origin: string, details: Record<string, unknown>): boolean {
  if (!handler) return permission !== 'deprecated-sync-clipboard-read';
  return handler(webContents, permission, origin, details) === true;
}
