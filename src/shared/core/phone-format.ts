/**
 * One way to write a phone number for reading, shared by the ring surface, the activity list and
 * the Missed list (one rule, so the same caller never reads two ways).
 */

/**
 * A phone number as a person reads it aloud: "+16505550142" → "+1 650 555 0142". Vendors send
 * numbers as they store them (E.164, digits only, or already spaced); every screen shows
 * them grouped. Only what is known for sure is grouped: North American numbers (+1 and ten
 * digits, or ten / eleven bare digits starting 1) as 3-3-4; any other number is shown as sent,
 * because grouping a foreign number by guesswork reads worse than not grouping it.
 */
export function formatNumber(raw: string): string {
  const trimmed = raw.trim();
  // Letters, extensions, SIP addresses: not ours to regroup.
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D/g, '');
  const plus = trimmed.startsWith('+');
  const nanp = (plus && digits.length === 11 && digits.startsWith('1')) || (!plus && digits.length === 11 && digits.startsWith('1'));
  if (nanp) return `+1 ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  if (!plus && digits.length === 10 && /^[2-9]/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return trimmed;
}
