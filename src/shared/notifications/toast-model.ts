/**
 * What a native notification says and how it behaves, from a core `notify` effect. Pure, so the
 * notifier glue only hands this to Electron's Notification.
 *
 * Calls are call-grade: critical urgency (Linux keeps them on screen and above fullscreen apps),
 * no timeout, Answer/Decline buttons when the vendor supports those commands; otherwise clicking
 * focuses the profile. Misses and messages are normal toasts. Redaction applies to what a toast
 * shows as much as to what is logged: numbers are masked, and "full" shows only what happened.
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

export function toastFor(effect: NotifyEffect, opts: { redaction: Redaction; profileName: string }): ToastModel {
  const call = effect.kind === 'interaction.offered';
  const text =
    opts.redaction === 'full'
      ? fullyRedacted(effect, opts.profileName)
      : { title: redactText(effect.title, opts.redaction), body: redactText(effect.body, opts.redaction) };
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
