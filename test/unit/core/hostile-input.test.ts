/**
 * Hostile input through the whole pipeline, for every vendor: nothing throws, every rejection
 * carries a reason, every accepted event satisfies the contract and stays bounded in size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { ShellEventSchema, VENDOR_IDS, type VendorId } from '../../../src/shared/contract/shell-event';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { defaultReplayProfiles } from '../../../src/shared/core/replay-format';
import { ADAPTERS } from '../../../src/shared/vendors/registry';

const ORIGIN: Record<VendorId, string> = {
  'ringcentral-embeddable': 'https://apps.ringcentral.com',
  'engage-digital': 'https://acme.digital.ringcentral.com',
  ucontact: 'https://acme.ucontactcloud.com',
  'huawei-aicc': 'https://aicc.acme.example',
  expertflow: 'https://cx.acme.example',
  demo: 'app://demo',
};

function deep(levels: number): unknown {
  let v: unknown = { type: 'rc-call-ring-notify' };
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

const HOSTILE: unknown[] = [
  null, undefined, 0, -1, NaN, true, '', 'x'.repeat(200_000), [], [1, 2, 3], {},
  { type: 5 }, { name: {} }, { event: [] }, { action: null },
  { type: 'x'.repeat(200_000) }, { name: `smcc:${'x'.repeat(200_000)}` }, { event: 'assignedInteraction', data: 'x'.repeat(200_000) },
  deep(10_000),
  JSON.parse('{"__proto__": {"polluted": true}, "type": "rc-call-ring-notify", "name": "smcc:task:ring", "event": "assignedInteraction"}'),
  { type: '__proto__' }, { name: 'constructor' }, { event: 'toString' }, { action: 'hasOwnProperty' },
  '{"event":{"eventType":"__proto__"}}', '{"event":{"eventType":"AgentEvent_Ringing","content":{"callid":{"x":1}}}}', '{not json',
  '42["taskRequest",{"__proto__":{"polluted":true}}]', '451-["x",{"_placeholder":true,"num":0}]', '4' + '['.repeat(10_000),
];

function check(vendor: VendorId, data: unknown): void {
  const pipeline = createPipeline({ profiles: defaultReplayProfiles().map((p) => ({ ...p, allowedOrigins: [ORIGIN[p.vendor]] })) });
  const capture: RawCapture = {
    profile: vendor,
    vendor,
    origin: ORIGIN[vendor],
    transport: ADAPTERS[vendor].transport,
    ...(ADAPTERS[vendor].transport === 'socket.io' ? { direction: 'in' as const } : {}),
    data,
    at: 1_700_000_000_000,
  };
  const result = pipeline.process(capture);
  if (!result.accepted) {
    expect(result.reason.length).toBeGreaterThan(0);
    expect(result.reason.length).toBeLessThan(500);
    return;
  }
  for (const event of result.events) {
    expect(ShellEventSchema.safeParse(event).success).toBe(true);
    const { raw: _raw, ...rest } = event;
    expect(JSON.stringify(rest).length).toBeLessThan(4_000);
  }
}

describe('hostile input through the pipeline', () => {
  it.each(VENDOR_IDS)('%s: listed hostile payloads never throw and never pollute prototypes', (vendor) => {
    for (const data of HOSTILE) check(vendor, data);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(VENDOR_IDS)('%s: arbitrary JSON-like payloads never throw', (vendor) => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json(), fc.anything({ withNullPrototype: true, maxDepth: 6 })), (data) => {
        check(vendor, data);
      }),
      { numRuns: 300 },
    );
  });

  it('a 10k-deep payload is refused by the size stage with a plain reason', () => {
    const pipeline = createPipeline({ profiles: defaultReplayProfiles() });
    const r = pipeline.process({ profile: 'ringcentral-embeddable', vendor: 'ringcentral-embeddable', origin: ORIGIN['ringcentral-embeddable'], transport: 'postMessage', data: deep(10_000), at: 1 });
    expect(r).toEqual({ accepted: false, stage: 'size', reason: 'message nested deeper than 64 levels' });
  });
});
