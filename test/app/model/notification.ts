/**
 * Notification, per OS, as the agent would see it (docs/api/notification.md and
 * shell/browser/notifications/*):
 * - Linux (libnotify): title and body, urgency and timeoutType; the options' `actions` are not
 *   shown at all — only a default activation ("View") that emits 'click'
 *   (linux/libnotify_notification.cc:128-133 adds that one action and nothing else).
 * - Windows and macOS: the `actions` are buttons; choosing one emits 'action' with
 *   ({actionIndex}, actionIndex). urgency is Linux/Windows only, timeoutType Linux/Windows only.
 * - A toast the OS refuses (control.ts `toastFailure`: an unsigned macOS build, a Windows toast
 *   dropped, no notification daemon on the session bus) emits 'failed' with (event, error) and
 *   never 'show' (shell/browser/api/electron_api_notification.cc `NotificationFailed` →
 *   Emit("failed", error)); the native notification is destroyed with it (notifications/
 *   notification.cc `NotificationFailed` → Destroy()), so it is not on screen and close() is a
 *   no-op. When and with what: macOS, from UNUserNotificationCenter's completion handler, posted
 *   back to the main thread, with the NSError's localizedDescription (mac/cocoa_notification.mm);
 *   Windows, posted back to the UI thread with the HRESULT's message
 *   (win/windows_toast_notification.cc); Linux, synchronously inside show() when
 *   notify_notification_show fails, with an empty string (linux/libnotify_notification.cc
 *   `NotificationFailed()`; docs/api/notification.md labels 'failed' macOS/Windows, but libnotify
 *   emits it too).
 * - No notification presenter (control.ts `notificationSupport`: no libnotify on Linux):
 *   Notification.isSupported() is false and show() does nothing at all, no event either
 *   (electron_api_notification.cc `Show`: `if (presenter_)`, `IsSupported`).
 * The app tier reads every toast shown and acts on it as the agent would.
 */
import { emitSafely, modelEvent, ModelEmitter } from './events';
import { modelPlatform } from './platform';
import { requireReady } from './ready-state';
import { strict } from './strict';

export interface ShownToast {
  id: number;
  title: string;
  body: string;
  /** What the OS draws as buttons (none on Linux). */
  buttons: string[];
  urgency: string | null;
  timeoutType: string | null;
  silent: boolean;
  open: boolean;
  /** The error 'failed' carried, when the OS refused the toast ('' on Linux); null otherwise. */
  failed: string | null;
}

const KNOWN = new Set(['title', 'subtitle', 'body', 'silent', 'icon', 'hasReply', 'timeoutType', 'replyPlaceholder', 'sound', 'urgency', 'actions', 'closeButtonText', 'toastXml', 'id', 'groupId', 'groupTitle']);
let nextId = 1;
const shown: Notification[] = [];

/** What the OS does with toasts from now on (control.ts): refuse each with this error, or show it. */
const os = { failWith: null as string | null, supported: true };

export function setToastFailure(error: string | null): void {
  os.failWith = error;
}

export function setNotificationSupport(supported: boolean): void {
  os.supported = supported;
}

export class Notification extends ModelEmitter {
  readonly _id = nextId++;
  private readonly options: Record<string, unknown>;
  private open = false;
  private everShown = false;
  private failure: string | null = null;
  /** Each show() is a new native notification; close() or a later show() drops the pending one. */
  private attempt = 0;

  constructor(options: Record<string, unknown> = {}) {
    super();
    requireReady('Cannot create Notification before app is ready');
    for (const key of Object.keys(options)) if (!KNOWN.has(key)) throw new TypeError(`electron model: unknown Notification option ${key}`);
    this.options = { ...options };
    return strict(this, 'Notification');
  }

  static isSupported(): boolean {
    return os.supported;
  }

  get title(): string {
    return String(this.options.title ?? '');
  }

  get body(): string {
    return String(this.options.body ?? '');
  }

  show(): void {
    if (!os.supported) return;
    if (!this.everShown) shown.push(this);
    this.everShown = true;
    this.open = false;
    this.failure = null;
    const attempt = ++this.attempt;
    const failWith = os.failWith;
    if (failWith === null) {
      this.open = true;
      emitSafely(this, 'show', modelEvent());
      return;
    }
    const platform = modelPlatform();
    if (platform === 'linux') return this.fail('');
    // macOS and Windows report from another thread: the listener runs after show() returned,
    // and not at all once the notification was closed or shown again (a WeakPtr to it).
    setImmediate(() => {
      if (attempt === this.attempt) this.fail(failWith);
    });
  }

  private fail(error: string): void {
    this.failure = error;
    emitSafely(this, 'failed', modelEvent(), error);
  }

  close(): void {
    this.attempt++;
    if (!this.open) return;
    this.open = false;
    emitSafely(this, 'close', modelEvent({ reason: 'applicationHidden' }));
  }

  // ---- what the agent sees and does (control.ts) ----

  _view(): ShownToast {
    const platform = modelPlatform();
    const actions = Array.isArray(this.options.actions) ? (this.options.actions as Array<{ text?: string }>) : [];
    return {
      id: this._id,
      title: this.title,
      body: this.body,
      buttons: platform === 'linux' ? [] : actions.map((a) => String(a.text ?? '')),
      urgency: platform === 'darwin' ? null : typeof this.options.urgency === 'string' ? this.options.urgency : null,
      timeoutType: platform === 'darwin' ? null : typeof this.options.timeoutType === 'string' ? this.options.timeoutType : null,
      silent: this.options.silent === true,
      open: this.open,
      failed: this.failure,
    };
  }

  _click(): void {
    if (!this.open) throw new Error(`electron model: toast "${this.title}" is not on screen`);
    emitSafely(this, 'click', modelEvent());
    this.open = false;
  }

  _button(label: string): void {
    const view = this._view();
    if (!this.open) throw new Error(`electron model: toast "${this.title}" is not on screen`);
    const index = view.buttons.indexOf(label);
    if (index < 0) throw new Error(`electron model: toast "${this.title}" has no "${label}" button on ${modelPlatform()} (buttons: ${view.buttons.join(', ') || 'none'})`);
    this.open = false;
    emitSafely(this, 'action', modelEvent({ actionIndex: index, selectionIndex: -1 }), index, -1);
  }

  _dismiss(): void {
    if (!this.open) return;
    this.open = false;
    emitSafely(this, 'close', modelEvent({ reason: 'userCanceled' }));
  }
}

export function shownToasts(): Notification[] {
  return shown;
}

/**
 * Drops closed toasts from the record the tests read (the OS keeps nothing of a closed toast; a
 * long run would otherwise measure this record). Returns how many were dropped.
 */
export function forgetClosedToasts(): number {
  const before = shown.length;
  const kept = shown.filter((toast) => toast._view().open);
  shown.splice(0, shown.length, ...kept);
  return before - kept.length;
}
