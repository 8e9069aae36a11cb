import { describe, expect, it } from 'vitest';
import { compileOriginPolicy, parseOrigin, parseOriginPattern } from '../../../src/shared/core/origin-policy';

describe('origin policy', () => {
  const rc = compileOriginPolicy(['https://apps.ringcentral.com']);
  const engage = compileOriginPolicy(['https://*.digital.ringcentral.com', 'https://*.engagement.dimelo.com']);

  it('accepts the exact origin', () => {
    expect(rc('https://apps.ringcentral.com')).toEqual({ ok: true });
  });

  it.each([
    'https://apps.ringcentral.com.evil.example',
    'https://evil.example',
    'https://apps.ringcentral.com:8443',
    'http://apps.ringcentral.com',
    'https://xapps.ringcentral.com',
    'https://apps.ringcentral.co',
    'https://sub.apps.ringcentral.com',
    'https://apps.ringcentral.com@evil.example',
    'https://evil.example/https://apps.ringcentral.com',
    'https://apps.ringcentral.com/',
    'https://apps.ringcentral.com.',
    'https://APPS.ringcentral.com',
    'https://apps.ringcentral.com:443',
    'null',
    '',
    ' https://apps.ringcentral.com',
    'https://apps.ringcentral.com\n',
    'javascript:alert(1)',
  ])('rejects look-alike %j with a reason', (origin) => {
    const verdict = rc(origin);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/origin/);
  });

  it('wildcards match subdomains at any depth but not the bare domain or look-alikes', () => {
    expect(engage('https://acme.digital.ringcentral.com')).toEqual({ ok: true });
    expect(engage('https://eu.acme.digital.ringcentral.com')).toEqual({ ok: true });
    expect(engage('https://acme.engagement.dimelo.com')).toEqual({ ok: true });
    expect(engage('https://digital.ringcentral.com').ok).toBe(false);
    expect(engage('https://acmedigital.ringcentral.com').ok).toBe(false);
    expect(engage('https://acme.digital.ringcentral.com.evil.example').ok).toBe(false);
    expect(engage('http://acme.digital.ringcentral.com').ok).toBe(false);
  });

  it('"https://*" accepts any https origin and nothing else', () => {
    const any = compileOriginPolicy(['https://*']);
    expect(any('https://10.1.2.3:8443')).toEqual({ ok: true });
    expect(any('https://cc.example.com')).toEqual({ ok: true });
    expect(any('http://cc.example.com').ok).toBe(false);
    expect(any('null').ok).toBe(false);
  });

  it('custom app scheme and ports are compared as parts', () => {
    const p = compileOriginPolicy(['app://demo', 'https://aicc.example.com:28443']);
    expect(p('app://demo')).toEqual({ ok: true });
    expect(p('app://demo2').ok).toBe(false);
    expect(p('https://aicc.example.com:28443')).toEqual({ ok: true });
    expect(p('https://aicc.example.com').ok).toBe(false);
  });

  it('names the allowed origins in the reason', () => {
    expect(rc('https://evil.example')).toEqual({
      ok: false,
      reason: 'origin https://evil.example is not allowed for this profile (allowed: https://apps.ringcentral.com)',
    });
  });

  it('an empty allow list accepts nothing and says none is configured', () => {
    const none = compileOriginPolicy([]);
    expect(none('https://cc.example.com')).toEqual({ ok: false, reason: expect.stringContaining('(none configured)') });
  });

  it('parses and refuses patterns clearly', () => {
    // "*.com" parses; configuration refuses it against the Public Suffix List (origin-pattern.test.ts).
    expect(parseOriginPattern('https://*.com')).toEqual({ kind: 'subdomains', scheme: 'https:', suffix: '.com', port: '' });
    expect(parseOriginPattern('https://apps.ringcentral.com/path')).toEqual({ error: expect.stringContaining('not a serialized origin') });
    expect(parseOriginPattern('https://*:8443')).toEqual({ error: expect.stringContaining('port') });
    expect(parseOriginPattern('https://*.example.com:8443')).toEqual({ kind: 'subdomains', scheme: 'https:', suffix: '.example.com', port: '8443' });
    expect(parseOrigin('https://[::1]:8443')).toEqual({ scheme: 'https:', host: '[::1]', port: '8443' });
  });

  it('a long origin string is clipped in the reason', () => {
    const verdict = rc(`https://${'a'.repeat(100_000)}.example`);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.length).toBeLessThan(400);
  });
});

describe('urlOrigin and the vendor target origin', () => {
  it('gives the browser-serialized origin, app:// included, and none for user info', async () => {
    const { urlOrigin } = await import('../../../src/shared/core/origin-policy');
    expect(urlOrigin('https://APPS.ringcentral.com:443/x?y#z')).toBe('https://apps.ringcentral.com');
    expect(urlOrigin('app://demo/demo.html')).toBe('app://demo');
    expect(urlOrigin('https://apps.ringcentral.com@evil.example/')).toBeUndefined();
    expect(urlOrigin('not a url')).toBeUndefined();
  });

  it('a profile URL with user info is refused with its own reason, so commands never target it', async () => {
    const { ProfileSchema } = await import('../../../src/shared/contract/profile');
    const r = ProfileSchema.safeParse({ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com@evil.example/app.html' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.message)).toContain('must not contain a user name or password');
  });
});
