/**
 * What a native notification says and how it behaves, from a core `notify` effect. Pure, so the
 * notifier glue only hands this to Electron's Notification.
 *
 * Calls are call-grade: critical urgency (Linux keeps them on screen and above fullscreen apps),
 * no timeout, Answer/Decline buttons when the vendor supports those commands; otherwise clicking
 * focuses the profile. Misses and messages are normal toasts. Redaction applies to what a toast
 * shows as much as to what is logged: numbers are masked, and "full" shows only what happened.
 *
 * Where the OS draws no buttons (Linux: libnotify shows none of the `actions`, only a default
 * activation that clicks — electron/electron shell/browser/notifications/linux/
 * libnotify_notification.cc, docs/api/notification.md `actions` _macOS_ _Windows_), a call's
 * body says what a click does instead.
 */
import type { Effect, NotifyAction } from '../contract/effects';
import type { Redaction } from '../contract/settings';
import { MEDIA_NOUN } from '../core/decide';
import { redactText } from '../core/redaction';

export type NotifyEffect = Extract<Effect, { type: 'notify' }>;

export interface ToastModel {
  title: string;
  body: string;
  urgency: 'critical' | 'normal';
  timeoutType: 'never' | 'default';
  /** Button labels in the order of `actionIds`. */
  actions: { type: 'button'; text: string }[];
  actionIds: NotifyAction[];
  /** Key that identifies the toast so a later `dismiss` for the same call closes it. */
  key: string;
}

const ACTION_LABELS: Record<NotifyAction, string> = { answer: 'Answer', decline: 'Decline' };

export const toastKey = (profile: string, ref: string | undefined): string => `${profile}\u0000${ref ?? ''}`;

function fullyRedacted(effect: NotifyEffect, profileName: string): { title: string; body: string } {
  const noun = MEDIA_NOUN[effect.media ?? (effect.kind === 'message.inbound' ? 'sms' : 'unknown')];
  switch (effect.kind) {
    case 'interaction.offered':
      return { title: `Incoming ${noun}`, body: profileName };
    case 'interaction.missed':
      return { title: `Missed ${noun}`, body: profileName };
    case 'message.inbound':
      return { title: `New ${noun}`, body: profileName };
  }
}

export interface ToastOptions {
  redaction: Redaction;
  profileName: string;
  /** The OS draws the toast's actions as buttons (Windows, macOS); default true. */
  buttonsShown?: boolean;
}

export function toastFor(effect: NotifyEffect, opts: ToastOptions): ToastModel {
  const call = effect.kind === 'interaction.offered';
  const said =
    opts.redaction === 'full'
      ? fullyRedacted(effect, opts.profileName)
      : { title: redactText(effect.title, opts.redaction), body: redactText(effect.body, opts.redaction) };
  // The toast's click focuses the profile (notifier.ts): without buttons that is how to answer.
  const text = call && opts.buttonsShown === false ? { ...said, body: `${said.body}\nClick to open ${opts.profileName}` } : said;
  const actionIds = call ? effect.actions : [];
  return {
    ...text,
    urgency: call ? 'critical' : 'normal',
    timeoutType: call ? 'never' : 'default',
    actions: actionIds.map((id) => ({ type: 'button' as const, text: ACTION_LABELS[id] })),
    actionIds,
    key: toastKey(effect.profile, effect.ref),
  };
}

/**
 * What the shell window's banner says of a ring whose toast the OS did not show: the toast's own
 * words, redacted as the toast is ("full": no caller at all).
 */
export function unshownRingText(effect: NotifyEffect, redaction: Redaction): { headline: string; caller?: string } {
  const headline = `Incoming ${MEDIA_NOUN[effect.media ?? 'unknown']}`;
  return redaction === 'full' ? { headline } : { headline, caller: redactText(effect.title, redaction) };
}
