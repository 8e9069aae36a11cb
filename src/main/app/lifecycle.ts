/**
 * The app's life around its window: on macOS a click on the Dock icon ('activate') brings back a
 * window that was closed to the tray; quitting flushes the durable logs and the forwarding queue
 * first (the first 'before-quit' is held until they are closed, then the quit goes on) and, during
 * a call, only once the agent said so (quit-guard.ts); rings
 * that never resolve expire on a timer even when no capture arrives.
 */
import type { App } from 'electron';

export interface LifecycleDeps {
  app: Pick<App, 'on' | 'quit'>;
  showWindow(): void;
  /** Tray and toasts stop; returns when logs and queues are flushed. */
  beforeQuit(): Promise<void>;
  tick(now: number): void;
  /** Holds the quit while a call is active until the agent answers (quit-guard.ts). */
  quitGuard?: { holds(): boolean };
}

export const TICK_MS = 5_000;

export function wireLifecycle(deps: LifecycleDeps): void {
  // docs/api/app.md, Event 'activate' (macOS): the Dock icon was clicked or the app re-launched.
  deps.app.on('activate', () => deps.showWindow());

  setInterval(() => deps.tick(Date.now()), TICK_MS).unref();

  let closing = false;
  deps.app.on('before-quit', (event) => {
    if (closing) return;
    if (deps.quitGuard?.holds()) return event.preventDefault();
    closing = true;
    event.preventDefault();
    void deps.beforeQuit().finally(() => deps.app.quit());
  });
}
