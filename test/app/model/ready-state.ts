/**
 * Whether the app has emitted `ready`. Several Electron constructors refuse to run before it:
 * Tray ("Cannot create Tray before app is ready", shell/browser/api/electron_api_tray.cc),
 * Notification (electron_api_notification.cc), sessions ("Session can only be received when app
 * is ready", electron_api_session.cc); privileged schemes only before it (electron_api_protocol.cc).
 */
let ready = false;

export function markReady(): void {
  ready = true;
}

export function isReady(): boolean {
  return ready;
}

export function requireReady(message: string): void {
  if (!ready) throw new Error(message);
}
