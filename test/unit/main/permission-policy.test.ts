import { describe, expect, it } from 'vitest';
import { VENDOR_NOTIFICATIONS_DENIED, decidePermission, type PermissionQuery } from '../../../src/main/security/permission-policy';
import { profile, profileWithUncheckedOrigins } from '../../support/profiles';

const rc = profile({
  id: 'rc',
  vendor: 'ringcentral-embeddable',
  url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html',
});
const rcVideo = profile({ id: 'rc-video', vendor: 'ringcentral-embeddable', media: { audio: true, video: true } });
const muted = profile({ id: 'muted', vendor: 'ringcentral-embeddable', media: { audio: false, video: false } });
const engage = profile({ id: 'engage', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/agent' });
const demo = profile({ id: 'demo', vendor: 'demo' });
const RC = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

const ask = (over: Partial<PermissionQuery>): PermissionQuery => ({
  permission: 'media',
  requestingUrl: RC,
  isMainFrame: true,
  mediaTypes: ['audio'],
  kind: 'request',
  ...over,
});

describe('decidePermission: what is granted', () => {
  it('grants the microphone to an allowed origin, with a readable reason', () => {
    expect(decidePermission(ask({}), rc)).toEqual({
      granted: true,
      reason: 'media (audio) granted to https://apps.ringcentral.com: allowed origin',
      origin: 'https://apps.ringcentral.com',
      mediaTypes: ['audio'],
    });
  });

  it.each(['speaker-selection', 'clipboard-sanitized-write'])('grants %s to an allowed origin', (permission) => {
    const d = decidePermission(ask({ permission, mediaTypes: undefined }), rc);
    expect(d.granted).toBe(true);
    expect(d.reason).toBe(`${permission} granted to https://apps.ringcentral.com: allowed origin`);
    expect(d).not.toHaveProperty('mediaTypes');
  });

  it('grants camera and microphone together only when the profile allows video', () => {
    const both = ask({ requestingUrl: 'https://apps.ringcentral.com/x', mediaTypes: ['video', 'audio'] });
    expect(decidePermission(both, rcVideo)).toMatchObject({ granted: true, mediaTypes: ['audio', 'video'] });
    expect(decidePermission(both, rc)).toMatchObject({
      granted: false,
      reason: 'media (audio, video) denied to https://apps.ringcentral.com: video is switched off for this profile',
    });
  });

  it('denies a video-only request when video is off, and audio when audio is off', () => {
    expect(decidePermission(ask({ mediaTypes: ['video'] }), rc).granted).toBe(false);
    expect(decidePermission(ask({}), muted)).toMatchObject({ granted: false, reason: expect.stringContaining('audio is switched off') });
  });

  it('treats a media request that names no device kind as audio', () => {
    expect(decidePermission(ask({ mediaTypes: [] }), rc)).toMatchObject({ granted: true, mediaTypes: ['audio'] });
    expect(decidePermission(ask({ mediaTypes: undefined }), muted).granted).toBe(false);
  });

  it('denies a request that names an unknown device kind', () => {
    const odd = ask({ mediaTypes: ['audio', 'screen' as 'audio'] });
    expect(decidePermission(odd, rcVideo)).toMatchObject({ granted: false, reason: expect.stringContaining('screen is not a device kind') });
  });

  it('checks: unknown counts as audio, video needs the profile to allow video', () => {
    const check = (mediaType: PermissionQuery['mediaType'], p = rc) =>
      decidePermission({ permission: 'media', requestingUrl: RC, isMainFrame: false, mediaType, kind: 'check' }, p).granted;
    expect(check('unknown')).toBe(true);
    expect(check(undefined)).toBe(true);
    expect(check('audio')).toBe(true);
    expect(check('video')).toBe(false);
    expect(check('video', rcVideo)).toBe(true);
    expect(check('unknown', muted)).toBe(false);
  });

  it('matches subdomain patterns from the vendor defaults', () => {
    expect(decidePermission(ask({ requestingUrl: 'https://acme.digital.ringcentral.com/agent#/desk' }), engage).granted).toBe(true);
    expect(decidePermission(ask({ requestingUrl: 'https://digital.ringcentral.com/' }), engage).granted).toBe(false);
  });
});

describe('decidePermission: what is denied', () => {
  it.each([
    'geolocation',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'window-management',
    'unknown',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'storage-access',
    'top-level-storage-access',
    'display-capture',
    'keyboardLock',
    'clipboard-read',
    'fileSystem',
    'mediaKeySystem',
    'a-permission-from-electron-99',
  ])('denies %s even to an allowed origin', (permission) => {
    expect(decidePermission(ask({ permission }), rc)).toEqual({
      granted: false,
      reason: `${permission} denied: not a permission Switchboard grants`,
      origin: undefined,
    });
  });

  it.each([
    'https://apps.ringcentral.com.evil.example/app.html',
    'https://evil.example/https://apps.ringcentral.com',
    'https://apps.ringcentral.com:8443/app.html',
    'http://apps.ringcentral.com/app.html',
    'https://sub.apps.ringcentral.com/',
    'wss://apps.ringcentral.com/',
  ])('denies look-alike or other origins: %s', (requestingUrl) => {
    for (const permission of ['media', 'speaker-selection', 'clipboard-sanitized-write']) {
      const d = decidePermission(ask({ permission, requestingUrl }), rc);
      expect(d.granted, permission).toBe(false);
      expect(d.reason).toMatch(/ denied to .*: origin .* is not allowed for this profile/);
    }
  });

  it('denies a URL with credentials rather than judging the host after the @', () => {
    const d = decidePermission(ask({ requestingUrl: 'https://apps.ringcentral.com@evil.example/' }), rc);
    expect(d.granted).toBe(false);
  });

  it.each([
    [undefined, 'no requesting URL'],
    ['', 'no requesting URL'],
    ['not a url', 'the requesting URL has no origin Switchboard can check'],
    ['about:blank', 'the requesting URL has no origin Switchboard can check'],
    ['data:text/html,<p>hi', 'the requesting URL has no origin Switchboard can check'],
    ['file:///etc/passwd', 'the requesting URL has no origin Switchboard can check'],
  ])('denies a missing or unusable requesting URL (%j)', (requestingUrl, why) => {
    const d = decidePermission(ask({ requestingUrl }), rc);
    expect(d.granted).toBe(false);
    expect(d.reason).toBe(`media (audio) denied: ${why}`);
  });

  it('never gives media to our own app:// pages, even where the origin is allowed', () => {
    const d = decidePermission(ask({ requestingUrl: 'app://demo/demo.html' }), demo);
    expect(d).toMatchObject({ granted: false, reason: 'media (audio) denied to app://demo: our own app pages never get media' });
    const anyApp = profileWithUncheckedOrigins({ id: 'odd', vendor: 'huawei-aicc' }, ['app://*']);
    expect(decidePermission(ask({ requestingUrl: 'app://host/profile/odd' }), anyApp).granted).toBe(false);
    expect(decidePermission(ask({ requestingUrl: 'app://shell/index.html' }), anyApp).granted).toBe(false);
  });

  it('lets the demo softphone pick the speaker (its origin is the demo profile\'s origin)', () => {
    expect(decidePermission(ask({ permission: 'speaker-selection', requestingUrl: 'app://demo/demo.html' }), demo).granted).toBe(true);
    expect(decidePermission(ask({ permission: 'speaker-selection', requestingUrl: 'app://demo/demo.html' }), rc).granted).toBe(false);
  });

  it('judges a frame by its own URL: the host page lends nothing to the vendor frame, and vice versa', () => {
    const hostPage = ask({ permission: 'speaker-selection', requestingUrl: 'app://host/profile/engage', isMainFrame: true });
    const vendorFrame = ask({ permission: 'speaker-selection', requestingUrl: 'https://acme.digital.ringcentral.com/agent', isMainFrame: false });
    const strangerFrame = ask({ permission: 'notifications', requestingUrl: 'https://ads.example/frame', isMainFrame: false });
    expect(decidePermission(hostPage, engage).granted).toBe(false);
    expect(decidePermission(vendorFrame, engage).granted).toBe(true);
    expect(decidePermission(strangerFrame, engage).granted).toBe(false);
  });

  it('a vendor with no configured origins trusts exactly the origin its profile loads', () => {
    const huawei = profile({ id: 'aicc', vendor: 'huawei-aicc', url: 'https://aicc.example.com/agent' });
    expect(decidePermission(ask({ requestingUrl: 'https://aicc.example.com/agent' }), huawei).granted).toBe(true);
    expect(decidePermission(ask({ requestingUrl: 'https://aicc.example.com.evil.example/agent' }), huawei).granted).toBe(false);
    expect(decidePermission(ask({ requestingUrl: 'https://other.example.com/agent' }), huawei).granted).toBe(false);
  });

  it('denies everything for a vendor with neither configured origins nor a URL', () => {
    const huawei = profile({ id: 'aicc', vendor: 'huawei-aicc' });
    expect(decidePermission(ask({ requestingUrl: 'https://aicc.example.com/agent' }), huawei).granted).toBe(false);
  });
});

describe('vendor web notifications', () => {
  it('are denied to every origin, allowed or not, with the reason in the log: Switchboard shows its own', () => {
    for (const requestingUrl of ['https://apps.ringcentral.com/app.html', 'app://demo/demo.html', 'https://evil.example/']) {
      for (const kind of ['request', 'check'] as const) {
        const decision = decidePermission(ask({ permission: 'notifications', requestingUrl, kind }), rc);
        expect(decision.granted).toBe(false);
        expect(decision.reason).toBe(VENDOR_NOTIFICATIONS_DENIED);
      }
    }
  });
});
