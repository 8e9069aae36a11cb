/**
 * Every open window, as electron::WindowList keeps them: app.quit() closes them all (asking
 * each, 'close' is preventable), app.exit() destroys them without asking, and the last one
 * closing is what ends a quit (shell/browser/browser.cc:120-132 Browser::Quit, :314-322 OnWindowAllClosed).
 */
export interface ListedWindow {
  readonly id: number;
  /** Asks the window to close ('close' can be prevented); true when it closed. */
  close(): void;
  destroy(): void;
  isDestroyed(): boolean;
}

const windows: ListedWindow[] = [];
const allClosedListeners: Array<() => void> = [];
const cancelledListeners: Array<() => void> = [];

export function addWindow(w: ListedWindow): void {
  windows.push(w);
}

export function removeWindow(w: ListedWindow): void {
  const i = windows.indexOf(w);
  if (i >= 0) windows.splice(i, 1);
  if (windows.length === 0) for (const listener of allClosedListeners) listener();
}

export function openWindows(): readonly ListedWindow[] {
  return windows;
}

/** Browser::OnWindowAllClosed. */
export function onAllWindowsClosed(listener: () => void): void {
  allClosedListeners.push(listener);
}

/** Browser::OnWindowCloseCancelled: a prevented 'close' cancels a quit in progress. */
export function onCloseCancelled(listener: () => void): void {
  cancelledListeners.push(listener);
}

export function closeCancelled(): void {
  for (const listener of cancelledListeners) listener();
}
