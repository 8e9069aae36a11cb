/**
 * Which error keys the settings form shows next to a field (or a profile card, or the profile
 * list). Errors at any other key (a setting the form does not edit, or a form-level issue from
 * main) are spelled out in the summary by the Save button instead, so no issue goes unseen.
 */
import { FORM_KEY } from './field-errors';

const PROFILE_FIELDS = ['id', 'name', 'vendor', 'url', 'mode', 'media', 'allowedOrigins', 'authHosts', 'notifications'];
const GENERAL_FIELDS = new Set([
  'notifications.ringThroughDnd',
  'notifications.suppressWhenFocused',
  'notifications.ringTimeoutSeconds',
  'ringtone.device',
  'ringtone.secondDevice',
  'ringtone.volume',
  'ringtone.untilAnswered',
  'dndSchedule.enabled',
  'dndSchedule.days',
  'dndSchedule.start',
  'dndSchedule.end',
  'autoAway.enabled',
  'autoAway.idleMinutes',
  'autoAway.onLock',
  'startup.atLogin',
  'startup.minimized',
  'logs.redaction',
  'logs.retentionDays',
  'forwarding.endpoint',
]);
const PROFILE_KEY = new RegExp(`^profiles(\\[\\d+\\](\\.(${PROFILE_FIELDS.join('|')}))?)?$`);

export function isShownAtField(key: string): boolean {
  return key !== FORM_KEY && (GENERAL_FIELDS.has(key) || PROFILE_KEY.test(key));
}
