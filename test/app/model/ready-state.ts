/**
 * Whether the app has emitted `ready`. Several Electron constructors refuse to run before it:
 * Tray ("Cannot create Tray before app is ready", shell/browser/api/electron_api_tray.cc:73),
 * Notification (electron_api_notification.cc:127), sessions ("Session can only be received when app
 * is ready", electron_api_session.cc:1925); privileged schemes only before it (electron_api_protocol.cc:364).
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
