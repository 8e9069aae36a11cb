/**
 * Redaction applied before anything leaves memory (log lines, forwarded batches, toast previews).
 *   off      as captured
 *   numbers  every phone-number-like run of digits (any script, any common separator, JSON
 *            numbers and object keys included) keeps only its last 4 digits ("•••• 0100"), in
 *            party, text, queue, ref, vendorEvent and anywhere in the raw payload, at any depth
 *   full     no party, text, queue, ref or raw payload; vendorEvent only when it is a documented
 *            name from the vendor's mapping table (else "redacted"): only what happened, when,
 *            on which profile
 * Pure; `off` returns the event itself. Signature stable: every sink calls redactEvent/redactText.
 */
import type { Redaction } from '../contract/settings';
import { FIELD_LIMITS, type ShellEvent, type VendorId } from '../contract/shell-event';
import { clip } from '../text';
import { ADAPTERS } from '../vendors/registry';
import { maskNumbers, maskNumberValue } from './number-mask';

export { maskNumbers } from './number-mask';

/**
 * Any JSON-like value with every phone-number-like run masked as `numbers` masks an event's payload
 * (strings, keys and integer numbers, at any depth): for entries that are not events, such as the
 * diagnostics log's message data.
 */
export function maskNumbersDeep(value: unknown): unknown {
  return maskDeep(value);
}

/**
 * Deep copy with every string, key and phone-like number masked. Iterative with an explicit
 * work list, so no depth is left unmasked and no depth overflows the stack; each object is copied
 * once (shared references and cycles map to their one copy).
 */
function maskDeep(root: unknown): unknown {
  const copies = new Map<object, unknown[] | Record<string, unknown>>();
  const work: Array<[object, unknown[] | Record<string, unknown>]> = [];
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return maskNumbers(v);
    if (typeof v === 'number') return maskNumberValue(v);
    if (v === null || typeof v !== 'object') return v;
    const seen = copies.get(v);
    if (seen) return seen;
    const copy: unknown[] | Record<string, unknown> = Array.isArray(v) ? [] : {};
    copies.set(v, copy);
    work.push([v, copy]);
    return copy;
  };
  const out = visit(root);
  for (let next = work.pop(); next; next = work.pop()) {
    const [source, copy] = next;
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++) (copy as unknown[])[i] = visit(source[i]);
      continue;
    }
    for (const key of Object.keys(source)) {
      // Keys are data too (vendors key maps by number); a masked key that collides is numbered.
      let name = maskNumbers(key);
      for (let n = 2; Object.hasOwn(copy, name); n++) name = `${maskNumbers(key)} (${n})`;
      // Defined, not assigned: a key such as __proto__ is copied as data, never as a prototype.
      Object.defineProperty(copy, name, { value: visit((source as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/** Masking can lengthen a run ("123456" → "•••• 3456"): clipped back to the contract's limit. */
const masked = (text: string, max: number) => clip(maskNumbers(text), max);

const documented = new Map<VendorId, ReadonlySet<string>>();
function isDocumentedName(vendor: VendorId, name: string): boolean {
  let names = documented.get(vendor);
  if (!names) {
    names = new Set((ADAPTERS[vendor]?.mapping ?? []).map((r) => r.vendorEvent));
    documented.set(vendor, names);
  }
  return names.has(name);
}

export function redactEvent(event: ShellEvent, level: Redaction): ShellEvent {
  if (level === 'off') return event;
  if (level === 'full') {
    const { party: _party, text: _text, raw: _raw, ref: _ref, queue: _queue, ...rest } = event;
    return { ...rest, vendorEvent: isDocumentedName(event.vendor, event.vendorEvent) ? event.vendorEvent : 'redacted', raw: { redacted: 'full' } };
  }
  const out: ShellEvent = { ...event, vendorEvent: masked(event.vendorEvent, FIELD_LIMITS.vendorEvent), raw: maskDeep(event.raw) };
  if (event.ref !== undefined) out.ref = masked(event.ref, FIELD_LIMITS.ref);
  if (event.party) {
    out.party = { ...event.party };
    if (event.party.number) out.party.number = masked(event.party.number, FIELD_LIMITS.number);
    if (event.party.name) out.party.name = masked(event.party.name, FIELD_LIMITS.name);
  }
  if (event.text) out.text = masked(event.text, FIELD_LIMITS.text);
  if (event.queue) out.queue = masked(event.queue, FIELD_LIMITS.queue);
  return out;
}

/** For free text such as rejection reasons and notification bodies. */
export function redactText(text: string, level: Redaction): string {
  if (level === 'off') return text;
  if (level === 'full') return '[redacted]';
  return maskNumbers(text);
}
