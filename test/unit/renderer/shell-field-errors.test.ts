import { describe, expect, it } from 'vitest';
import { isShownAtField } from '../../../src/renderer/shell/logic/shown-fields';
import { ProfileSchema } from '../../../src/shared/contract/profile';
import { collectErrors, fromSaveIssues, otherErrorLines, hasErrorsUnder, parseIssuePath, placeIssue } from '../../../src/renderer/shell/logic/field-errors';

describe('issue → field mapping', () => {
  it('parses both path styles main and jsonPath use', () => {
    expect(parseIssuePath('profiles[0].allowedOrigins[1]')).toEqual(['profiles', 0, 'allowedOrigins', 1]);
    expect(parseIssuePath('profiles.0.url')).toEqual(['profiles', 0, 'url']);
    expect(parseIssuePath('logs.redaction')).toEqual(['logs', 'redaction']);
    expect(parseIssuePath('a["b c"].d')).toEqual(['a', 'b c', 'd']);
    expect(parseIssuePath('')).toEqual([]);
  });

  it('folds list items into their field, naming the line of one-per-line fields', () => {
    expect(placeIssue(['profiles', 0, 'allowedOrigins', 1], 'bad')).toEqual({ key: 'profiles[0].allowedOrigins', message: 'Line 2: bad' });
    expect(placeIssue(['dndSchedule', 'days', 3], 'too big')).toEqual({ key: 'dndSchedule.days', message: 'too big' });
    expect(placeIssue(['profiles', 2], 'whole profile')).toEqual({ key: 'profiles[2]', message: 'whole profile' });
    expect(placeIssue([], 'top')).toEqual({ key: '(top level)', message: 'top' });
  });

  it('maps ProfileSchema’s own messages to the profile’s fields', () => {
    const parsed = ProfileSchema.safeParse({
      id: 'sales',
      name: ' ',
      vendor: 'expertflow',
      url: 'http://crm.example.com',
      mode: 'framed',
      allowedOrigins: ['https://ok.example.com', 'https://x.example.com/path'],
      authHosts: ['Login.Example.com'],
    });
    expect(parsed.success).toBe(false);
    const errors = collectErrors(parsed.error!.issues.map((i) => ({ path: ['profiles', 0, ...i.path], message: i.message })));
    expect(Object.keys(errors).sort()).toEqual(['profiles[0].allowedOrigins', 'profiles[0].authHosts', 'profiles[0].mode', 'profiles[0].name', 'profiles[0].url']);
    expect(errors['profiles[0].url']).toEqual(['Must be an https:// URL (http:// only for localhost)']);
    expect(errors['profiles[0].allowedOrigins']![0]).toMatch(/^Line 2: /);
    expect(errors['profiles[0].authHosts']![0]).toMatch(/^Line 1: Must be a lower-case host name/);
    expect(errors['profiles[0].mode']![0]).toMatch(/ExpertFlow needs "direct"/);
    expect(hasErrorsUnder(errors, ['profiles', 0])).toBe(true);
    expect(hasErrorsUnder(errors, ['profiles', 1])).toBe(false);
  });

  it('maps main’s issues, including ones that name a profile by id', () => {
    const errors = fromSaveIssues(
      [
        { path: 'profiles.1.id', message: 'duplicate profile id "a"' },
        { path: 'profiles.sales.url', message: 'blocked by policy' },
        { path: 'forwarding.endpoint', message: 'not reachable' },
        { path: '', message: 'settings are read-only' },
      ],
      ['a', 'sales'],
    );
    expect(errors).toEqual({
      'profiles[1].id': ['Duplicate profile id "a"'],
      'profiles[1].url': ['Blocked by policy'],
      'forwarding.endpoint': ['Not reachable'],
      '(top level)': ['Settings are read-only'],
    });
    expect(otherErrorLines(errors, isShownAtField)).toEqual(['Settings are read-only']);
    expect(otherErrorLines(errors, () => false)).toContain('forwarding.endpoint: Not reachable');
  });
});

describe('which errors the form shows at a field', () => {
  it('knows the fields it renders and leaves the rest to the summary', () => {
    for (const key of ['profiles', 'profiles[0]', 'profiles[12].allowedOrigins', 'profiles[1].mode', 'logs.retentionDays', 'forwarding.endpoint', 'dndSchedule.days']) {
      expect(isShownAtField(key), key).toBe(true);
    }
    for (const key of ['(top level)', 'logs.dir', 'forwarding.batchSize', 'profiles[0].media.audio', 'profiles[0].urls', 'guideDismissed']) {
      expect(isShownAtField(key), key).toBe(false);
    }
  });
});
