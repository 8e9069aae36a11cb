/**
 * An Activity in an agent's words — "12:42 Incoming call — Maria Garcia, +1 650 555 0142 (Sales)
 * — missed" — and the search that finds it by a number however it was typed. Pure and shared.
 */
import type { Activity, ActivityChannel } from './activity';
import { formatNumber } from '../core/phone-format';

const NOUN: Record<ActivityChannel, string> = { call: 'call', chat: 'chat', sms: 'SMS', email: 'email', other: 'task' };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "12:42", local time, 24-hour on every machine. */
export function hourMinute(at: number): string {
  const d = new Date(at);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** "Incoming call", "Outgoing chat". */
export function activityHeadline(a: Activity): string {
  return `${a.direction === 'in' ? 'Incoming' : 'Outgoing'} ${NOUN[a.channel]}`;
}

/** "Maria Garcia, +1 650 555 0142 (Sales)"; '' when the vendor named nobody. */
export function activityParty(a: Activity): string {
  const who = [a.name, a.number && a.number !== a.name ? formatNumber(a.number) : undefined].filter(Boolean).join(', ');
  const queue = a.queue ? `(${a.queue})` : '';
  return [who, queue].filter(Boolean).join(' ');
}

/** What the outcome column says: "missed", "answered", "3 messages". */
export function activityOutcome(a: Activity): string {
  if (a.outcome === 'messages') return a.messages === 1 ? '1 message' : `${a.messages} messages`;
  return a.outcome;
}

/** The whole line, as a screen reader and "Copy" read it. */
export function activityLine(a: Activity, profileName?: string): string {
  const party = activityParty(a);
  const on = profileName ? ` on ${profileName}` : '';
  return `${hourMinute(a.at)} ${activityHeadline(a)}${party ? ` — ${party}` : ''}${on} — ${activityOutcome(a)}`;
}

/** Digits only: what a number search compares ("+1 (650) 555-0142" → "16505550142"). */
export function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/**
 * Does `needle` find this activity? Words match case-insensitively anywhere in its line; a needle
 * that is a number (digits with spaces, '+', '-', '.', parentheses) matches the digits of the
 * stored number, so "650 555 0142" finds "+16505550142" and "+1 650-555-0142" finds both.
 */
export function activityMatches(a: Activity, needle: string, profileName = ''): boolean {
  const text = needle.trim().toLowerCase();
  if (!text) return true;
  if (/^[\d\s+().-]+$/.test(text) && /\d/.test(text)) {
    const digits = digitsOf(text);
    return digitsOf(a.number ?? '').includes(digits) || digitsOf(a.name ?? '').includes(digits);
  }
  return `${activityLine(a, profileName)} ${a.text ?? ''} ${a.profile}`.toLowerCase().includes(text);
}
