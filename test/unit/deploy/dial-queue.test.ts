/**
 * Links that arrive before the softphone can dial wait for its ready report, bounded and timed out;
 * the ready report is read from the real adapters' events.
 */
import { describe, expect, it } from 'vitest';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { DialQueue, isDialerReady } from '../../../src/shared/links/dial-queue';
import { ADAPTERS } from '../../../src/shared/vendors/registry';
import type { VendorId } from '../../../src/shared/contract/shell-event';
import { AdapterMemory } from '../../../src/shared/vendors/memory';

const request = (profile: string, number: string, at = 0) => ({ profile, number, at });

describe('DialQueue', () => {
  it('dials at once when the profile is ready', () => {
    const q = new DialQueue();
    q.setReady('rc', true);
    expect(q.submit(request('rc', '+1555'))).toEqual({ dial: request('rc', '+1555') });
    expect(q.pending()).toEqual([]);
  });

  it('queues until ready, then releases that profile\'s links, oldest first', () => {
    const q = new DialQueue();
    expect(q.submit(request('rc', '+1', 1))).toEqual({ queued: request('rc', '+1', 1), duplicate: false });
    q.submit(request('aicc', '+2', 2));
    q.submit(request('rc', '+3', 3));
    expect(q.setReady('rc', false)).toEqual([]);
    expect(q.setReady('rc', true)).toEqual([request('rc', '+1', 1), request('rc', '+3', 3)]);
    expect(q.pending()).toEqual([request('aicc', '+2', 2)]);
    expect(q.isReady('rc')).toBe(true);
  });

  it('a repeated click is not queued twice', () => {
    const q = new DialQueue();
    q.submit(request('rc', '+1', 1));
    expect(q.submit(request('rc', '+1', 5))).toEqual({ queued: request('rc', '+1', 1), duplicate: true });
    expect(q.pending()).toHaveLength(1);
  });

  it('is bounded', () => {
    const q = new DialQueue({ max: 2 });
    q.submit(request('rc', '+1'));
    q.submit(request('rc', '+2'));
    expect(q.submit(request('rc', '+3'))).toEqual({ error: 'Not dialing +3: 2 calls are already waiting for the softphone to be ready.' });
  });

  it('links that wait too long expire (and are returned, so the agent is told)', () => {
    const q = new DialQueue({ timeoutMs: 1000 });
    q.submit(request('rc', '+1', 0));
    q.submit(request('rc', '+2', 600));
    expect(q.expire(999)).toEqual([]);
    expect(q.expire(1000)).toEqual([request('rc', '+1', 0)]);
    expect(q.setReady('rc', true)).toEqual([request('rc', '+2', 600)]);
    expect(new DialQueue().timeoutMs).toBe(120_000);
  });

  it('a dialer that goes away queues again', () => {
    const q = new DialQueue();
    q.setReady('rc', true);
    q.setReady('rc', false);
    expect(q.submit(request('rc', '+1'))).toHaveProperty('queued');
  });
});

describe('isDialerReady, from the adapters\' real events', () => {
  const event = (vendor: VendorId, data: unknown): ShellEvent => {
    const r = ADAPTERS[vendor].normalize({ profile: 'p', vendor, origin: 'https://x.example', transport: 'postMessage', at: 1, data }, new AdapterMemory());
    if ('reject' in r) throw new Error(r.reject);
    return r.events[0]!;
  };

  it('RingCentral and the demo: rc-dialer-status-notify {ready}', () => {
    for (const vendor of ['ringcentral-embeddable', 'demo'] as const) {
      expect(isDialerReady(event(vendor, { type: 'rc-dialer-status-notify', ready: true }))).toBe(true);
      expect(isDialerReady(event(vendor, { type: 'rc-dialer-status-notify', ready: false }))).toBe(false);
      expect(isDialerReady(event(vendor, { type: 'rc-dialer-status-notify' }))).toBeUndefined();
      expect(isDialerReady(event(vendor, { type: 'rc-login-status-notify', loggedIn: false }))).toBe(false);
      expect(isDialerReady(event(vendor, { type: 'rc-login-status-notify', loggedIn: true }))).toBeUndefined();
      expect(isDialerReady(event(vendor, { type: 'rc-call-ring-notify', call: { id: 'c' } }))).toBeUndefined();
    }
  });

  it('Huawei AICC: in service until shut down', () => {
    expect(isDialerReady(event('huawei-aicc', { eventType: 'AgentOther_InService', content: null }))).toBe(true);
    expect(isDialerReady(event('huawei-aicc', { eventType: 'AgentOther_ShutdownService', content: {} }))).toBe(false);
  });

  it('other vendors say nothing', () => {
    expect(isDialerReady({ vendor: 'engage-digital', kind: 'agent.session', vendorEvent: 'x', raw: {}, loggedIn: true })).toBeUndefined();
  });
});
