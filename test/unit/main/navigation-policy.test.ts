import { describe, expect, it } from 'vitest';
import {
  decideLinkNavigation,
  decideNavigation,
  decideShellNavigation,
  decideWindowOpen,
  describeUrl,
  isAuthHostUrl,
  isHostPageUrl,
} from '../../../src/main/security/navigation-policy';
import { urlOrigin } from '../../../src/shared/core/origin-policy';
import { profile, profileWithUncheckedOrigins } from '../../support/profiles';

const RC_URL = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';
const rc = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: RC_URL, authHosts: ['login.ringcentral.com', '*.okta.com'] });
const engage = profile({
  id: 'engage',
  vendor: 'engage-digital',
  url: 'https://acme.digital.ringcentral.com/agent',
  authHosts: ['sso.acme.com'],
});
const huawei = profile({ id: 'aicc', vendor: 'huawei-aicc', url: 'https://aicc.example.com:8443/agent/index.html' });
const demo = profile({ id: 'demo', vendor: 'demo' });

const framed = (url: string, isMainFrame: boolean, p = engage) => decideNavigation({ url, isMainFrame, profile: p, mode: 'framed' });
const direct = (url: string, isMainFrame: boolean, p = rc) => decideNavigation({ url, isMainFrame, profile: p, mode: 'direct' });

describe('urlOrigin and isHostPageUrl', () => {
  it('gives app: URLs the origin Chromium gives them, and refuses credentials', () => {
    expect(urlOrigin('app://host/profile/rc')).toBe('app://host');
    expect(urlOrigin('https://apps.ringcentral.com/x?y#z')).toBe('https://apps.ringcentral.com');
    expect(urlOrigin('https://a@apps.ringcentral.com/')).toBeUndefined();
    expect(urlOrigin('data:text/html,x')).toBeUndefined();
    expect(urlOrigin('nonsense')).toBeUndefined();
  });

  it('matches exactly this profile\'s host page', () => {
    expect(isHostPageUrl('app://host/profile/engage', engage)).toBe(true);
    expect(isHostPageUrl('app://host/profile/engage#top', engage)).toBe(true);
    for (const url of [
      'app://host/profile/rc',
      'app://host/profile/engage/',
      'app://host/profile/engage?x=1',
      'app://host/profile/engagex',
      'app://hostx/profile/engage',
      'app://host:1/profile/engage',
      'app://u:p@host/profile/engage',
      'app://demo/profile/engage',
      'https://host/profile/engage',
      'app://host/profile/engage/../rc',
    ]) {
      expect(isHostPageUrl(url, engage), url).toBe(false);
    }
  });
});

describe('decideNavigation: framed mode', () => {
  it('keeps the main frame on this profile\'s host page or its error page', () => {
    expect(framed('app://host/profile/engage', true)).toEqual({ allow: true, reason: "this profile's host page" });
    expect(framed('app://host/error/engage', true).allow).toBe(true);
    for (const url of [
      'app://host/profile/rc',
      'app://host/error/rc',
      'app://shell/index.html',
      'app://demo/demo.html',
      'https://acme.digital.ringcentral.com/agent',
      'https://sso.acme.com/login',
    ]) {
      expect(framed(url, true), url).toMatchObject({ allow: false });
    }
    expect(framed('https://acme.digital.ringcentral.com/agent', true).reason).toBe(
      "main frame navigation to https://acme.digital.ringcentral.com/agent denied: a framed view's top frame stays on its host page",
    );
  });

  it('lets sub frames reach allowed origins, the vendor URL origin, auth hosts and about:blank', () => {
    expect(framed('https://acme.digital.ringcentral.com/agent#/inbox', false)).toEqual({ allow: true, reason: "the vendor URL's origin" });
    expect(framed('https://other.digital.ringcentral.com/', false)).toEqual({ allow: true, reason: 'allowed origin' });
    expect(framed('https://sso.acme.com/saml?x', false)).toEqual({ allow: true, reason: 'auth host' });
    expect(framed('about:blank', false)).toEqual({ allow: true, reason: 'sub frame may be about:blank' });
  });

  it('denies sub frames elsewhere, including look-alikes', () => {
    for (const url of [
      'https://digital.ringcentral.com/',
      'https://acme.digital.ringcentral.com.evil.example/',
      'https://evil.example/acme.digital.ringcentral.com',
      'http://acme.digital.ringcentral.com/agent',
      'https://acme.digital.ringcentral.com:8443/agent',
      'https://sso.acme.com:8443/',
      'http://sso.acme.com/',
      'https://x.sso.acme.com/',
      'app://host/profile/engage',
      'app://shell/index.html',
      'app://demo/demo.html',
      'about:srcdoc',
    ]) {
      expect(framed(url, false), url).toMatchObject({ allow: false });
    }
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'blob:https://acme.digital.ringcentral.com/5b1c',
    'view-source:https://acme.digital.ringcentral.com/',
  ])('denies %s in any frame and mode', (url) => {
    expect(framed(url, false).allow).toBe(false);
    expect(framed(url, true).allow).toBe(false);
    expect(direct(url, true).allow).toBe(false);
    expect(direct(url, false).allow).toBe(false);
  });

  it('denies about:blank in the main frame and unparsable URLs', () => {
    expect(framed('about:blank', true)).toMatchObject({ allow: false, reason: expect.stringContaining('only sub frames may be about:blank') });
    expect(framed('not a url', false)).toEqual({ allow: false, reason: 'sub frame navigation denied: not a valid URL' });
  });

  it('lets the demo softphone (app://demo) into the demo profile\'s frame only', () => {
    expect(framed('app://host/profile/demo', true, demo).allow).toBe(true);
    expect(framed('app://demo/demo.html', false, demo).allow).toBe(true);
    expect(framed('app://demo/demo.html', false, engage).allow).toBe(false);
    expect(framed('app://shell/index.html', false, demo).allow).toBe(false);
  });

  it('never admits other app: pages through a configured origin pattern', () => {
    const lax = profileWithUncheckedOrigins({ id: 'lax', vendor: 'huawei-aicc', mode: 'framed' }, ['app://*', 'https://*']);
    expect(framed('app://shell/index.html', false, lax).allow).toBe(false);
    expect(framed('app://host/profile/rc', false, lax).allow).toBe(false);
    expect(framed('https://anything.example/', false, lax).allow).toBe(true);
  });
});

describe('decideNavigation: direct mode', () => {
  it('lets the main frame go to the vendor URL origin, allowed origins, auth hosts and the error page', () => {
    expect(direct(RC_URL, true).allow).toBe(true);
    expect(direct('https://login.ringcentral.com/oauth', true)).toEqual({ allow: true, reason: 'auth host' });
    expect(direct('https://acme.okta.com/sso', true).allow).toBe(true);
    expect(direct('https://a.b.okta.com/sso', true).allow).toBe(true);
    expect(direct('app://host/error/rc', true)).toEqual({ allow: true, reason: 'our error page' });
    expect(direct('https://aicc.example.com:8443/agent/other', true, huawei)).toMatchObject({ allow: true });
  });

  it('denies the rest', () => {
    for (const url of [
      'https://okta.com/',
      'https://evilokta.com/',
      'https://login.ringcentral.com.evil.example/',
      'https://apps.ringcentral.com.evil.example/',
      'https://evil.example/',
      'app://host/profile/rc',
      'app://host/error/engage',
      'app://shell/index.html',
      'about:blank',
    ]) {
      expect(direct(url, true), url).toMatchObject({ allow: false });
    }
    expect(direct('https://aicc.example.com/agent', true, huawei).allow).toBe(false);
  });
});

describe('isAuthHostUrl', () => {
  it('matches exact hosts and "*." subdomains on parsed host names, https and default port only', () => {
    const check = (url: string) => isAuthHostUrl(new URL(url), rc);
    expect(check('https://login.ringcentral.com/')).toBe(true);
    expect(check('https://LOGIN.RingCentral.com/')).toBe(true);
    expect(check('https://x.okta.com/')).toBe(true);
    expect(check('https://okta.com/')).toBe(false);
    expect(check('https://xokta.com/')).toBe(false);
    expect(check('https://x.okta.com.evil.example/')).toBe(false);
    expect(check('https://login.ringcentral.com./')).toBe(false);
    expect(check('https://sub.login.ringcentral.com/')).toBe(false);
    expect(check('http://login.ringcentral.com/')).toBe(false);
    expect(check('https://login.ringcentral.com:444/')).toBe(false);
    expect(check('https://u:p@login.ringcentral.com/')).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  const open = (url: string, p = rc) => decideWindowOpen({ url, profile: p });

  it('keeps sign-in popups of auth hosts in the app', () => {
    expect(open('https://login.ringcentral.com/authorize?client_id=x')).toEqual({ action: 'allow-in-app' });
    expect(open('https://acme.okta.com/app/sso/saml')).toEqual({ action: 'allow-in-app' });
  });

  it('keeps an authorize page on the vendor origin in the app', () => {
    expect(open('https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/authorize.html?x=1')).toEqual({ action: 'allow-in-app' });
    expect(open('https://apps.ringcentral.com/oauth/Authorize')).toEqual({ action: 'allow-in-app' });
    // The same origin without "authorize" is an ordinary link.
    expect(open('https://apps.ringcentral.com/help')).toEqual({ action: 'open-external', url: 'https://apps.ringcentral.com/help' });
    expect(open('https://apps.ringcentral.com.evil.example/authorize')).toMatchObject({ action: 'open-external' });
  });

  it.each([
    ['https://www.ringcentral.com/support', 'https://www.ringcentral.com/support'],
    ['http://example.com/a%20b', 'http://example.com/a%20b'],
    ['mailto:customer@example.com', 'mailto:customer@example.com'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
  ])('hands %s to the OS as %s', (url, normalized) => {
    expect(open(url)).toEqual({ action: 'open-external', url: normalized });
  });

  // The OS would hand a dial link straight back to Switchboard, its registered dialer.
  it.each(['tel:+15551234567', 'TEL:+15551234567', 'callto:+15551234567', 'callto://+15551234567', 'sip:agent@pbx.example.com', 'sips:1001@pbx.example.com'])('never hands the dial link %s to the OS: it is dialled in-app', (url) => {
    expect(open(url)).toEqual({ action: 'dial-in-app', url });
  });

  it.each([
    ['javascript:alert(1)', 'scheme javascript: is not opened'],
    ['file:///C:/Windows/System32/calc.exe', 'scheme file: is not opened'],
    ['smb://server/share', 'scheme smb: is not opened'],
    ['ms-msdt:/id PCWDiagnostic', 'whitespace'],
    ['data:text/html,x', 'scheme data: is not opened'],
    ['app://shell/index.html', 'scheme app: is not opened'],
    ['vbscript:msgbox', 'scheme vbscript: is not opened'],
    ['https://user:pass@example.com/', 'credentials'],
    ['https://user@example.com/', 'credentials'],
    ['https://example.com/\nx', 'whitespace or control'],
    ['https://example.com/ x', 'whitespace or control'],
    ['https://example.com/\u0000', 'whitespace or control'],
    ['https://example.com/\u202egnp.exe', 'whitespace or control'],
    ['https://example.com/\u200b', 'whitespace or control'],
    [' https://example.com/', 'whitespace or control'],
    ['tel:+1 555 1234', 'whitespace or control'],
    ['not a url', 'whitespace'],
    ['nonsense', 'not a valid URL'],
    [`https://example.com/${'a'.repeat(2048)}`, 'longer than 2048'],
  ])('denies %j', (url, why) => {
    const d = open(url);
    expect(d.action).toBe('deny');
    expect(d).toMatchObject({ reason: expect.stringContaining(why) });
  });

  it('same-window links: dial schemes are dialled in-app, mailto: goes to the OS, other URLs are left to the navigation rules', () => {
    expect(decideLinkNavigation('tel:+19005550199')).toEqual({ action: 'dial-in-app', url: 'tel:+19005550199' });
    expect(decideLinkNavigation('sip:1001@pbx.example.com')).toEqual({ action: 'dial-in-app', url: 'sip:1001@pbx.example.com' });
    expect(decideLinkNavigation('mailto:customer@example.com')).toEqual({ action: 'open-external', url: 'mailto:customer@example.com' });
    expect(decideLinkNavigation('mailto:a b@example.com')).toMatchObject({ action: 'deny', reason: expect.stringContaining('whitespace') });
    expect(decideLinkNavigation('tel:+1\u0000555')).toMatchObject({ action: 'deny' });
    for (const url of ['https://example.com/', 'javascript:alert(1)', 'about:blank', 'app://host/profile/x']) expect(decideLinkNavigation(url), url).toBeNull();
  });

  it('accepts a URL of exactly 2048 characters', () => {
    const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(2048);
    expect(open(url)).toEqual({ action: 'open-external', url });
  });

  it('does not keep popups in the app for a profile without auth hosts', () => {
    expect(open('https://login.ringcentral.com/authorize', engage)).toMatchObject({ action: 'open-external' });
  });
});

describe('decideShellNavigation', () => {
  it('allows only app://shell pages', () => {
    expect(decideShellNavigation('app://shell/index.html')).toEqual({ allow: true, reason: 'shell page' });
    expect(decideShellNavigation('app://shell/settings.html#x').allow).toBe(true);
    for (const url of ['app://host/profile/rc', 'app://demo/demo.html', 'https://example.com/', 'app://shellx/', 'about:blank', 'file:///x', 'x']) {
      expect(decideShellNavigation(url), url).toMatchObject({ allow: false });
    }
  });
});

describe('describeUrl', () => {
  it('shows origin and path only, so OAuth codes and phone numbers stay out of logs', () => {
    expect(describeUrl('https://login.example.com/cb?code=SECRET#state=S')).toBe('https://login.example.com/cb');
    expect(describeUrl('tel:+15551234567')).toBe('tel:…');
    expect(describeUrl('mailto:customer@example.com')).toBe('mailto:…');
    expect(describeUrl('https://u:p@example.com/')).toBe('https:…');
    expect(describeUrl('about:blank')).toBe('about:blank');
    expect(describeUrl('%%%')).toBe('(invalid URL)');
    expect(describeUrl(`https://example.com/${'a'.repeat(500)}`)).toHaveLength(201);
  });
});
