/**
 * What a click on the tray icon (or the menu's show/hide item) does to the window: hide it when the
 * agent was looking at it, otherwise bring it forward.
 *
 * "Was looking at it" cannot be read from isFocused() at the click: on Windows the taskbar, where
 * the icon lives, takes activation when it is pressed, and Electron delivers the click afterwards,
 * as a task posted from the notify icon's window procedure (electron/electron
 * shell/browser/ui/win/notify_icon_host.cc, WM_LBUTTONDOWN → PostTask(HandleClickEvent)); the
 * window's own 'blur' is also posted (shell/browser/api/electron_api_base_window.cc OnWindowBlur →
 * EmitEventSoon). So a focused window is never focused in the click handler there, and a plain
 * "focused → hide" never hides. The watch below remembers focus from the window's events instead:
 * focused as far as its events said (a 'blur' not yet delivered), or blurred only a moment ago.
 * Opening a context menu takes focus the same way on every desktop, so one rule serves all.
 * Pure: the window and the clock come in.
 */

/** A window that lost focus this recently before the click still counts as the one in front. */
export const FOCUS_GRACE_MS = 500;

export interface ToggleWindowState {
  visible: boolean;
  focused: boolean;
}

export interface FocusWatch {
  focus(now: number): void;
  blur(now: number): void;
  /** At the click: was the window the one the agent was using? */
  wasInFront(window: ToggleWindowState, now: number): boolean;
}

export function createFocusWatch(graceMs = FOCUS_GRACE_MS): FocusWatch {
  let focusedByEvents = false;
  let blurredAt = Number.NEGATIVE_INFINITY;
  return {
    focus() {
      focusedByEvents = true;
    },
    blur(now) {
      focusedByEvents = false;
      blurredAt = now;
    },
    wasInFront(window, now) {
      if (!window.visible) return false;
      return window.focused || focusedByEvents || now - blurredAt <= graceMs;
    },
  };
}

export type ToggleAction = 'hide' | 'show';

export function toggleAction(window: ToggleWindowState, watch: FocusWatch, now: number): ToggleAction {
  return watch.wasInFront(window, now) ? 'hide' : 'show';
}
