/**
 * Windows logoff, restart and shutdown. Then 'before-quit', 'will-quit' and 'quit' are never
 * emitted (electron/electron docs/api/app.md, the notes under each), so the quit path that flushes
 * the logs (lifecycle.ts) never runs. What Windows sends instead is WM_ENDSESSION, which Electron
 * turns into 'session-end' on every window (docs/api/base-window.md, Event 'session-end' _Windows_:
 * "there is no way to prevent the session from ending") and, right after the listeners return,
 * ends the process on the spot (shell/browser/native_window_views_win.cc, WM_ENDSESSION:
 * `base::Process::TerminateCurrentProcessImmediately(0)` unless a quit is already under way, and
 * "The OS kills us and our child processes right after this returns" either way).
 *
 * So everything has to happen inside the listener, synchronously: no promise, timer or fdatasync
 * callback gets to run afterwards. Every event line is already written by the time it is logged
 * (rolling-sink.ts), so what is left is to write what waits, fdatasync and close the logs, and
 * seal the forwarder's open batch (Services.closeNow). The next start sends that batch.
 */
import type { WindowSessionEndEvent } from 'electron';

export interface SessionEndWindow {
  on(event: 'session-end', listener: (event: WindowSessionEndEvent) => void): unknown;
}

export interface SessionEndDeps {
  window: SessionEndWindow;
  /** Synchronous: the process ends as soon as this returns. `reasons`: 'logoff', 'shutdown', 'critical', 'close-app'. */
  end(reasons: readonly string[]): void;
}

export function wireSessionEnd(deps: SessionEndDeps): void {
  let ended = false;
  deps.window.on('session-end', (event) => {
    // Electron notifies every window once (a static flag in WM_ENDSESSION); be as strict here.
    if (ended) return;
    ended = true;
    const reasons: string[] = Array.isArray(event?.reasons) ? event.reasons.filter((r: unknown) => typeof r === 'string') : [];
    deps.end(reasons);
  });
}
