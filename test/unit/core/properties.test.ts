/**
 * Property-based checks of the core (issue 7 §2), with fast-check: origins, dedupe, replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { DedupeWindow } from '../../../src/shared/core/dedupe';
import { compileOriginPolicy } from '../../../src/shared/core/origin-policy';
import { readReplayLine } from '../../../src/shared/core/replay-format';
import { profile } from '../../support/profiles';

const rcProfile = profile({ id: 'rc', vendor: 'ringcentral-embeddable' });
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);

describe('origins: never accepted unless allowed', () => {
  const allowed = compileOriginPolicy(['https://apps.ringcentral.com', 'https://*.digital.ringcentral.com']);

  it('look-alikes built around an allowed origin are refused', () => {
    const lookAlike = fc.oneof(
      label.map((l) => `https://apps.ringcentral.com.${l}`),
      label.map((l) => `https://${l}apps.ringcentral.com`),
      label.map((l) => `https://apps.ringcentral.com@${l}.example`),
      label.map((l) => `https://apps-ringcentral.com.${l}.example`),
      fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 443).map((p) => `https://apps.ringcentral.com:${p}`),
      label.map((l) => `http://${l}.digital.ringcentral.com`),
      label.map((l) => `https://${l}.digital.ringcentral.com.evil.example`),
      label.map((l) => `https://${l}digital.ringcentral.com`),
      fc.constantFrom('https://digital.ringcentral.com', 'null', '', 'https://APPS.ringcentral.com', 'https://apps.ringcentral.com/'),
    );
    fc.assert(fc.property(lookAlike, (origin) => !allowed(origin).ok), { numRuns: 500 });
  });

  it('arbitrary strings are accepted only when they are exactly an allowed origin', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (origin) => {
        const verdict = allowed(origin);
        if (!verdict.ok) return true;
        return origin === 'https://apps.ringcentral.com' || /^https:\/\/[a-z0-9.-]+\.digital\.ringcentral\.com$/.test(origin);
      }),
      { numRuns: 2000 },
    );
  });

  it('subdomains of an allowed wildcard are accepted', () => {
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => allowed(`https://${labels.join('.')}.digital.ringcentral.com`).ok), { numRuns: 300 });
  });

  it('the pipeline rejects at the origin stage whatever the payload', () => {
    fc.assert(
      fc.property(label, fc.jsonValue(), (l, data) => {
        const pipeline = createPipeline({ profiles: [rcProfile] });
        const r = pipeline.process({ profile: 'rc', vendor: 'ringcentral-embeddable', origin: `https://apps.ringcentral.com.${l}`, transport: 'postMessage', data, at: 1 });
        return !r.accepted && r.stage === 'origin';
      }),
      { numRuns: 300 },
    );
  });
});

describe('dedupe', () => {
  const stream = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 200 })), { maxLength: 200 }).map((steps) => {
    let t = 0;
    return steps.map(([key, dt]) => [key, (t += dt)] as const);
  });

  it('is deterministic and idempotent: what it lets through, it lets through again unchanged', () => {
    fc.assert(
      fc.property(stream, (items) => {
        const run = (xs: ReadonlyArray<readonly [string, number]>) => {
          const d = new DedupeWindow(1000);
          return xs.filter(([k, at]) => !d.check(k, at));
        };
        const once = run(items);
        expect(run(items)).toEqual(once);
        expect(run(once)).toEqual(once);
        // And nothing it let through repeats a key within the window.
        const last = new Map<string, number>();
        for (const [k, at] of once) {
          const prev = last.get(k);
          if (prev !== undefined) expect(at - prev).toBeGreaterThanOrEqual(1000);
          last.set(k, at);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('replay reproduces the events', () => {
  const call = fc.record({ id: fc.constantFrom('c1', 'c2', 'c3'), fromNumber: fc.constantFrom('+15550100', '+15550101') });
  const message = fc.oneof(
    call.map((c) => ({ type: 'rc-call-ring-notify', call: c })),
    call.map((c) => ({ type: 'rc-call-start-notify', call: c })),
    call.map((c) => ({ type: 'rc-call-end-notify', call: c })),
    fc.constantFrom({ type: 'rc-adapter-syncPresence', userStatus: 'Busy', dndStatus: 'TakeAllCalls' }, { type: 'rc-login-status-notify', loggedIn: true }),
  );

  it('captures run live and the same captures replayed from their log lines give the same events and effects', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(message, fc.integer({ min: 0, max: 20_000 })), { maxLength: 40 }), (steps) => {
        let at = 1_700_000_000_000;
        const captures: RawCapture[] = steps.map(([data, dt]) => ({ profile: 'rc', vendor: 'ringcentral-embeddable', origin: 'https://apps.ringcentral.com', transport: 'postMessage', data, at: (at += dt) }));
        const live = createPipeline({ profiles: [rcProfile] });
        const liveOut = captures.map((c) => live.process(c));

        const replay = createPipeline({ profiles: [rcProfile] });
        const lines = captures.map((c) => JSON.stringify({ vendor: c.vendor, origin: c.origin, data: c.data, at: c.at, profile: c.profile }));
        const replayOut = lines.map((line) => {
          const read = readReplayLine(line, [rcProfile], 0);
          if ('reason' in read) throw new Error(read.reason);
          return replay.process(read.capture);
        });
        expect(replayOut).toEqual(liveOut);
      }),
      { numRuns: 200 },
    );
  });
});
