/**
 * `pipeline.process()` is handed objects it did not make: a payload with a throwing getter, a
 * Proxy whose traps throw, a capture whose own fields are getters. It never throws; it refuses
 * the capture with a reason and keeps working for the next one.
 */
import { describe, expect, it } from 'vitest';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { profile } from '../../support/profiles';

const ORIGIN = 'https://apps.ringcentral.com';
const rcProfile = profile({ id: 'rc', vendor: 'ringcentral-embeddable' });
const capture = (data: unknown, at = 1): RawCapture => ({ profile: 'rc', vendor: 'ringcentral-embeddable', origin: ORIGIN, transport: 'postMessage', data, at });
const ring = { type: 'rc-call-ring-notify', call: { id: 'c1', fromNumber: '+16505550100' } };
const boom = () => {
  throw new Error('boom');
};

const hostile: Array<[string, () => RawCapture]> = [
  ['a payload with a throwing getter', () => capture({ type: 'rc-call-ring-notify', get call() { return boom(); } })],
  ['a nested throwing getter', () => capture({ type: 'rc-call-ring-notify', call: Object.defineProperty({}, 'id', { get: boom, enumerable: true }) })],
  ['a Proxy whose getPrototypeOf throws', () => capture(new Proxy({}, { getPrototypeOf: boom }))],
  ['a Proxy whose ownKeys throws', () => capture(new Proxy({}, { ownKeys: boom }))],
  ['a Proxy whose get throws', () => capture(new Proxy({ type: 'rc-call-ring-notify' }, { get: boom }))],
  ['a Proxy whose getOwnPropertyDescriptor throws', () => capture(new Proxy({ type: 'rc-call-ring-notify' }, { getOwnPropertyDescriptor: boom }))],
  ['a revoked Proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return capture(r.proxy); }],
  ['a capture whose profile is a throwing getter', () => Object.defineProperty(capture(ring), 'profile', { get: boom })],
  ['a capture that is a Proxy whose get throws', () => new Proxy(capture(ring), { get: boom })],
];

describe('pipeline.process() never throws on hostile objects', () => {
  it.each(hostile)('%s is refused with a reason', (_name, make) => {
    const p = createPipeline({ profiles: [rcProfile] });
    let result: ReturnType<typeof p.process> | undefined;
    expect(() => (result = p.process(make()))).not.toThrow();
    expect(result).toMatchObject({ accepted: false, reason: expect.any(String) });
    expect(result!.accepted === false && result!.reason.length).toBeGreaterThan(10);
    // The pipeline still works for the next capture.
    expect(p.process(capture(ring, 2)).accepted).toBe(true);
  });

  it('a getter is refused without being called', () => {
    let calls = 0;
    const p = createPipeline({ profiles: [rcProfile] });
    const r = p.process(capture({ type: 'rc-call-ring-notify', get call() { calls++; return { id: 'c1' }; } }));
    expect(r).toEqual({ accepted: false, stage: 'size', reason: 'message carries a getter ("call"), which no vendor message contains' });
    expect(calls).toBe(0);
  });

  it('a throw inside the pipeline is counted under the input stage', () => {
    const p = createPipeline({ profiles: [rcProfile] });
    const r = p.process(new Proxy(capture(ring), { get: boom }));
    expect(r).toEqual({ accepted: false, stage: 'input', reason: 'the capture could not be read: Error: boom' });
    expect(p.stats().rejected.input).toBe(1);
  });
});
