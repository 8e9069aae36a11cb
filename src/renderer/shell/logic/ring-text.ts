/**
 * The words of the ring surface (RingSurface.tsx), from main's Ring: who calls, how, and what the
 * agent can do. Nouns follow the toasts' (src/shared/core/decide.ts): a chat is never "a call".
 */
import { MEDIA_NOUN } from '../../../shared/core/decide';
import type { Ring } from '../../../shared/ipc/shell-protocol';
import { formatNumber } from '../../../shared/core/phone-format';

export const ringNoun = (ring: Pick<Ring, 'media'>): string => MEDIA_NOUN[ring.media ?? 'unknown'];

/** The caller's name, else their number (formatted), else "Unknown caller". */
export function ringWho(ring: Ring): string {
  return ring.name ?? (ring.number ? formatNumber(ring.number) : 'Unknown caller');
}

/** The number shown beside a name ("" when there is no name, since the number is then the name). */
export function ringSecondNumber(ring: Ring): string {
  return ring.name && ring.number && ring.number !== ring.name ? formatNumber(ring.number) : '';
}

/** What the assertive live region says: "Incoming call from Maria Garcia, +1 650 555 0142, Sales queue, on Sales US". */
export function ringAnnouncement(ring: Ring): string {
  const number = ringSecondNumber(ring);
  const queue = ring.queue ? `, ${ring.queue} queue` : '';
  const who = ring.name || ring.number ? `from ${ringWho(ring)}${number ? `, ${number}` : ''}` : '';
  return `Incoming ${ringNoun(ring)} ${who}${queue}, on ${ring.profileName}`.replace(/\s+,/g, ',').replace(/\s{2,}/g, ' ');
}

/** The header's line: "Ringing: Sales US — Maria Garcia". */
export function headerRingText(ring: Ring): string {
  return `Ringing: ${ring.profileName} — ${ring.name || ring.number ? ringWho(ring) : `Incoming ${ringNoun(ring)}`}`;
}
