import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE, loadProfiles } from '../../../src/main/settings/profiles';
import { ShellState, summarizeEvent } from '../../../src/main/shell/shell-state';
import { ShellSnapshotSchema } from '../../../src/shared/ipc/shell-protocol';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { profile } from '../../support/profiles';

describe('profiles from settings', () => {
  it('first run (nothing stored) runs the demo', () => {
    expect(loadProfiles(undefined)).toEqual({ profiles: [DEMO_PROFILE], firstRun: true });
    expect(loadProfiles([])).toEqual({ profiles: [DEMO_PROFILE], firstRun: true });
  });

  it('valid profiles are used as stored', () => {
    const stored = [{ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/app.html' }];
    expect(loadProfiles(stored)).toMatchObject({ firstRun: false, profiles: [{ id: 'rc', allowedOrigins: [], media: { audio: true, video: false } }] });
  });

  it('an invalid list falls back to the demo and says where the problem is', () => {
    const result = loadProfiles([{ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable', url: 'http://evil.example' }, { id: 'rc', name: 'x', vendor: 'demo' }]);
    expect(result.profiles).toEqual([DEMO_PROFILE]);
    expect(result.problem).toContain('[0].url: must be an https:// URL');
    expect(result.problem).toContain('[1].id: duplicate profile id "rc"');
    expect(loadProfiles({ not: 'a list' }).problem).toContain('expected array');
  });
});

describe('stored origin patterns refused since (origin-pattern.ts)', () => {
  it('are dropped one by one and said; the profiles keep running with what is still trusted', () => {
    const result = loadProfiles([
      { id: 'aicc', name: 'AICC', vendor: 'huawei-aicc', url: 'https://aicc.example.com:28443/agent', allowedOrigins: ['https://*', 'https://aicc.example.com:28443'] },
      { id: 'uk', name: 'UK', vendor: 'ucontact', allowedOrigins: ['https://*.co.uk', 'file://*'] },
    ]);
    expect(result.profiles.map((p) => [p.id, p.allowedOrigins])).toEqual([
      ['aicc', ['https://aicc.example.com:28443']],
      ['uk', []],
    ]);
    expect(result.problem).toMatch(/^allowed origins no longer accepted were removed \(the vendor's defaults and URL still count\): profile "aicc": "https:\/\/\*" would allow every https:\/\/ site; .*; profile "uk": "https:\/\/\*\.co\.uk": "co\.uk" is a public suffix.*; profile "uk": "file:\/\/\*": only https:\/\/ origins/);
  });
});

describe('shell state', () => {
  const rc = profile({ id: 'rc', name: 'RC Support', vendor: 'ringcentral-embeddable' });

  it('follows pipeline results: presence, feed with raw detail, permissions, health; snapshots validate', () => {
    const state = new ShellState([rc, DEMO_PROFILE], false);
    const pipeline = createPipeline({ profiles: [rc, DEMO_PROFILE] });
    const r = pipeline.process({ profile: 'rc', vendor: 'ringcentral-embeddable', origin: 'https://apps.ringcentral.com', transport: 'postMessage', data: { type: 'rc-call-ring-notify', call: { id: 'c1', fromUserName: 'Jane Doe', fromNumber: '+15550100' } }, at: 1 });
    if (!r.accepted) throw new Error(r.reason);
    state.record(r.events, r.effects, 1, 'rc');
    state.recordRejection('rc', 'origin https://evil.example is not allowed', 3, 2);
    state.recordPermission({ profile: 'rc', permission: 'media', granted: true, reason: 'media (audio) granted to https://apps.ringcentral.com: allowed origin', kind: 'request' }, 3);
    state.recordPermission({ profile: 'rc', permission: 'media', granted: true, reason: 'check', kind: 'check' }, 3);
    state.setHealth('demo', 'recovering', 'renderer crashed (oom)');
    state.setDnd({ mode: 'hour', until: 5000 }, false);
    const snap = ShellSnapshotSchema.parse(state.snapshot());
    expect(snap.tray).toBe('ringing');
    expect(snap.dnd).toEqual({ mode: 'hour', until: 5000 });
    expect(snap.selected).toBe('rc');
    expect(snap.profiles).toEqual([
      {
        id: 'rc',
        name: 'RC Support',
        vendor: 'ringcentral-embeddable',
        vendorLabel: 'RingCentral Embeddable',
        state: 'ringing',
        agentState: null,
        health: 'loading',
        settableStates: ['available', 'busy', 'dnd', 'offline'],
        caller: { name: 'Jane Doe', number: '+15550100', media: 'voice' },
        unseen: 0,
      },
      { id: 'demo', name: 'Demo softphone', vendor: 'demo', vendorLabel: 'Demo softphone', state: 'offline', agentState: null, health: 'recovering', healthDetail: 'renderer crashed (oom)', settableStates: ['available', 'busy', 'dnd', 'offline'], unseen: 0 },
    ]);
    expect(snap.feed.map((f) => [f.type, f.kind])).toEqual([
      ['health', undefined],
      ['permission', 'permission'],
      ['rejection', 'rejection'],
      ['effect', 'notify'],
      ['event', 'interaction.offered'],
    ]);
    expect(snap.feed[2]!.summary).toBe('rejected ×3: origin https://evil.example is not allowed');
    expect(snap.feed[3]!.summary).toBe('notify: Jane Doe (+15550100) — Incoming call · RC Support');
    // The raw payload stays in main until asked for (ShellApi.rawPayload), printed then.
    expect(snap.feed[4]!.hasRaw).toBe(true);
    expect(JSON.parse(state.rawPayload(snap.feed[4]!.id)!.text)).toMatchObject({ type: 'rc-call-ring-notify', call: { id: 'c1' } });
    expect(state.rawPayload(snap.feed[2]!.id)).toBeNull();
    expect(new Set(snap.feed.map((f) => f.id)).size).toBe(5);
  });

  it('profiles without presence commands carry the reason; the guide shows on first run until dismissed', () => {
    const engage = profile({ id: 'ed', name: 'Digital', vendor: 'engage-digital' });
    const state = new ShellState([engage], true);
    const snap = state.snapshot();
    expect(snap.profiles[0]).toMatchObject({ settableStates: [], presenceNote: expect.stringContaining('Engage Digital') });
    expect(snap.guide).toBe(true);
    state.dismissGuide();
    expect(state.snapshot().guide).toBe(false);
    expect(new ShellState([engage], true, true).snapshot().guide).toBe(false);
  });

  it('the feed keeps the latest 500 entries', () => {
    const state = new ShellState([rc], false);
    for (let i = 0; i < 1200; i++) state.recordRejection('rc', `r${i}`, 1, i);
    const feed = state.snapshot().feed;
    expect(feed).toHaveLength(500);
    expect(feed[0]!.summary).toBe('rejected: r1199');
  });

  it('event summaries read like a log line', () => {
    expect(summarizeEvent({ id: 'x', at: 1, profile: 'rc', vendor: 'ringcentral-embeddable', kind: 'agent.state', vendorEvent: 'rc-adapter-syncPresence', state: 'dnd', raw: {} })).toBe(
      'agent.state dnd [rc-adapter-syncPresence]',
    );
  });
});
