/**
 * Which origin patterns can be configured (src/shared/contract/origin-pattern.ts): public-suffix
 * wildcards and scheme-wide patterns are refused with a reason, at the profile schema that
 * settings, the IT policy and replay --config all use; vendors' real patterns still pass.
 */
import fc from 'fast-check';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { originPatternProblem } from '../../../src/shared/contract/origin-pattern';
import { PolicySchema } from '../../../src/shared/contract/policy';
import { ProfileSchema } from '../../../src/shared/contract/profile';
import { SettingsSchema } from '../../../src/shared/contract/settings';
import { VENDOR_IDS } from '../../../src/shared/contract/shell-event';
import { ADAPTERS } from '../../../src/shared/vendors/registry';

const withOrigins = (allowedOrigins: string[]) => ProfileSchema.safeParse({ id: 'p', name: 'P', vendor: 'ringcentral-embeddable', allowedOrigins });

describe('refused, with the reason', () => {
  it('wildcards over a public suffix (ICANN and private sections of the list)', () => {
    for (const [pattern, suffix] of [
      ['https://*.co.uk', 'co.uk'],
      ['https://*.com', 'com'],
      ['https://*.com.au', 'com.au'],
      ['https://*.github.io', 'github.io'],
      ['https://*.s3.amazonaws.com', 's3.amazonaws.com'],
      ['https://*.internal', 'internal'],
      ['https://*.co.uk:8443', 'co.uk'],
    ] as const) {
      expect(originPatternProblem(pattern), pattern).toBe(
        `"${pattern}": "${suffix}" is a public suffix (anyone can register a name under it), so "*.${suffix}" would match sites of every owner; name the vendor's own domain, such as "*.vendor.${suffix}"`,
      );
    }
  });

  it('scheme-wide patterns and schemes that are no vendor web origin', () => {
    expect(originPatternProblem('file://*')).toBe('"file://*": only https:// origins can be allowed (http:// only for localhost); file: is not a vendor\'s web origin');
    expect(originPatternProblem('javascript://*')).toMatch(/^"javascript:\/\/\*": only https:\/\/ origins can be allowed .*javascript: is not/);
    for (const p of ['data://*', 'app://*', 'app://shell', 'ws://localhost', 'wss://*.ringcentral.com', 'chrome-extension://abc', 'blob://x.example']) {
      expect(originPatternProblem(p), p).toMatch(/only https:\/\/ origins can be allowed/);
    }
    expect(originPatternProblem('https://*')).toBe('"https://*" would allow every https:// site; name the vendor\'s host, or "*." and the vendor\'s own domain');
    expect(originPatternProblem('http://*')).toMatch(/would allow every http:\/\/ site/);
  });

  it('http:// other than this machine, and wildcards over IP addresses', () => {
    expect(originPatternProblem('http://app.example.com')).toBe('"http://app.example.com": http:// is allowed only for localhost, 127.0.0.1 and [::1]; use https://');
    expect(originPatternProblem('http://*.example.com')).toMatch(/http:\/\/ is allowed only for localhost/);
    expect(originPatternProblem('https://*.10.0.0.1')).toBe('"https://*.10.0.0.1": "*." needs a domain name, not an IP address');
  });

  it('the syntax errors of the matcher stay as they were', () => {
    expect(originPatternProblem('https://apps.ringcentral.com/path')).toMatch(/not a serialized origin/);
    expect(originPatternProblem('https://*:8443')).toMatch(/port/);
  });

  it('the profile schema, and so settings and the IT policy, refuse them at the field', () => {
    const parsed = withOrigins(['https://apps.ringcentral.com', 'https://*.co.uk', 'file://*']);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['allowedOrigins.1', expect.stringContaining('"co.uk" is a public suffix')],
      ['allowedOrigins.2', expect.stringContaining('only https:// origins can be allowed')],
    ]);
    const settings = SettingsSchema.safeParse({ profiles: [{ id: 'p', name: 'P', vendor: 'ucontact', allowedOrigins: ['https://*.com'] }] });
    expect(settings.error?.issues[0]).toMatchObject({ path: ['profiles', 0, 'allowedOrigins', 0], message: expect.stringContaining('"com" is a public suffix') });
    const policy = PolicySchema.safeParse({ version: 1, profiles: [{ id: 'p', name: 'P', vendor: 'ucontact', allowedOrigins: ['javascript://*'] }] });
    expect(policy.error?.issues[0]).toMatchObject({ path: ['profiles', 0, 'allowedOrigins', 0], message: expect.stringContaining('javascript: is not') });
  });

  it('property: "*." over any public suffix of the list is refused', () => {
    const suffixes = fc.constantFrom('com', 'net', 'org', 'uk', 'co.uk', 'org.uk', 'com.au', 'co.jp', 'com.br', 'de', 'io', 'github.io', 'herokuapp.com', 'blogspot.com', 'appspot.com', 'cloudfront.net');
    fc.assert(fc.property(suffixes, (suffix) => originPatternProblem(`https://*.${suffix}`)?.includes('is a public suffix') === true), { numRuns: 100 });
  });

  it('property: any scheme but https and http is refused, whatever the host', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,10}$/).filter((s) => s !== 'https' && s !== 'http');
    const host = fc.constantFrom('*', 'apps.ringcentral.com', '*.ringcentral.com', 'localhost');
    fc.assert(fc.property(scheme, host, (s, h) => originPatternProblem(`${s}://${h}`) !== null), { numRuns: 300 });
  });
});

describe('accepted', () => {
  it('vendors\' real patterns and registrable domains under multi-label suffixes', () => {
    for (const p of [
      'https://*.ringcentral.com',
      'https://apps.ringcentral.com',
      'https://*.digital.ringcentral.com',
      'https://*.engagement.dimelo.com',
      'https://*.ucontactcloud.com',
      'https://app.example.co.uk',
      'https://*.example.co.uk',
      'https://aicc.example.com:28443',
      'https://*.corp.internal',
      'https://co.uk',
      'http://localhost:5173',
      'http://127.0.0.1:8080',
      'http://[::1]:3000',
    ]) {
      expect(originPatternProblem(p), p).toBeNull();
    }
    expect(withOrigins(['https://*.ringcentral.com', 'https://app.example.co.uk']).success).toBe(true);
  });

  it('property: "*." over a registrable domain under a public suffix is accepted', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}[a-z0-9]$/).filter((l) => !l.includes('--'));
    const suffix = fc.constantFrom('com', 'co.uk', 'com.au', 'de', 'io');
    // Some label.suffix pairs are public suffixes themselves (cn.com, a private-section entry):
    // those are refused, so the property is over pairs the public-suffix list calls registrable.
    const registrable = fc.tuple(label, suffix).filter(([l, s]) => getDomain(`${l}.${s}`, { allowPrivateDomains: true }) === `${l}.${s}`);
    fc.assert(fc.property(registrable, ([l, s]) => originPatternProblem(`https://*.${l}.${s}`) === null), { numRuns: 300 });
    expect(originPatternProblem('https://*.cn.com')).toContain('"cn.com" is a public suffix');
  });

  it('every vendor\'s built-in https defaults would pass as configuration too', () => {
    for (const vendor of VENDOR_IDS) {
      for (const p of ADAPTERS[vendor].defaultOrigins.filter((o) => o.startsWith('https:'))) expect(originPatternProblem(p), `${vendor}: ${p}`).toBeNull();
    }
  });
});
