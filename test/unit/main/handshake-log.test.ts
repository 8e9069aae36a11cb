/**
 * The handshake reports in main's diagnostics log (src/main/capture/handshake-log.ts), through
 * the capture service as a view's bridge sends them: each state is one line naming the profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachDiagnosticsLog } from '../../../src/main/diagnostics';
import { createCaptureService } from '../../../src/main/capture/capture-service';
import { logHandshake } from '../../../src/main/capture/handshake-log';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { profile } from '../../support/profiles';

const aicc = profile({ id: 'aicc', vendor: 'huawei-aicc', url: 'https://aicc.acme.example:8443/service-cloud/', allowedOrigins: ['https://aicc.acme.example:8443'] });

function rig() {
  const logged: Array<{ category: string; message: string; data: unknown }> = [];
  attachDiagnosticsLog({ info: (category, message, data) => void logged.push({ category, message, data }), redact: (message, data) => ({ message, data }) });
  const rejected: string[] = [];
  const service = createCaptureService(createPipeline({ profiles: [aicc] }), {
    accepted: () => undefined,
    rejected: (_p, reason) => void rejected.push(reason),
    undeliverable: () => undefined,
    handshake: logHandshake,
  });
  return { service, logged, rejected };
}

afterEach(() => attachDiagnosticsLog(null));

describe('handshake state in the diagnostics log', () => {
  it('sent n times, answered by the first event, gave up: one capture line each, with the profile', () => {
    const { service, logged, rejected } = rig();
    service.handle(aicc, { kind: 'handshake', state: 'sent', attempts: 1, elapsedMs: 0 });
    service.handle(aicc, { kind: 'handshake', state: 'sent', attempts: 2, elapsedMs: 500 });
    service.handle(aicc, { kind: 'handshake', state: 'gave-up', attempts: 7, elapsedMs: 30_000 });
    service.handle(aicc, { kind: 'handshake', state: 'answered', attempts: 7, elapsedMs: 95_250 });
    expect(rejected).toEqual([]);
    expect(logged.map((l) => [l.category, l.message])).toEqual([
      ['capture', 'handshake sent (attempt 1, 0.0 s after the vendor frame loaded)'],
      ['capture', 'handshake sent (attempt 2, 0.5 s after the vendor frame loaded)'],
      ['capture', 'handshake gave up: no vendor event 30.0 s after the vendor frame loaded, handshake sent 7 times; still listening (an idle bar may simply have nothing to report yet)'],
      ['capture', 'handshake answered: first vendor event 95.3 s after the vendor frame loaded, handshake sent 7 times'],
    ]);
    expect(logged[0]!.data).toEqual({ profile: 'aicc', state: 'sent', attempts: 1, elapsedMs: 0 });
  });

  it('a malformed handshake report is refused like any malformed capture message, and not logged as one', () => {
    const { service, logged, rejected } = rig();
    for (const bad of [
      { kind: 'handshake', state: 'acknowledged', attempts: 1, elapsedMs: 0 },
      { kind: 'handshake', state: 'sent', attempts: -1, elapsedMs: 0 },
      { kind: 'handshake', state: 'sent', attempts: 1.5, elapsedMs: 0 },
      { kind: 'handshake', state: 'sent', attempts: 1, elapsedMs: 0, profile: 'other' },
      { kind: 'handshake', state: 'sent', attempts: 1 },
    ]) service.handle(aicc, bad);
    expect(rejected).toHaveLength(5);
    for (const reason of rejected) expect(reason).toMatch(/^malformed capture IPC message: /);
    expect(logged.filter((l) => l.message.startsWith('handshake'))).toEqual([]);
  });
});
