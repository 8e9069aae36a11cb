/**
 * Notification, per OS, as the agent would see it (docs/api/notification.md and
 * shell/browser/notifications/*):
 * - Linux (libnotify): title and body, urgency and timeoutType; the options' `actions` are not
 *   shown at all — only a default activation ("View") that emits 'click'
 *   (linux/libnotify_notification.cc:128-133 adds that one action and nothing else).
 * - Windows and macOS: the `actions` are buttons; choosing one emits 'action' with
 *   ({actionIndex}, actionIndex). urgency is Linux/Windows only, timeoutType Linux/Windows only.
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
}

const KNOWN = new Set(['title', 'subtitle', 'body', 'silent', 'icon', 'hasReply', 'timeoutType', 'replyPlaceholder', 'sound', 'urgency', 'actions', 'closeButtonText', 'toastXml', 'id', 'groupId', 'groupTitle']);
let nextId = 1;
const shown: Notification[] = [];

export class Notification extends ModelEmitter {
  readonly _id = nextId++;
  private readonly options: Record<string, unknown>;
  private open = false;
  private everShown = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    requireReady('Cannot create Notification before app is ready');
    for (const key of Object.keys(options)) if (!KNOWN.has(key)) throw new TypeError(`electron model: unknown Notification option ${key}`);
    this.options = { ...options };
    return strict(this, 'Notification');
  }

  static isSupported(): boolean {
    return true;
  }

  get title(): string {
    return String(this.options.title ?? '');
  }

  get body(): string {
    return String(this.options.body ?? '');
  }

  show(): void {
    this.open = true;
    if (!this.everShown) shown.push(this);
    this.everShown = true;
    emitSafely(this, 'show', modelEvent());
  }

  close(): void {
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
