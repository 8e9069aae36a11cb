/**
 * Shared checks for postMessage vendor adapters: every result an adapter returns, for any input,
 * must be a rejection with a reason or events that satisfy the contract.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import fc from 'fast-check';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { ShellEventSchema, type ShellEvent } from '../../../src/shared/contract/shell-event';
import type { NormalizeResult, VendorAdapter } from '../../../src/shared/vendors/adapter';
import { AdapterMemory } from '../../../src/shared/vendors/memory';

export const AT = 1700000000000;
export const HUGE = 'x'.repeat(200_000);

export function captureOf(adapter: VendorAdapter, origin: string, data: unknown, transport: RawCapture['transport'] = 'postMessage'): RawCapture {
  return { profile: 'p1', vendor: adapter.id, origin, transport, data, at: AT };
}

/** Normalizes and checks the invariants that hold for every input. */
export function run(adapter: VendorAdapter, origin: string, data: unknown): NormalizeResult {
  let result: NormalizeResult | undefined;
  expect(() => (result = adapter.normalize(captureOf(adapter, origin, data), new AdapterMemory()))).not.toThrow();
  const r = result as NormalizeResult;
  if ('reject' in r) {
    expect(typeof r.reject).toBe('string');
    expect(r.reject.length).toBeGreaterThan(0);
    expect(r.reject.length).toBeLessThan(600);
  } else {
    for (const event of r.events) {
      const parsed = ShellEventSchema.safeParse(event);
      expect(parsed.success, parsed.error?.message).toBe(true);
      expect(event.vendor).toBe(adapter.id);
      expect(event.at).toBe(AT);
    }
  }
  return r;
}

export function eventsOf(adapter: VendorAdapter, origin: string, data: unknown): ShellEvent[] {
  const r = run(adapter, origin, data);
  if ('reject' in r) throw new Error(`unexpected reject: ${r.reject}`);
  return r.events;
}

export function only(adapter: VendorAdapter, origin: string, data: unknown): ShellEvent {
  const events = eventsOf(adapter, origin, data);
  expect(events).toHaveLength(1);
  return events[0]!;
}

export function rejectOf(adapter: VendorAdapter, origin: string, data: unknown): string {
  const r = run(adapter, origin, data);
  if (!('reject' in r)) throw new Error(`expected a reject, got ${r.events.map((e) => e.kind).join(', ')}`);
  return r.reject;
}

/** The mapped fields of an event, without bookkeeping, for exact comparison. */
export function view(event: ShellEvent): Partial<ShellEvent> {
  const { id: _id, at: _at, profile: _p, vendor: _v, raw: _raw, vendorEvent: _ve, ...rest } = event;
  return rest;
}

/** Values of every wrong type for a field that expects a short string, boolean or id. */
export const WRONG_VALUES: readonly unknown[] = [null, 0, -1.5, Number.NaN, Infinity, true, '', '   ', [], ['a'], {}, { a: 1 }, HUGE];

export const NON_OBJECTS: readonly unknown[] = [undefined, null, 0, 42, Number.NaN, true, false, '', 'text', HUGE, 10n, [], [1, 2], [{ a: 1 }]];

/** Any JSON-ish value, as a property check. */
export function neverThrows(adapter: VendorAdapter, origin: string, arbitrary: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(arbitrary, (data) => {
      run(adapter, origin, data);
    }),
    { numRuns: 300 },
  );
}

export interface ReplayLine {
  vendor: string;
  origin: string;
  data: unknown;
}

export function readReplay(vendor: string): { lines: ReplayLine[]; expected: string[][] } {
  const dir = new URL('../../fixtures/replay/', import.meta.url);
  const nonEmpty = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
  const lines = nonEmpty(readFileSync(new URL(`${vendor}.jsonl`, dir), 'utf8')).map((l) => JSON.parse(l) as ReplayLine);
  const expected = nonEmpty(readFileSync(new URL(`${vendor}.expected.txt`, dir), 'utf8')).map((l) => l.split(',').map((k) => k.trim()));
  return { lines, expected };
}
