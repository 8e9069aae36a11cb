/**
 * Redaction applied before anything leaves memory (log lines, forwarded batches, toast previews).
 *   off      as captured
 *   numbers  every phone-number-like run of digits keeps only its last 4 digits ("•••• 0100"),
 *            in party, text, queue and anywhere in the raw payload
 *   full     no party, no text, no raw payload: only what happened, when, where (kind, ref, queue)
 * Pure and allocation-light: it returns the event itself when nothing changes.
 */
import type { Redaction } from '../contract/settings';
import type { ShellEvent } from '../contract/shell-event';

/** 6+ digits, allowing the separators people and vendors put in numbers: + ( ) space . - */
const NUMBER_RUN = /\+?\d[\d\s().-]{4,}\d/g;

export function maskNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length < 6) return run;
    return `•••• ${digits.slice(-4)}`;
  });
}

/** Deep copy with every string masked; bounded depth (captures are already capped at 64). */
function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskNumbers(value);
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // Keys are not masked (they are names, not data), but a key is never used to reach a prototype.
    Object.defineProperty(out, key, { value: maskDeep((value as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function redactEvent(event: ShellEvent, level: Redaction): ShellEvent {
  if (level === 'off') return event;
  if (level === 'full') {
    const { party: _party, text: _text, raw: _raw, ...rest } = event;
    return { ...rest, raw: { redacted: 'full' } };
  }
  const out: ShellEvent = { ...event, raw: maskDeep(event.raw) };
  if (event.party) {
    out.party = { ...event.party };
    if (event.party.number) out.party.number = maskNumbers(event.party.number);
    if (event.party.name) out.party.name = maskNumbers(event.party.name);
  }
  if (event.text) out.text = maskNumbers(event.text);
  if (event.queue) out.queue = maskNumbers(event.queue);
  return out;
}

/** For free text such as rejection reasons and notification bodies. */
export function redactText(text: string, level: Redaction): string {
  if (level === 'off') return text;
  if (level === 'full') return '[redacted]';
  return maskNumbers(text);
}
