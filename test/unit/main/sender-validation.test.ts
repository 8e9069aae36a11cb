import { describe, expect, it } from 'vitest';
import { validateCaptureSender, type CaptureSender, type RegisteredView } from '../../../src/main/ipc/sender-validation';
import { profile } from '../../support/profiles';

const RC_URL = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';
const rc = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: RC_URL });
const engage = profile({ id: 'engage', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/agent' });
const demo = profile({ id: 'demo', vendor: 'demo' });
const flow = profile({
  id: 'flow',
  vendor: 'expertflow',
  url: 'https://desk.acme.example/agent',
  allowedOrigins: ['https://*.cim.acme.example'],
});
const demoDirect = profile({ id: 'demo-direct', vendor: 'demo', mode: 'direct' });

const views = new Map<number, RegisteredView>([
  [1, { profile: engage, mode: 'framed' }],
  [2, { profile: rc, mode: 'direct' }],
  [3, { profile: demo, mode: 'framed' }],
  [4, { profile: flow, mode: 'direct' }],
  [5, { profile: demoDirect, mode: 'direct' }],
]);

const from = (webContentsId: number, url: string, over: Partial<NonNullable<CaptureSender['frame']>> = {}): CaptureSender => ({
  webContentsId,
  frame: { url, isMainFrame: true, ...over },
});

describe('validateCaptureSender', () => {
  it('accepts a framed view\'s own host page', () => {
    expect(validateCaptureSender(from(1, 'app://host/profile/engage'), views)).toEqual({ ok: true, profile: engage, mode: 'framed' });
    expect(validateCaptureSender(from(3, 'app://host/profile/demo'), views)).toMatchObject({ ok: true, profile: demo });
  });

  it('refuses an unknown webContents', () => {
    expect(validateCaptureSender(from(99, 'app://host/profile/engage'), views)).toEqual({ ok: false, reason: 'sender 99 is not a profile view' });
  });

  it('refuses a frame that is gone or detached', () => {
    expect(validateCaptureSender({ webContentsId: 1, frame: null }, views)).toEqual({
      ok: false,
      reason: 'profile engage: the sending frame is gone (navigated away or destroyed)',
    });
    expect(validateCaptureSender(from(1, 'app://host/profile/engage', { detached: true }), views)).toEqual({
      ok: false,
      reason: 'profile engage: the sending frame is detached',
    });
  });

  it('refuses sub frames, even at an allowed URL', () => {
    expect(validateCaptureSender(from(1, 'app://host/profile/engage', { isMainFrame: false }), views)).toEqual({
      ok: false,
      reason: "profile engage: the sender is a sub frame, not the view's top frame",
    });
    expect(validateCaptureSender(from(2, RC_URL, { isMainFrame: false }), views).ok).toBe(false);
  });

  it('refuses another profile\'s host page and anything that is not exactly this one', () => {
    expect(validateCaptureSender(from(1, 'app://host/profile/rc'), views)).toEqual({
      ok: false,
      reason: "profile engage: the sender is at app://host/profile/rc, not this profile's host page",
    });
    for (const url of [
      'app://host/profile/engage?x',
      'app://host/profile/engage/x',
      'app://host/error/engage',
      'app://shell/index.html',
      'https://acme.digital.ringcentral.com/agent',
      'app://host/profile/engage.evil',
    ]) {
      expect(validateCaptureSender(from(1, url), views).ok, url).toBe(false);
    }
  });

  it('direct mode: accepts the vendor URL origin and the allowed origins', () => {
    expect(validateCaptureSender(from(2, `${RC_URL}#/dialer`), views)).toEqual({ ok: true, profile: rc, mode: 'direct' });
    expect(validateCaptureSender(from(4, 'https://desk.acme.example/agent/inbox'), views)).toMatchObject({ ok: true, profile: flow });
    expect(validateCaptureSender(from(4, 'https://eu.cim.acme.example/'), views)).toMatchObject({ ok: true, profile: flow });
    expect(validateCaptureSender(from(5, 'app://demo/demo.html'), views)).toMatchObject({ ok: true, profile: demoDirect });
  });

  it('direct mode: refuses look-alikes, other schemes and our other pages', () => {
    for (const url of [
      'https://apps.ringcentral.com.evil.example/app.html',
      'https://apps.ringcentral.com@evil.example/',
      'https://evil.example/https://apps.ringcentral.com',
      'http://apps.ringcentral.com/app.html',
      'https://apps.ringcentral.com:8443/',
      'https://cim.acme.example/',
      'app://host/profile/rc',
      'app://host/error/rc',
      'data:text/html,x',
      'about:blank',
      'not a url',
    ]) {
      const id = url.includes('acme') ? 4 : 2;
      expect(validateCaptureSender(from(id, url), views).ok, url).toBe(false);
    }
    expect(validateCaptureSender(from(2, 'https://apps.ringcentral.com.evil.example/'), views)).toEqual({
      ok: false,
      reason:
        'profile rc: origin https://apps.ringcentral.com.evil.example is not allowed for this profile (allowed: https://apps.ringcentral.com)',
    });
    expect(validateCaptureSender(from(2, 'app://shell/index.html'), views)).toEqual({
      ok: false,
      reason: 'profile rc: the sender is at app://shell, not a vendor origin',
    });
    expect(validateCaptureSender(from(2, 'about:blank'), views)).toEqual({
      ok: false,
      reason: "profile rc: the sender's URL has no origin to check",
    });
  });

  it('direct mode: the demo softphone origin speaks only for a demo profile', () => {
    expect(validateCaptureSender(from(2, 'app://demo/demo.html'), views).ok).toBe(false);
  });

  it('does not let a framed view\'s vendor iframe URL stand in for its host page', () => {
    // The framed bridge runs in the host page; a top frame at the vendor URL means the view was
    // navigated where it should not be.
    expect(validateCaptureSender(from(3, 'app://demo/demo.html'), views).ok).toBe(false);
  });
});
