/**
 * tel:, callto:, sip: and sips: links → the number a softphone dials. Links come from web pages,
 * mail and CRM systems, so everything is checked: what reaches a vendor is a leading "+" (optional)
 * and digits, "*" and "#", at most 32 of them (Huawei AICC's callout limit).
 *
 *   tel:+1-555-123-4567             → +15551234567 (RFC 3966 visual separators - . ( ) dropped)
 *   tel:555-1234;phone-context=example.com → 5551234 (a local number is dialed as the agent would
 *                                     dial it from the desk; the context is noted, not applied)
 *   tel:+15551234;ext=101           → +15551234, extension "101" (softphones cannot dial an
 *                                     extension on connect; main tells the agent to key it in)
 *   callto://+15551234, callto:+15551234 (Skype style, "?call" and a trailing "/" dropped)
 *   sip:+15551234@host;user=phone   → +15551234; sip:1001@pbx → 1001 (a numeric user part is a number)
 *   sip:alice@host                  → error: a SIP address, which none of the softphones Switchboard
 *                                     dials through (RingCentral, Huawei AICC, demo) accepts
 */

export const DIAL_SCHEMES = ['tel', 'callto', 'sip', 'sips'] as const;
export type DialScheme = (typeof DIAL_SCHEMES)[number];

export const MAX_DIAL_DIGITS = 32;
/** Longer "links" are not phone links; refusing early keeps error messages and logs small. */
export const MAX_LINK_LENGTH = 2048;

export interface DialLink {
  scheme: DialScheme;
  /** "+" (optional), then digits, "*" and "#". */
  number: string;
  /** tel: ";ext=": the agent keys it in once the call connects. */
  extension?: string;
  /** Parts of the link that were understood but not applied (phone-context). */
  notes?: string[];
}
export type DialLinkResult = DialLink | { error: string };

const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/i;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
/** RFC 3966 visual separators, plus spaces (callto: links and hand-typed numbers carry them). */
const SEPARATORS_RE = /[-.()\s\u00a0]/g;

/** Whether a command-line argument is meant as a dial link (parsed later, with its own errors). */
export function isDialLink(arg: string): boolean {
  const scheme = SCHEME_RE.exec(arg)?.[1]?.toLowerCase();
  return scheme !== undefined && (DIAL_SCHEMES as readonly string[]).includes(scheme);
}

function quote(url: string): string {
  const shown = url.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'); // eslint-disable-line no-control-regex
  return JSON.stringify(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown);
}

/** A dialable number from the text of a link's number part, or why it is not one. */
export function normalizeNumber(text: string): { number: string } | { error: string } {
  const number = text.replace(SEPARATORS_RE, '');
  if (number === '' || number === '+') return { error: 'there is no number in it' };
  if (/\p{L}/u.test(number)) return { error: 'the number contains letters, which cannot be dialed' };
  const bad = /[^0-9*#+]/.exec(number);
  if (bad) return { error: `the number contains "${bad[0]}", which cannot be dialed` };
  if (number.lastIndexOf('+') > 0) return { error: 'a "+" can only start the number' };
  const digits = number.replace(/^\+/, '');
  if (!/[0-9]/.test(digits)) return { error: 'there is no digit in the number' };
  if (digits.length > MAX_DIAL_DIGITS) return { error: `the number is longer than ${MAX_DIAL_DIGITS} digits` };
  return { number };
}

/** "number;param=value;…" (tel:, callto:, a SIP user part) → number, extension and notes. */
function parseTelLike(body: string): { number: string; extension?: string; notes?: string[] } | { error: string } {
  const [numberPart = '', ...params] = body.split(';');
  const parsed = normalizeNumber(numberPart);
  if ('error' in parsed) return parsed;
  const result: { number: string; extension?: string; notes?: string[] } = { number: parsed.number };
  for (const param of params) {
    const eq = param.indexOf('=');
    const name = (eq < 0 ? param : param.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : param.slice(eq + 1).trim();
    if (name === 'ext') {
      const ext = value.replace(SEPARATORS_RE, '');
      if (!/^[0-9*#]{1,16}$/.test(ext)) return { error: `the extension "${value.slice(0, 20)}" cannot be dialed` };
      result.extension = ext;
    } else if (name === 'phone-context' && !parsed.number.startsWith('+')) {
      result.notes = [...(result.notes ?? []), `local number of "${value.slice(0, 60)}", dialed as it is`];
    }
    // Other parameters (isub, user, postd, vendor extensions) say nothing a softphone can use.
  }
  return result;
}

function parseSipUser(rest: string): { number: string; extension?: string; notes?: string[] } | { error: string } {
  const at = rest.indexOf('@');
  if (at <= 0) return { error: 'the SIP address names no number' };
  if (rest.slice(at + 1).split(/[;?]/)[0] === '') return { error: 'the SIP address names no host' };
  const user = rest.slice(0, at).split(':')[0]!; // drop a ":password"
  const parsed = parseTelLike(user);
  if ('error' in parsed && /\p{L}/u.test(user.split(';')[0]!)) {
    return { error: 'it is a SIP address, not a phone number; the softphones Switchboard dials through (RingCentral, Huawei AICC, demo) take phone numbers only' };
  }
  return parsed;
}

export function parseDialLink(url: string): DialLinkResult {
  if (typeof url !== 'string' || url.trim() === '') return { error: 'Cannot dial an empty link' };
  if (url.length > MAX_LINK_LENGTH) return { error: `Cannot dial a link longer than ${MAX_LINK_LENGTH} characters` };
  const fail = (why: string) => ({ error: `Cannot dial ${quote(url)}: ${why}` });
  if (CONTROL_RE.test(url)) return fail('it contains control characters');
  const trimmed = url.trim();
  const scheme = SCHEME_RE.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme || !(DIAL_SCHEMES as readonly string[]).includes(scheme)) return fail('it is not a tel:, callto:, sip: or sips: link');
  let rest = trimmed.slice(scheme.length + 1).replace(/^\/\//, '');
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return fail('it is badly %-encoded');
  }
  if (CONTROL_RE.test(rest)) return fail('it contains control characters');
  let parsed;
  if (scheme === 'sip' || scheme === 'sips') parsed = parseSipUser(rest);
  else {
    // callto: is Skype's: "callto://+1555?call" and a trailing "/" are common; tel: has neither.
    if (scheme === 'callto') rest = rest.replace(/\?.*$/s, '').replace(/\/$/, '');
    parsed = parseTelLike(rest);
  }
  if ('error' in parsed) return fail(parsed.error);
  return { scheme: scheme as DialScheme, ...parsed };
}
