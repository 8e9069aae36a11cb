/**
 * The end of a Windows session (logoff, restart, shutdown), as Electron 45 handles WM_ENDSESSION
 * (shell/browser/native_window_views_win.cc): every window hears 'session-end' once, with a
 * WindowSessionEndEvent carrying `reasons` (shell/browser/api/electron_api_base_window.cc
 * OnWindowEndSession; docs/api/structures/window-session-end-event.md), and right after the
 * listeners return the process is gone: Electron calls TerminateCurrentProcessImmediately(0)
 * unless a quit is already under way, and then Windows kills it anyway ("The OS kills us and our
 * child processes right after this returns"). No 'before-quit', 'will-quit' or 'quit' is emitted
 * (docs/api/app.md, the notes under each), no 'exit' listener runs, and no promise, timer or I/O
 * callback the listeners started gets to finish.
 *
 * The model terminates the same way: process.reallyExit skips Node's 'exit' listeners, as
 * TerminateProcess skips every handler. Before that it writes what the app tier checks at the
 * end of a test (model gaps, uncaught exceptions) to stderr synchronously, as the one report the
 * harness can still read (app-process.ts, terminationReport).
 */
import { writeSync } from 'node:fs';
import { emitSafely, modelEvent } from './events';
import { isWindows } from './platform';
import { modelGaps, uncaughtErrors } from './strict';
import { TERMINATION_MARK } from './termination';
import { BaseWindow } from './window';

const REASONS = new Set(['shutdown', 'close-app', 'critical', 'logoff']);

export function endSession(reasons: readonly string[]): never {
  if (!isWindows()) throw new Error('electron model: session-end is emitted on Windows only (docs/api/base-window.md)');
  for (const r of reasons) if (!REASONS.has(r)) throw new Error(`electron model: "${r}" is not a WM_ENDSESSION reason`);
  for (const window of BaseWindow.getAllWindows()) {
    if (!window.isDestroyed()) emitSafely(window, 'session-end', modelEvent({ reasons: [...reasons] }, 'WindowSessionEndEvent'));
  }
  writeSync(2, `${TERMINATION_MARK}${JSON.stringify({ gaps: [...modelGaps()], uncaught: [...uncaughtErrors()] })}\n`);
  (process as unknown as { reallyExit(code: number): void }).reallyExit(0);
  throw new Error('electron model: the process outlived its termination');
}
