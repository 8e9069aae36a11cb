import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '../../../src/shared/contract/profile';
import { SettingsSchema } from '../../../src/shared/contract/settings';
import { collectErrors } from '../../../src/renderer/shell/logic/field-errors';
import { originMeant, plainError, withUrlFix } from '../../../src/renderer/shell/logic/plain-errors';

/** The message the contract gives for this profile's allowedOrigins, as the settings page would show it. */
function shownForOrigin(origin: string): string {
  const parsed = ProfileSchema.safeParse({ id: 'p', name: 'P', vendor: 'expertflow', url: 'https://cx.example.com/', mode: 'direct', allowedOrigins: [origin] });
  expect(parsed.success).toBe(false);
  const errors = collectErrors(parsed.success ? [] : parsed.error.issues);
  return Object.values(errors).flat().join(' | ');
}

describe('plain settings errors', () => {
  it('turns the contract’s origin messages into the fix, with the origin meant', () => {
    expect(shownForOrigin('cc.acme-telecom.com')).toBe('Line 1: Add https:// → https://cc.acme-telecom.com');
    expect(shownForOrigin('https://cc.acme-telecom.com/agent')).toBe('Line 1: Remove the path → https://cc.acme-telecom.com');
    expect(shownForOrigin('https://cc.acme-telecom.com/')).toBe('Line 1: Remove the final / → https://cc.acme-telecom.com');
    expect(shownForOrigin('billing.example.com/desk')).toBe('Line 1: Add https:// and remove the path → https://billing.example.com');
    expect(shownForOrigin('https://CC.Acme.com')).toBe('Line 1: Use lower case → https://cc.acme.com');
    expect(shownForOrigin('http://cc.acme-telecom.com')).toBe('Line 1: Use https:// → https://cc.acme-telecom.com');
  });

  it('says what number to enter instead of zod’s comparison', () => {
    const parsed = SettingsSchema.safeParse({ logs: { retentionDays: 0, maxFileMb: 5000 }, autoAway: { idleMinutes: 1.5 }, forwarding: { batchSize: Number.NaN } });
    const errors = collectErrors(parsed.success ? [] : parsed.error.issues);
    expect(errors['logs.retentionDays']).toEqual(['Enter at least 1']);
    expect(errors['logs.maxFileMb']).toEqual(['Enter at most 1024']);
    expect(errors['autoAway.idleMinutes']).toEqual(['Enter a whole number']);
    expect(errors['forwarding.batchSize']).toEqual(['Enter a number']);
  });

  it('keeps a message it does not know, and gives no fix it cannot be sure of', () => {
    expect(plainError('must not be empty')).toBe('must not be empty');
    expect(originMeant('https://cc.example.com')).toBeNull();
    expect(originMeant('ftp://x')).toBeNull();
    expect(plainError('"a b" is not a serialized origin (scheme://host[:port], lower case, no path)')).toBe('"a b" is not a web address such as https://cc.example.com');
  });
});

describe('withUrlFix', () => {
  const message = 'Must be an https:// URL (http:// only for localhost)';
  it('gives the https:// address meant', () => {
    expect(withUrlFix([message], 'http://billing.example.com/desk')).toEqual(['Use https:// → https://billing.example.com/desk']);
    expect(withUrlFix([message], 'billing.example.com/desk')).toEqual(['Add https:// → https://billing.example.com/desk']);
  });
  it('keeps the message when no fix is sure, and other messages as they are', () => {
    expect(withUrlFix([message], 'ftp://x')).toEqual([message]);
    expect(withUrlFix(['Must not contain a user name or password'], 'http://a@b')).toEqual(['Must not contain a user name or password']);
  });
});
