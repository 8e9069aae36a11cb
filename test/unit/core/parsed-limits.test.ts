/**
 * Values an adapter parses out of a string (Huawei's JSON string envelope, ExpertFlow's Socket.IO
 * frames) are held to the capture's own depth and size limits (core/measure.ts): a small string
 * can unfold into a value nested thousands of levels deep, which no log line or forwarded batch
 * could serialize. One such message is refused with a reason; the messages around it are not.
 * Every event the pipeline emits serializes and stays within the limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { DEFAULT_CAPTURE_LIMITS, measureCapture } from '../../../src/shared/core/measure';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { huaweiAicc } from '../../../src/shared/vendors/huawei-aicc';
import { expertflow } from '../../../src/shared/vendors/expertflow';
import { profile } from '../../support/profiles';
import { AdapterMemory } from '../../../src/shared/vendors/memory';

const HUAWEI_ORIGIN = 'https://aicc.acme.example';
const EF_ORIGIN = 'https://cx.acme.example';
const profiles = [
  profile({ id: 'hw', vendor: 'huawei-aicc', allowedOrigins: [HUAWEI_ORIGIN] }),
  profile({ id: 'ef', vendor: 'expertflow', allowedOrigins: [EF_ORIGIN] }),
];

/** `levels` nested arrays as JSON text: 6,000 levels is 12 KB, well under the 64 KiB size cap. */
const nestedJson = (levels: number, leaf = '"+16505550100"') => `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`;

/** Huawei's bar posts its event as a JSON string (the connection bar sample in huawei-aicc.ts). */
const huaweiString = (eventType: string, content: string) => `{"event":{"eventType":"${eventType}","workNo":"101","content":${content}},"retcode":"0"}`;
const hw = (data: unknown, at: number): RawCapture => ({ profile: 'hw', vendor: 'huawei-aicc', origin: HUAWEI_ORIGIN, transport: 'postMessage', data, at });
/** Engine.IO "4" + Socket.IO EVENT "2", as the Agent Desk's socket.io-client writes them. */
const ef = (frame: string, at: number): RawCapture => ({ profile: 'ef', vendor: 'expertflow', origin: EF_ORIGIN, transport: 'socket.io', direction: 'in', data: frame, at });

const ring = huaweiString('AgentEvent_Ringing', '{"callid":"c-1","caller":"+16505550100"}');

describe('parsed values are held to the capture limits', () => {
  it('a Huawei JSON string nesting 6,000 levels (12 KB) is refused by the adapter with a reason', () => {
    const data = huaweiString('AgentEvent_Ringing', nestedJson(6_000));
    expect(data.length).toBeLessThan(13_000);
    const r = huaweiAicc.normalize(hw(data, 1), new AdapterMemory());
    expect(r).toEqual({ reject: `not a Huawei AICC event: its JSON string is nested deeper than ${DEFAULT_CAPTURE_LIMITS.maxDepth} levels` });
  });

  it('an ExpertFlow frame nesting 6,000 levels is refused, known event or not', () => {
    for (const name of ['taskRequest', 'someOtherEvent']) {
      const r = expertflow.normalize(ef(`42["${name}",${nestedJson(6_000)}]`, 1), new AdapterMemory());
      expect(r).toEqual({ reject: `not an ExpertFlow Socket.IO frame: its payload is nested deeper than ${DEFAULT_CAPTURE_LIMITS.maxDepth} levels` });
    }
  });

  it('the bad message costs only itself: the rings before and after it are accepted and serialize', () => {
    const p = createPipeline({ profiles });
    const results = [
      p.process(hw(ring, 1)),
      p.process(hw(huaweiString('AgentEvent_Ringing', nestedJson(6_000)), 2)),
      p.process(ef(`42["taskRequest",{"a":${nestedJson(6_000)}}]`, 3)),
      p.process(hw(ring.replace('c-1', 'c-2'), 4)),
    ];
    expect(results.map((r) => r.accepted)).toEqual([true, false, false, true]);
    expect(results[1]).toMatchObject({ stage: 'adapter', reason: expect.stringContaining('is nested deeper than 64 levels') });
    expect(() => JSON.stringify(results)).not.toThrow();
  });

  it('whatever the nesting depth, the pipeline emits only events that serialize within the limits', () => {
    const p = createPipeline({ profiles });
    let at = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.boolean(), (levels, huawei) => {
        const result = huawei
          ? p.process(hw(huaweiString('AgentEvent_Ringing', `{"callid":"c${levels}","x":${nestedJson(levels)}}`), ++at))
          : p.process(ef(`42["taskRequest",{"taskId":"t${levels}","x":${nestedJson(levels)}}]`, ++at));
        if (!result.accepted) return levels >= DEFAULT_CAPTURE_LIMITS.maxDepth - 4 && /nested deeper/.test(result.reason);
        for (const e of result.events) {
          expect(measureCapture(e.raw).ok).toBe(true);
          expect(() => JSON.stringify(e)).not.toThrow();
        }
        return levels < DEFAULT_CAPTURE_LIMITS.maxDepth;
      }),
      { numRuns: 200 },
    );
  });

  it('an adapter that returns an unbounded raw value is caught by the pipeline, not passed on', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const leaky = { ...huaweiAicc, normalize: (c: RawCapture) => ({ events: [{ id: 'x', at: c.at, profile: c.profile, vendor: c.vendor, kind: 'vendor.other' as const, vendorEvent: 'x', raw: deep }] }) };
    const p = createPipeline({ profiles: [profiles[0]!], adapters: { 'huawei-aicc': leaky } });
    expect(p.process(hw(ring, 1))).toEqual({ accepted: false, stage: 'adapter', reason: 'Huawei AICC produced an event whose payload is nested deeper than 64 levels' });
  });
});
