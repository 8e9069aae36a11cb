/**
 * What the app's main process holds on to, measured from inside it for the long-shift test
 * (test/app/long-shift.spec.ts) through the control channel:
 * - the heap used after a full collection, the lowest of three rounds (`globalThis.gc`, present when boot.mjs runs under
 *   `node --expose-gc`; without it the figure is null rather than a noisy pre-GC number);
 * - the listeners on every emitter of Electron's the app can reach: app, ipcMain, each
 *   webContents, each session, each window and the views in it, each tray, powerMonitor and every
 *   open Notification (the model has no nativeTheme: the app does not use it, or it would be a
 *   ModelGap);
 * - Node's active resources by type (process.getActiveResourcesInfo(): ref'd timers, sockets,
 *   pipes, file handles, child processes), which counts the model's own handles (its Chromium,
 *   the CDP socket, the control channel) too — a constant the test's bound absorbs; and, with a
 *   time scale, every timer main has pending, unref'd ones included (time-scale.ts).
 *
 * It also lets the rig forget what only the rig remembers: the model records every toast ever
 * shown for the tests to read (notification.ts), which a real OS does not keep once a toast is
 * closed; a ten-hour shift would otherwise measure the model's own record growing.
 */
import type { EventEmitter } from 'node:events';
import { app } from './app';
import { ipcMain } from './ipc-main';
import { forgetClosedToasts, shownToasts } from './notification';
import { powerMonitor } from './power-monitor';
import { pendingTimers, realClock } from './time-scale';
import { allSessions } from './session';
import { allTrays } from './tray';
import { allWebContents } from './web-contents';
import { BaseWindow, type View } from './window';

export interface ResourceSample {
  /** main's clock (scaled when ELECTRON_MODEL_TIME_SCALE is set). */
  mainNow: number;
  realNow: number;
  /** Bytes, after a full GC; null when the process has no gc(). */
  heapUsed: number | null;
  listeners: Record<string, number>;
  listenersTotal: number;
  /** process.getActiveResourcesInfo() counted by type, plus main's pending timers (ref'd or not) as `timers:timeout` and `timers:interval` when time is scaled. */
  resources: Record<string, number>;
  toastsForgotten: number;
}

const listenersOn = (emitter: EventEmitter): number => emitter.eventNames().reduce((sum, name) => sum + emitter.listenerCount(name), 0);

function viewTree(view: View): View[] {
  return [view, ...view.children.flatMap(viewTree)];
}

function listenerCounts(): Record<string, number> {
  const counts: Record<string, number> = {
    app: listenersOn(app),
    ipcMain: listenersOn(ipcMain),
    powerMonitor: listenersOn(powerMonitor),
    webContents: 0,
    sessions: 0,
    windows: 0,
    views: 0,
    trays: 0,
    openToasts: 0,
  };
  for (const contents of allWebContents()) counts.webContents! += listenersOn(contents);
  for (const session of allSessions()) counts.sessions! += listenersOn(session);
  for (const win of BaseWindow.getAllWindows()) {
    counts.windows! += listenersOn(win);
    for (const view of viewTree(win.contentView)) counts.views! += listenersOn(view);
  }
  for (const tray of allTrays()) counts.trays! += listenersOn(tray);
  for (const toast of shownToasts()) if (toast._view().open) counts.openToasts! += listenersOn(toast);
  return counts;
}

function countByType(types: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of types) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function timerCounts(): Record<string, number> {
  const pending = pendingTimers();
  return pending ? { 'timers:timeout': pending.timeouts, 'timers:interval': pending.intervals } : {};
}

/** Rounds of collection per sample, and the real time between them. */
const HEAP_ROUNDS = 3;
const HEAP_ROUND_GAP_MS = 200;

async function collectedHeap(): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  // The lowest of a few rounds spread over ~half a second: a collection keeps whatever main's work
  // in flight holds at that instant (a feed snapshot being serialised, a log being rotated), which
  // is not retained memory. A CI run sampled hour 6 at 20.06 MB between hours of 17.2 MB with one
  // round; memory that is really kept is there in every round, so the lowest still shows a leak.
  let lowest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < HEAP_ROUNDS; round++) {
    if (round > 0) await new Promise((resolve) => realClock.setTimeout(resolve, HEAP_ROUND_GAP_MS));
    // Twice, with a turn of the event loop between: objects freed by the first pass's finalizers
    // (weak callbacks, FinalizationRegistry) go in the second.
    gc();
    await new Promise((resolve) => realClock.setTimeout(resolve, 0));
    gc();
    lowest = Math.min(lowest, process.memoryUsage().heapUsed);
  }
  return lowest;
}

export async function sampleResources(options: { forgetClosedToasts?: boolean } = {}): Promise<ResourceSample> {
  const toastsForgotten = options.forgetClosedToasts ? forgetClosedToasts() : 0;
  const heapUsed = await collectedHeap();
  const listeners = listenerCounts();
  return {
    mainNow: Date.now(),
    realNow: realClock.now(),
    heapUsed,
    listeners,
    listenersTotal: Object.values(listeners).reduce((a, b) => a + b, 0),
    resources: { ...countByType(process.getActiveResourcesInfo()), ...timerCounts() },
    toastsForgotten,
  };
}
