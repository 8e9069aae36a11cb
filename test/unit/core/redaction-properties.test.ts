/**
 * Property-based checks of `numbers` and `full` redaction (fast-check): a phone number planted
 * anywhere in an event, written in any script's digits with any common separator, never comes out
 * with more than its last 4 digits; `full` keeps none of the vendor's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShellEventSchema, type ShellEvent } from '../../../src/shared/contract/shell-event';
import { digitValue } from '../../../src/shared/core/number-mask';
import { maskNumbers, redactEvent } from '../../../src/shared/core/redaction';

/** The zero of some decimal-digit scripts: ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, fullwidth, mathematical bold. */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce];
const SEPARATORS = [' ', '-', '.', '/', '_', '(', ')', '\u00a0', '\u2011', '\u2013', '\uff0d', '\uff0f'];

/** A 6–15 digit number as ASCII digits and as written (one script, random separators). */
const phone = fc
  .record({
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 15 }),
    zero: fc.constantFrom(...ZEROS),
    seps: fc.array(fc.constantFrom('', '', ...SEPARATORS), { minLength: 15, maxLength: 15 }),
    plus: fc.boolean(),
  })
  .map(({ digits, zero, seps, plus }) => ({
    ascii: digits.join(''),
    written: (plus ? '+' : '') + digits.map((d, i) => String.fromCodePoint(zero + d) + (i < digits.length - 1 ? seps[i]! : '')).join(''),
  }));

/** Text around the number: letters and punctuation, no digits or separators. */
const words = fc.stringMatching(/^[A-Za-z,:;!?'"]{0,12}$/);

type Place = 'party' | 'text' | 'queue' | 'ref' | 'vendorEvent' | 'raw-string' | 'raw-key' | 'raw-number';
const PLACES: Place[] = ['party', 'text', 'queue', 'ref', 'vendorEvent', 'raw-string', 'raw-key', 'raw-number'];

function nest(value: unknown, depth: number): unknown {
  let v = value;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { level: v };
  return v;
}

function planted(place: Place, text: string, ascii: string, depth: number): ShellEvent {
  const e: ShellEvent = { id: 'e', at: 0, profile: 'p', vendor: 'ringcentral-embeddable', kind: 'vendor.other', vendorEvent: 'rc-x', raw: {} };
  switch (place) {
    case 'party': e.party = { number: text.slice(0, 64) }; break;
    case 'text': e.text = text; break;
    case 'queue': e.queue = text; break;
    case 'ref': e.ref = text; break;
    case 'vendorEvent': e.vendorEvent = text; break;
    case 'raw-string': e.raw = nest(text, depth); break;
    case 'raw-key': e.raw = nest({ [text]: true }, depth); break;
    case 'raw-number': e.raw = nest(Number(ascii), depth); break;
  }
  return e;
}

/** Every digit as ASCII, separators and mask dots gone: what a reader could reassemble. */
function reassembled(value: unknown): string {
  const s = JSON.stringify(value);
  return s.replace(/\p{Nd}/gu, (d) => String(digitValue(d))).replace(/[\s().\-/_\u2010-\u2015\uff0d\uff0f•+]/gu, '');
}

describe('numbers redaction: no phone number survives, wherever and however it is written', () => {
  it('planted in any field, key or JSON number, at any depth up to 300, at most 4 digits remain', () => {
    fc.assert(
      fc.property(phone, words, words, fc.constantFrom(...PLACES), fc.integer({ min: 0, max: 300 }), ({ ascii, written }, before, after, place, depth) => {
        // A JSON number holds ASCII digits only, and one that starts with 0 is not that number.
        if (place === 'raw-number' && (ascii.startsWith('0') || !Number.isSafeInteger(Number(ascii)))) return true;
        const event = planted(place, `${before}${written}${after}`, ascii, depth);
        const out = redactEvent(event, 'numbers');
        expect(reassembled(out)).not.toMatch(/\d{5,}/);
        expect(reassembled(out)).toContain(ascii.slice(-4));
        if (place !== 'party' && place !== 'raw-string' && place !== 'raw-key' && place !== 'raw-number') expect(ShellEventSchema.safeParse(out).success).toBe(true);
        return true;
      }),
      { numRuns: 2_000 },
    );
  });

  it('a number 1,000 levels deep is masked too (no depth is left as captured)', () => {
    const out = redactEvent(planted('raw-string', 'call +16505550100', '16505550100', 1_000), 'numbers');
    expect(JSON.stringify(out)).not.toContain('6505550100');
  });

  it('digit values are right for every decimal digit Unicode has: each script is a run of ten from 0', () => {
    let runStart = -1;
    for (let cp = 0; cp <= 0x110000; cp++) {
      const isDigit = cp <= 0x10ffff && /\p{Nd}/u.test(String.fromCodePoint(cp));
      if (isDigit && runStart < 0) runStart = cp;
      if (!isDigit && runStart >= 0) {
        expect((cp - runStart) % 10, `digit run at U+${runStart.toString(16)}`).toBe(0);
        for (let c = runStart; c < cp; c++) expect(digitValue(String.fromCodePoint(c))).toBe((c - runStart) % 10);
        runStart = -1;
      }
    }
    expect(maskNumbers('اتصل ٠٦٥٠٥٥٥٠١٠٠')).toBe('اتصل •••• 0100');
    expect(maskNumbers('ＴＥＬ ０６５０－５５５－０１００')).toBe('ＴＥＬ •••• 0100');
  });

  it('short numbers, counts and durations stay as they were', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999, max: 99_999 }), fc.double({ noNaN: true }).filter((d) => !Number.isInteger(d)), (small, fraction) => {
        const event: ShellEvent = { id: 'e', at: 0, profile: 'p', vendor: 'ringcentral-embeddable', kind: 'vendor.other', vendorEvent: 'rc-x', raw: { small, fraction, order: 'order 1234, ext 101' } };
        expect(redactEvent(event, 'numbers').raw).toEqual(event.raw);
      }),
    );
  });

  it('masked keys that collide are all kept', () => {
    const out = redactEvent({ id: 'e', at: 0, profile: 'p', vendor: 'ringcentral-embeddable', kind: 'vendor.other', vendorEvent: 'rc-x', raw: { '+16505550100': 1, '+1 650 555 0100': 2 } }, 'numbers');
    expect(out.raw).toEqual({ '•••• 0100': 1, '•••• 0100 (2)': 2 });
  });
});

describe('full redaction: none of the vendor text is kept', () => {
  it('whatever the strings, only kind, time, profile, media and documented names remain', () => {
    const documented = ['rc-call-ring-notify', 'rc-call-end-notify'];
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.boolean(), (secret, isDocumented) => {
        const vendorEvent = isDocumented ? documented[secret.length % 2]! : `x-${secret}`;
        const event: ShellEvent = {
          id: 'e', at: 5, profile: 'p', vendor: 'ringcentral-embeddable', kind: 'interaction.offered', vendorEvent, ref: secret, media: 'voice',
          party: { name: secret, number: secret }, queue: secret, text: secret, raw: { secret },
        };
        const out = redactEvent(event, 'full');
        expect(Object.keys(out).sort()).toEqual(['at', 'id', 'kind', 'media', 'profile', 'raw', 'vendor', 'vendorEvent']);
        expect(out.vendorEvent).toBe(isDocumented ? vendorEvent : 'redacted');
        expect(out.raw).toEqual({ redacted: 'full' });
        expect(ShellEventSchema.safeParse(out).success).toBe(true);
      }),
    );
  });
});
