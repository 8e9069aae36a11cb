/**
 * Applying main's deltas (ShellDeltaSchema) to a snapshot. Pure and shared: the shell page
 * applies every delta main pushes, and the tests apply main's real deltas the same way.
 */
import type { Activity } from '../activity/activity';
import type { FeedEntry, ShellDelta, ShellSnapshot } from './shell-protocol';

const FEED_MAX = 500;
const ACTIVITY_MAX = 500;

/**
 * The snapshot after `delta`, or null when `snapshot` does not hold what the delta builds on
 * (it is older than `delta.since`): then only a whole snapshot (getState) can catch up. Entries
 * the snapshot already holds are not added twice, so a delta that overlaps a newer getState
 * answer is harmless.
 */
export function applyDelta(snapshot: ShellSnapshot, delta: ShellDelta): ShellSnapshot | null {
  if (snapshot.mark.feed < delta.since.feed || snapshot.mark.activity < delta.since.activity) return null;
  const top = snapshot.feed[0]?.seq ?? 0;
  const fresh = delta.feed.filter((e) => e.seq > top);
  const kept = snapshot.feed.filter((e) => e.seq >= delta.feedFrom);
  const feed: FeedEntry[] = fresh.length === 0 && kept.length === snapshot.feed.length ? snapshot.feed : [...fresh, ...kept].slice(0, FEED_MAX);
  return {
    ...delta.head,
    feed,
    activity: mergeActivity(snapshot.activity, delta.activity, delta.activityFrom),
    mark: { feed: Math.max(snapshot.mark.feed, delta.mark.feed), activity: Math.max(snapshot.mark.activity, delta.mark.activity) },
  };
}

function mergeActivity(list: readonly Activity[], changed: readonly Activity[], from: number): Activity[] {
  if (changed.length === 0 && (list.length === 0 || list[list.length - 1]!.started >= from)) return list as Activity[];
  const byId = new Map(list.map((a) => [a.id, a]));
  for (const a of changed) {
    const known = byId.get(a.id);
    if (!known || known.rev < a.rev) byId.set(a.id, a);
  }
  return [...byId.values()].filter((a) => a.started >= from).sort((x, y) => y.started - x.started).slice(0, ACTIVITY_MAX);
}
