/**
 * Turns notify/dismiss effects into Electron Notifications. Thin glue over toast-model.ts: the
 * Notification class is passed in, so tests use a fake. Toasts are kept referenced until closed
 * (a collected Notification loses its click and action handlers) and closed when their call is
 * answered, ends or is missed.
 *
 * A ring is never silent: when the OS does not show its toast the ring goes to `fallback` (the
 * shell window rings instead, ring-fallback.ts) until the ring ends. That happens when
 * - the toast emits 'failed' (electron/electron docs/api/notification.md: "Emitted when an error
 *   is encountered while creating and showing the native notification"; unsigned macOS builds
 *   always get it — UNUserNotificationCenter refuses them, mac/cocoa_notification.mm — Windows
 *   when the toast is dropped, win/windows_toast_notification.cc, and Linux too, with an empty
 *   error, when no notification daemon answers, linux/libnotify_notification.cc). The native
 *   notification is destroyed with the failure (shell/browser/notifications/notification.cc),
 *   so a failed toast is no longer open here;
 * - Notification.isSupported() is false (no notification presenter, e.g. no libnotify): show()
 *   would do nothing at all (shell/browser/api/electron_api_notification.cc `Show`).
 * Missed calls and messages that are not shown are only logged: the feed keeps them.
 */
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Effect, NotifyAction } from '../../shared/contract/effects';
import type { Redaction } from '../../shared/contract/settings';
import { toastFor, toastKey, unshownRingText } from '../../shared/notifications/toast-model';

export type NotificationLike = Pick<Notification, 'show' | 'close'> & {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'show', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
};

/** A ringing call the OS did not show, in the words its toast would have used. */
export interface UnshownRingInput {
  /** The toast's key: a later notify of the same ring and its dismiss carry the same. */
  key: string;
  profile: string;
  profileName: string;
  headline: string;
  caller?: string;
  why: 'failed' | 'unsupported';
}

/** The window's ring for rings the OS did not show; it owns which rings those are (ring-fallback.ts). */
export interface RingFallback {
  /** Ring in the window for this ring (again with fresher text when the key is known). */
  show(ring: UnshownRingInput): void;
  /** The ring ended, or the OS showed a toast for it after all; nothing when it is not ringing. */
  end(key: string): void;
  /** The window rings for this key now. */
  isRinging(key: string): boolean;
  /** Every window ring ends (quitting). */
  endAll(): void;
}

export interface NotifierDeps {
  create(options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
  redaction(): Redaction;
  profileName(profile: string): string;
  /** Show the window and select the profile. */
  focusProfile(profile: string): void;
  /** Answer or decline through the vendor's command. */
  act(profile: string, ref: string | undefined, action: NotifyAction): void;
  log(message: string, data?: unknown): void;
  /** The OS draws a toast's actions as buttons (Windows, macOS; not Linux). */
  buttonsShown: boolean;
  fallback: RingFallback;
}

/** Older toasts beyond this are closed: an agent never needs 50 toasts on screen. */
const MAX_OPEN = 50;

type NotifyEffect = Extract<Effect, { type: 'notify' }>;

export function createNotifier(deps: NotifierDeps) {
  const open = new Map<string, NotificationLike>();

  const close = (key: string) => {
    const toast = open.get(key);
    if (!toast) return;
    open.delete(key);
    toast.close();
  };

  const ringInWindow = (effect: NotifyEffect, key: string, why: UnshownRingInput['why']) => {
    if (effect.kind !== 'interaction.offered') return;
    deps.fallback.show({ key, profile: effect.profile, profileName: deps.profileName(effect.profile), ...unshownRingText(effect, deps.redaction()), why });
  };

  const show = (effect: NotifyEffect) => {
    const key = toastKey(effect.profile, effect.ref);
    if (!deps.isSupported()) {
      deps.log('notifications are not supported on this system', { kind: effect.kind, profile: effect.profile });
      return ringInWindow(effect, key, 'unsupported');
    }
    const model = toastFor(effect, { redaction: deps.redaction(), profileName: deps.profileName(effect.profile), buttonsShown: deps.buttonsShown });
    close(model.key); // a repeated notify for the same call replaces its toast
    const toast = deps.create({
      title: model.title,
      body: model.body,
      urgency: model.urgency,
      timeoutType: model.timeoutType,
      actions: model.actions,
      // A ring's toast replaced with what a later event of the same ring named (effects.ts
      // `update`) must not sound a second time for one call.
      silent: effect.update === true,
    });
    toast.on('click', () => deps.focusProfile(effect.profile));
    toast.on('action', (_event, index) => {
      const action = model.actionIds[index];
      if (action) deps.act(effect.profile, effect.ref, action);
      close(model.key);
    });
    toast.on('close', () => {
      if (open.get(model.key) === toast) open.delete(model.key);
    });
    toast.on('show', () => {
      if (open.get(model.key) === toast) deps.fallback.end(model.key);
    });
    toast.on('failed', (_event, error) => {
      // Only while this toast is still the ring's: closed or replaced, its failure changes nothing.
      if (open.get(model.key) !== toast) return;
      open.delete(model.key);
      // Kind and profile only: the title and body name the caller (the error is the OS's own text).
      deps.log('notification failed: the system did not show it', { kind: effect.kind, profile: effect.profile, error: String(error) });
      ringInWindow(effect, model.key, 'failed');
    });
    open.set(model.key, toast);
    if (open.size > MAX_OPEN) close(open.keys().next().value!);
    toast.show();
  };

  return {
    handle(effects: readonly Effect[]): void {
      for (const effect of effects) {
        if (effect.type === 'notify') show(effect);
        else if (effect.type === 'dismiss') {
          const key = toastKey(effect.profile, effect.ref);
          if (effect.expired && (open.has(key) || deps.fallback.isRinging(key))) deps.log('ring toast closed: no vendor event ended the ring in time', { profile: effect.profile });
          close(key);
          deps.fallback.end(key);
        }
      }
    },
    /** Toasts currently on screen (for tests and diagnostics). */
    openCount: () => open.size,
    closeAll(): void {
      for (const key of [...open.keys()]) close(key);
      deps.fallback.endAll();
    },
  };
}
