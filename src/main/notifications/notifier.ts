/**
 * Turns notify/dismiss effects into Electron Notifications. Thin glue over toast-model.ts: the
 * Notification class is passed in, so tests use a fake. Toasts are kept referenced until closed
 * (a collected Notification loses its click and action handlers) and closed when their call is
 * answered, ends or is missed.
 */
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Effect, NotifyAction } from '../../shared/contract/effects';
import type { Redaction } from '../../shared/contract/settings';
import { toastFor, toastKey } from '../../shared/notifications/toast-model';

export type NotificationLike = Pick<Notification, 'show' | 'close'> & {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
};

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
}

/** Older toasts beyond this are closed: an agent never needs 50 toasts on screen. */
const MAX_OPEN = 50;

export function createNotifier(deps: NotifierDeps) {
  const open = new Map<string, NotificationLike>();

  const close = (key: string) => {
    const toast = open.get(key);
    if (!toast) return;
    open.delete(key);
    toast.close();
  };

  const show = (effect: Extract<Effect, { type: 'notify' }>) => {
    if (!deps.isSupported()) return deps.log('notifications are not supported on this system', { kind: effect.kind });
    const model = toastFor(effect, { redaction: deps.redaction(), profileName: deps.profileName(effect.profile) });
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
    open.set(model.key, toast);
    if (open.size > MAX_OPEN) close(open.keys().next().value!);
    toast.show();
  };

  return {
    handle(effects: readonly Effect[]): void {
      for (const effect of effects) {
        if (effect.type === 'notify') show(effect);
        else if (effect.type === 'dismiss') {
          if (effect.expired && open.has(toastKey(effect.profile, effect.ref))) deps.log('ring toast closed: no vendor event ended the ring in time', { profile: effect.profile });
          close(toastKey(effect.profile, effect.ref));
        }
      }
    },
    /** Toasts currently on screen (for tests and diagnostics). */
    openCount: () => open.size,
    closeAll(): void {
      for (const key of [...open.keys()]) close(key);
    },
  };
}
