/**
 * Bounded size and depth check for untrusted captured data, run before anything parses it.
 * Iterative (a 10k-deep object cannot overflow the stack) and it stops as soon as a limit is
 * crossed, so a 200 KB string costs one length read. The size is the length of the value's JSON
 * text, counted in UTF-16 code units (escapes not counted).
 *
 * It reads only own data properties: an accessor (getter/setter) is refused without being called,
 * since structured-clone and JSON values never have one, and calling it would run foreign code.
 * A Proxy's traps can still throw; callers that take objects they did not build (pipeline.ts)
 * catch that.
 */

export interface CaptureLimits {
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = { maxBytes: 64 * 1024, maxDepth: 64 };

export type MeasureResult = { ok: true; size: number } | { ok: false; reason: string };

export function measureCapture(value: unknown, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): MeasureResult {
  let size = 0;
  // Two parallel stacks instead of {v, depth} records: this runs on every capture, allocation-free.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    switch (typeof v) {
      case 'string':
        size += v.length + 2;
        break;
      case 'number':
        size += 8;
        break;
      case 'boolean':
        size += 5;
        break;
      case 'undefined':
        size += 4;
        break;
      case 'object': {
        if (v === null) {
          size += 4;
          break;
        }
        if (depth >= limits.maxDepth) return { ok: false, reason: `nested deeper than ${limits.maxDepth} levels` };
        const proto: unknown = Object.getPrototypeOf(v);
        if (Array.isArray(v)) {
          size += 2 + v.length;
          if (size > limits.maxBytes) break;
          for (let i = 0; i < v.length; i++) {
            const d = Object.getOwnPropertyDescriptor(v, i);
            if (d && !('value' in d)) return accessor(String(i));
            values.push(d?.value);
            depths.push(depth + 1);
          }
        } else if (proto === Object.prototype || proto === null) {
          const keys = Object.keys(v);
          size += 2;
          for (const key of keys) {
            size += key.length + 4;
            if (size > limits.maxBytes) break;
            const d = Object.getOwnPropertyDescriptor(v, key);
            if (d && !('value' in d)) return accessor(key);
            values.push(d?.value);
            depths.push(depth + 1);
          }
        } else {
          return { ok: false, reason: `carries a ${describe(v)}, which no vendor message contains` };
        }
        break;
      }
      default:
        return { ok: false, reason: `carries a ${typeof v}, which no vendor message contains` };
    }
    if (size > limits.maxBytes) {
      return { ok: false, reason: `larger than the ${Math.round(limits.maxBytes / 1024)} KiB capture limit` };
    }
  }
  return { ok: true, size };
}

function accessor(key: string): MeasureResult {
  return { ok: false, reason: `carries a getter ("${key.length > 40 ? `${key.slice(0, 40)}…` : key}"), which no vendor message contains` };
}

function describe(v: object): string {
  const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name.length < 40 ? name : 'non-plain object';
}
