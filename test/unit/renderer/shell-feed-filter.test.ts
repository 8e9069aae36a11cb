import { describe, expect, it } from 'vitest';
import { FeedEntrySchema, FeedSchema, type FeedEntry } from '../../../src/shared/ipc/shell-protocol';
import { clockTime, entryLine, feedKindOf, filterFeed, isFeedKind, isFiltered, NO_FILTER, profileNamer } from '../../../src/renderer/shell/logic/feed-filter';

// Numbered down, as snapshots list the feed: newest first.
let n = 100;
const entry = (over: Partial<FeedEntry>): FeedEntry =>
  FeedEntrySchema.parse({ id: `e${n}`, seq: n--, at: Date.UTC(2025, 0, 2, 3, 4, 5), profile: 'sales', type: 'event', kind: 'interaction.offered', summary: 'offered', ...over });

describe('shell feed filter', () => {
  const feed = FeedSchema.parse([
    entry({ profile: 'sales', summary: 'interaction.offered Jane Doe +1 650 555 0100', hasRaw: true }),
    entry({ profile: 'support', kind: 'agent.state', summary: 'agent.state busy' }),
    entry({ profile: 'sales', type: 'rejection', kind: undefined, summary: 'rejected: wrong origin https://evil.example' }),
    entry({ profile: 'support', type: 'permission', kind: undefined, summary: 'media granted to https://apps.ringcentral.com' }),
  ]);

  it('keeps the order main sent (newest first): it filters, it never reorders', () => {
    expect(filterFeed(feed, NO_FILTER).map((e) => e.id)).toEqual(['e100', 'e99', 'e98', 'e97']);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('filters by profile, by kind (rejections and permissions by their type) and by text, combined', () => {
    expect(filterFeed(feed, { ...NO_FILTER, profile: 'sales' }).map((e) => e.summary)).toEqual([feed[0]!.summary, feed[2]!.summary]);
    expect(filterFeed(feed, { ...NO_FILTER, kind: 'rejection' })).toEqual([feed[2]]);
    expect(filterFeed(feed, { ...NO_FILTER, kind: 'permission' })).toEqual([feed[3]]);
    expect(filterFeed(feed, { ...NO_FILTER, kind: 'agent.state' })).toEqual([feed[1]]);
    expect(filterFeed(feed, { ...NO_FILTER, text: '  JANE ' })).toEqual([feed[0]]);
    // Raw payloads stay in main (fetched when opened): text is not looked for in them.
    expect(filterFeed(feed, { ...NO_FILTER, text: '"c1"' })).toEqual([]);
    expect(filterFeed(feed, { profile: 'support', kind: 'agent.state', text: 'busy' })).toEqual([feed[1]]);
    expect(filterFeed(feed, { profile: 'support', kind: 'agent.state', text: 'jane' })).toEqual([]);
    expect(isFiltered({ ...NO_FILTER, text: ' ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, kind: 'rejection' })).toBe(true);
  });

  it('names kinds and words entries for copying', () => {
    expect(feedKindOf(feed[2]!)).toBe('rejection');
    expect(feedKindOf(entry({ type: 'health', kind: undefined }))).toBe('health');
    expect(isFeedKind('interaction.missed')).toBe(true);
    expect(isFeedKind('effect')).toBe(false);
    expect(entryLine(feed[1]!)).toBe('2025-01-02T03:04:05.000Z support agent.state agent.state busy');
    const nameOf = profileNamer([{ id: 'sales', name: 'Sales US' }]);
    expect([nameOf('sales'), nameOf('gone')]).toEqual(['Sales US', 'gone']);
    expect(clockTime(new Date(2025, 0, 2, 9, 5, 7).getTime())).toBe('09:05:07');
  });
});
