import { describe, expect, it } from 'vitest';
import { buildCaptureConfig, BRIDGE_MAX_PER_SECOND } from '../../../src/main/capture/capture-config';
import { createCaptureService, type CaptureSinks } from '../../../src/main/capture/capture-service';
import { CaptureConfigSchema } from '../../../src/shared/ipc/capture-protocol';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { profile } from '../../support/profiles';

const rc = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html' });
const aicc = profile({ id: 'bar', vendor: 'huawei-aicc', url: 'https://aicc.acme.example:8443/service-cloud/bar.html', allowedOrigins: ['https://aicc.acme.example:8443'] });
const ef = profile({ id: 'ef', vendor: 'expertflow', url: 'https://cx.acme.example/agent-desk/', allowedOrigins: ['https://cx.acme.example'] });

describe('capture config for each view', () => {
  it('RC: direct mode, default origin, exact target origin, no handshake or tap', () => {
    const config = buildCaptureConfig(rc, 'a'.repeat(32));
    expect(CaptureConfigSchema.parse(config)).toEqual(config);
    expect(config).toMatchObject({ profile: 'rc', vendor: 'ringcentral-embeddable', mode: 'direct', allowedOrigins: ['https://apps.ringcentral.com'], targetOrigin: 'https://apps.ringcentral.com', handshake: [], socketTap: false, maxBytes: 65536, maxPerSecond: BRIDGE_MAX_PER_SECOND });
  });

  it('AICC: framed, the eventpost handshake as a JSON string, target origin with its port', () => {
    const config = buildCaptureConfig(aicc, 'b'.repeat(32));
    expect(config.mode).toBe('framed');
    expect(config.targetOrigin).toBe('https://aicc.acme.example:8443');
    expect(config.handshake).toHaveLength(1);
    expect(typeof config.handshake[0]).toBe('string');
    expect(JSON.parse(config.handshake[0] as string)).toMatchObject({ name: 'eventpost', param: expect.arrayContaining(['AgentOther_PhoneAlerting', 'AgentEvent_Ringing']) });
  });

  it('ExpertFlow: direct with the Socket.IO tap under a per-view secret event name', () => {
    const config = buildCaptureConfig(ef, 'c0ffee'.repeat(6));
    expect(config).toMatchObject({ mode: 'direct', socketTap: true, tapEventName: `sb-tap-${'c0ffee'.repeat(6)}` });
    expect(() => CaptureConfigSchema.parse(buildCaptureConfig(ef, 'short'))).toThrow();
  });
});

function sinks() {
  const calls: { accepted: unknown[][]; rejected: unknown[][]; undeliverable: unknown[][]; handshake: unknown[][] } = { accepted: [], rejected: [], undeliverable: [], handshake: [] };
  const s: CaptureSinks = {
    accepted: (...a) => void calls.accepted.push(a),
    rejected: (...a) => void calls.rejected.push(a),
    undeliverable: (...a) => void calls.undeliverable.push(a),
    handshake: (...a) => void calls.handshake.push(a),
  };
  return { s, calls };
}

describe('capture service (IPC payload → pipeline)', () => {
  const now = 1_700_000_000_000;
  const ring = { kind: 'capture', transport: 'postMessage', origin: 'https://apps.ringcentral.com', data: { type: 'rc-call-ring-notify', call: { id: 'c1' } }, at: now - 5 };

  it('feeds a valid capture to the pipeline with the profile of the sending view', () => {
    const { s, calls } = sinks();
    createCaptureService(createPipeline({ profiles: [rc] }), s, () => now).handle(rc, ring);
    expect(calls.accepted).toHaveLength(1);
    const [profileId, events, , at] = calls.accepted[0]!;
    expect(profileId).toBe('rc');
    expect(events).toMatchObject([{ kind: 'interaction.offered', profile: 'rc', vendor: 'ringcentral-embeddable', ref: 'c1', at: now - 5 }]);
    expect(at).toBe(now - 5);
  });

  it('the payload cannot choose its profile or vendor', () => {
    const { s, calls } = sinks();
    createCaptureService(createPipeline({ profiles: [rc] }), s, () => now).handle(rc, { ...ring, profile: 'other', vendor: 'ucontact' });
    expect(calls.accepted).toHaveLength(0);
    expect(calls.rejected[0]![1]).toMatch(/^malformed capture IPC message: /);
  });

  it('a skewed capture time falls back to main\'s clock', () => {
    const { s, calls } = sinks();
    createCaptureService(createPipeline({ profiles: [rc] }), s, () => now).handle(rc, { ...ring, at: now + 3_600_000 });
    expect(calls.accepted[0]![3]).toBe(now);
  });

  it('pipeline rejections, bridge rejections and undeliverable commands reach their sinks with reasons', () => {
    const { s, calls } = sinks();
    const service = createCaptureService(createPipeline({ profiles: [rc] }), s, () => now);
    service.handle(rc, { ...ring, origin: 'https://evil.example' });
    service.handle(rc, { kind: 'rejected', reason: 'message from a frame that is not the vendor frame', count: 7 });
    service.handle(rc, { kind: 'undeliverable', reason: 'the vendor frame is not loaded' });
    service.handle(rc, 'garbage');
    expect(calls.rejected.map((c) => [c[1], c[2]])).toEqual([
      ['origin: origin https://evil.example is not allowed for this profile (allowed: https://apps.ringcentral.com)', 1],
      ['bridge: message from a frame that is not the vendor frame', 7],
      [expect.stringMatching(/^malformed capture IPC message: /), 1],
    ]);
    expect(calls.undeliverable).toEqual([['rc', 'the vendor frame is not loaded']]);
  });

  it('handshake reports reach their sink with the sending view\'s profile, nothing else', () => {
    const { s, calls } = sinks();
    const service = createCaptureService(createPipeline({ profiles: [aicc] }), s, () => now);
    service.handle(aicc, { kind: 'handshake', state: 'sent', attempts: 3, elapsedMs: 1500 });
    service.handle(aicc, { kind: 'handshake', state: 'answered', attempts: 3, elapsedMs: 1720 });
    expect(calls.handshake).toEqual([
      ['bar', { state: 'sent', attempts: 3, elapsedMs: 1500 }],
      ['bar', { state: 'answered', attempts: 3, elapsedMs: 1720 }],
    ]);
    expect(calls.accepted).toEqual([]);
    expect(calls.rejected).toEqual([]);
  });
});
