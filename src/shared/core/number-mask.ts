/**
 * Finding phone-number-like runs of digits in text, whatever digits and separators they are
 * written with, and masking all but their last 4 digits ("•••• 0100").
 *
 * Digits are every Unicode decimal digit (\p{Nd}: Arabic-Indic ٠١٢, Devanagari, fullwidth ０１２…),
 * not only ASCII: an agent's customers write numbers in their own script, and so do vendor
 * clients that localize them. Unicode lays each script's digits out as contiguous runs of ten,
 * 0 to 9 (checked for every code point in test/unit/core/redaction-properties.test.ts), so a
 * digit's value is its distance from the start of its run, modulo 10.
 */

/** Separators people and vendors put inside numbers, ASCII and their Unicode/fullwidth look-alikes. */
const SEPARATORS = String.raw`\s().\-/_\u2010-\u2015\u2212\uFF08\uFF09\uFF0D\uFF0E\uFF0F\uFF3F`;
/** 6+ digits (checked after matching), starting and ending with a digit, optionally after a plus. */
const NUMBER_RUN = new RegExp(String.raw`[+\uFF0B]?\p{Nd}[\p{Nd}${SEPARATORS}]{4,}\p{Nd}`, 'gu');
const DIGIT = /\p{Nd}/u;
const DIGITS = /\p{Nd}/gu;
/** Cheap pre-check: most strings hold fewer than 6 digits of any script and need no regex work. */
const SIX_DIGITS = /(?:\p{Nd}[^\p{Nd}]*){6}/u;

const zeroOf = new Map<number, number>();

/** The ASCII value of a decimal digit of any script. */
export function digitValue(digit: string): number {
  const cp = digit.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let zero = zeroOf.get(cp);
  if (zero === undefined) {
    zero = cp;
    while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    zeroOf.set(cp, zero);
  }
  return (cp - zero) % 10;
}

export function maskNumbers(text: string): string {
  if (!SIX_DIGITS.test(text)) return text;
  return text.replace(NUMBER_RUN, (run) => {
    const digits = run.match(DIGITS) ?? [];
    if (digits.length < 6) return run;
    return `•••• ${digits.slice(-4).map(digitValue).join('')}`;
  });
}

/**
 * A JSON number that could be a phone number (an integer of 6+ digits) becomes its masked text;
 * other numbers (counts, durations, flags) stay numbers.
 */
export function maskNumberValue(value: number): number | string {
  if (!Number.isSafeInteger(value) || Math.abs(value) < 100_000) return value;
  return maskNumbers(String(value));
}
