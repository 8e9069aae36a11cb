import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  installPermissionHandlers,
  type PermissionLogEntry,
  type PermissionSession,
} from '../../../src/main/security/permission-handlers';
import type { MediaType } from '../../../src/main/security/permission-policy';
import { profile } from '../../support/profiles';

type RequestHandler = NonNullable<Parameters<PermissionSession['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<PermissionSession['setPermissionCheckHandler']>[0]>;
type PermissionName = Parameters<RequestHandler>[1];
type RequestDetails = Parameters<RequestHandler>[3];
type CheckDetails = Parameters<CheckHandler>[3];

const RC = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';
const rc = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: RC });
const engage = profile({ id: 'engage', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/agent' });
const contents = {} as WebContents;

/** Every permission name Electron 45's handler types know. */
const ALL: PermissionName[] = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control', 'clipboard-read',
  'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem', 'fullscreen',
  'geolocation', 'geolocation-approximate', 'hand-tracking', 'hid', 'idle-detection', 'keyboardLock', 'local-fonts',
  'local-network', 'local-network-access', 'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc',
  'notifications', 'openExternal', 'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock',
  'screen-wake-lock', 'sensors', 'serial', 'smart-card', 'speaker-selection', 'storage-access', 'system-wake-lock',
  'top-level-storage-access', 'usb', 'vr', 'web-app-installation', 'web-printing', 'window-management', 'unknown',
];
const GRANTED = new Set(['media', 'speaker-selection', 'clipboard-sanitized-write']);

function setup(p = rc) {
  let request: RequestHandler | undefined;
  let check: CheckHandler | undefined;
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => void (request = handler ?? undefined),
    setPermissionCheckHandler: (handler) => void (check = handler ?? undefined),
  };
  const logs: PermissionLogEntry[] = [];
  const firstGrants: MediaType[][] = [];
  const externalLinks: string[] = [];
  installPermissionHandlers(session, p, (entry) => logs.push(entry), { onFirstMediaGrant: (types) => firstGrants.push(types), onExternalLink: (url) => externalLinks.push(url) });
  if (!request || !check) throw new Error('handlers not installed');
  const requestHandler = request;
  const checkHandler = check;

  const ask = (permission: PermissionName, details: Partial<RequestDetails> & { mediaTypes?: MediaType[] } = {}): boolean[] => {
    const answers: boolean[] = [];
    requestHandler(contents, permission, (granted) => answers.push(granted), {
      requestingUrl: RC,
      isMainFrame: true,
      ...details,
    } as RequestDetails);
    return answers;
  };
  const probe = (permission: PermissionName, origin: string, details: Partial<CheckDetails> = {}, wc: WebContents | null = null) =>
    checkHandler(wc, permission, origin, { isMainFrame: false, ...details });
  return { ask, probe, logs, firstGrants, externalLinks };
}

describe('installPermissionHandlers: request handler', () => {
  it("openExternal (a frame's link to an external protocol) is denied, and its URL passed on for the in-app dialer", () => {
    const { ask, externalLinks } = setup();
    expect(ask('openExternal', { externalURL: 'tel:+19005550199', isMainFrame: false } as Partial<RequestDetails>)).toEqual([false]);
    expect(ask('notifications')).toEqual([false]);
    expect(externalLinks).toEqual(['tel:+19005550199']);
  });

  it.each(ALL)('%s: answers once, logs once, grants only the four permissions', (permission) => {
    const { ask, logs } = setup();
    const answers = ask(permission, permission === 'media' ? { mediaTypes: ['audio'] } : {});
    expect(answers).toEqual([GRANTED.has(permission)]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ profile: 'rc', permission, granted: GRANTED.has(permission), kind: 'request' });
  });

  it('logs a plain reason and the origin', () => {
    const { ask, logs } = setup();
    ask('media', { mediaTypes: ['audio'] });
    expect(logs).toEqual([
      {
        profile: 'rc',
        permission: 'media',
        origin: 'https://apps.ringcentral.com',
        granted: true,
        reason: 'media (audio) granted to https://apps.ringcentral.com: allowed origin',
        kind: 'request',
      },
    ]);
  });

  it('denies video when the profile has video off, and denies the whole audio+video request', () => {
    const { ask, logs } = setup();
    expect(ask('media', { mediaTypes: ['video'] })).toEqual([false]);
    expect(ask('media', { mediaTypes: ['audio', 'video'] })).toEqual([false]);
    expect(logs.map((l) => l.reason)).toEqual([
      'media (video) denied to https://apps.ringcentral.com: video is switched off for this profile',
      'media (audio, video) denied to https://apps.ringcentral.com: video is switched off for this profile',
    ]);
  });

  it('reads mediaTypes only for media requests', () => {
    const { ask, logs } = setup();
    // A display-capture request also carries mediaTypes; it must not be mistaken for media.
    expect(ask('display-capture', { mediaTypes: ['video', 'audio'] })).toEqual([false]);
    expect(logs[0]?.reason).toBe('display-capture denied: not a permission Switchboard grants');
  });

  it('denies look-alike origins', () => {
    const { ask, logs } = setup();
    expect(ask('media', { requestingUrl: 'https://apps.ringcentral.com.evil.example/app.html', mediaTypes: ['audio'] })).toEqual([false]);
    expect(ask('speaker-selection', { requestingUrl: 'https://apps.ringcentral.com@evil.example/' })).toEqual([false]);
    expect(logs.map((l) => l.origin)).toEqual(['https://apps.ringcentral.com.evil.example', null]);
  });

  it('judges sub frames and main frames by their own URL', () => {
    const { ask } = setup(engage);
    expect(ask('speaker-selection', { requestingUrl: 'https://acme.digital.ringcentral.com/agent', isMainFrame: false })).toEqual([true]);
    expect(ask('speaker-selection', { requestingUrl: 'app://host/profile/engage', isMainFrame: true })).toEqual([false]);
    expect(ask('speaker-selection', { requestingUrl: 'https://tracker.example/pixel', isMainFrame: false })).toEqual([false]);
  });

  it('calls onFirstMediaGrant once per device kind, only for granted requests', () => {
    const video = profile({ id: 'v', vendor: 'ringcentral-embeddable', url: RC, media: { audio: true, video: true } });
    const { ask, probe, firstGrants } = setup(video);
    ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] });
    probe('media', 'https://apps.ringcentral.com', { mediaType: 'audio' });
    expect(firstGrants).toEqual([]);
    ask('media', { mediaTypes: ['audio'] });
    ask('media', { mediaTypes: ['audio'] });
    ask('media', { mediaTypes: ['audio', 'video'] });
    ask('media', { mediaTypes: ['video'] });
    expect(firstGrants).toEqual([['audio'], ['video']]);
  });

  it('answers Chromium before running the hook, so a failing hook cannot leave a request pending', () => {
    let request: RequestHandler | undefined;
    const session: PermissionSession = {
      setPermissionRequestHandler: (handler) => void (request = handler ?? undefined),
      setPermissionCheckHandler: () => undefined,
    };
    installPermissionHandlers(session, rc, () => undefined, {
      onFirstMediaGrant: () => {
        throw new Error('askForMediaAccess failed');
      },
    });
    const answers: boolean[] = [];
    expect(() =>
      request?.(contents, 'media', (g) => answers.push(g), { requestingUrl: RC, isMainFrame: true, mediaTypes: ['audio'] } as RequestDetails),
    ).toThrow('askForMediaAccess failed');
    expect(answers).toEqual([true]);
  });
});

describe('installPermissionHandlers: check handler', () => {
  it.each(ALL)('%s: returns the verdict and logs once, with a null webContents', (permission) => {
    const { probe, logs } = setup();
    expect(probe(permission, 'https://apps.ringcentral.com', { requestingUrl: RC })).toBe(GRANTED.has(permission));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ permission, kind: 'check', granted: GRANTED.has(permission) });
  });

  it('uses requestingUrl when present, else the requesting origin', () => {
    const { probe, logs } = setup();
    expect(probe('speaker-selection', 'https://evil.example', { requestingUrl: RC })).toBe(true);
    expect(probe('speaker-selection', 'https://apps.ringcentral.com')).toBe(true);
    expect(probe('speaker-selection', 'https://apps.ringcentral.com', { requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(logs.map((l) => l.origin)).toEqual(['https://apps.ringcentral.com', 'https://apps.ringcentral.com', 'https://evil.example']);
  });

  it('treats an unknown media type as audio and refuses video when the profile has video off', () => {
    const { probe } = setup();
    expect(probe('media', 'https://apps.ringcentral.com', { mediaType: 'unknown' })).toBe(true);
    expect(probe('media', 'https://apps.ringcentral.com', { mediaType: 'audio' })).toBe(true);
    expect(probe('media', 'https://apps.ringcentral.com', { mediaType: 'video' })).toBe(false);
  });

  it('denies look-alikes and empty origins', () => {
    const { probe, logs } = setup();
    expect(probe('media', 'https://apps.ringcentral.com.evil.example', { mediaType: 'audio' })).toBe(false);
    expect(probe('speaker-selection', '')).toBe(false);
    expect(logs.every((l) => !l.granted)).toBe(true);
    expect(logs[1]?.reason).toBe('speaker-selection denied: no requesting URL');
  });

  it('works the same whether or not a webContents is given', () => {
    const { probe } = setup();
    expect(probe('speaker-selection', 'https://apps.ringcentral.com', {}, contents)).toBe(true);
    expect(probe('speaker-selection', 'https://apps.ringcentral.com', {}, null)).toBe(true);
  });
});
