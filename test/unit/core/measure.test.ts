import { describe, expect, it } from 'vitest';
import { measureCapture } from '../../../src/shared/core/measure';

describe('capture size and depth cap', () => {
  it('accepts ordinary vendor messages and reports a JSON-like size', () => {
    const data = { type: 'rc-call-ring-notify', call: { id: 'c1', from: '+1555' } };
    const result = measureCapture(data);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Math.abs(result.size - JSON.stringify(data).length)).toBeLessThan(20);
  });

  it('rejects a 200 KB string', () => {
    expect(measureCapture({ body: 'x'.repeat(200_000) })).toEqual({ ok: false, reason: 'larger than the 64 KiB capture limit' });
  });

  it('rejects 10k-deep nesting without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(measureCapture(deep)).toEqual({ ok: false, reason: 'nested deeper than 64 levels' });
    let deepArray: unknown = [];
    for (let i = 0; i < 10_000; i++) deepArray = [deepArray];
    expect(measureCapture(deepArray).ok).toBe(false);
  });

  it('handles cycles (structured clone allows them) by the depth limit', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(measureCapture(a).ok).toBe(false);
  });

  it('rejects wide arrays and many keys by size', () => {
    expect(measureCapture(new Array(100_000).fill(0)).ok).toBe(false);
    expect(measureCapture(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))).ok).toBe(false);
  });

  it('refuses values no vendor message contains', () => {
    expect(measureCapture({ when: new Date(0) })).toEqual({ ok: false, reason: 'carries a Date, which no vendor message contains' });
    expect(measureCapture({ buf: new ArrayBuffer(10) }).ok).toBe(false);
    expect(measureCapture({ f: () => 1 })).toEqual({ ok: false, reason: 'carries a function, which no vendor message contains' });
    expect(measureCapture(Object.create({ inherited: true })).ok).toBe(false);
  });

  it('accepts null-prototype objects and __proto__ keys from JSON', () => {
    expect(measureCapture(Object.create(null)).ok).toBe(true);
    expect(measureCapture(JSON.parse('{"__proto__": {"x": 1}, "constructor": "y"}')).ok).toBe(true);
  });

  it('the limit is configurable', () => {
    expect(measureCapture('x'.repeat(100), { maxBytes: 50, maxDepth: 8 }).ok).toBe(false);
    expect(measureCapture('x'.repeat(40), { maxBytes: 50, maxDepth: 8 }).ok).toBe(true);
  });
});
