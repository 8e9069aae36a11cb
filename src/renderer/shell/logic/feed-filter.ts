/**
 * The live feed's filters (profile, kind, text) and the words and order it is shown in. Pure: the
 * feed page and the rail panel render what these return.
 */
import { FEED_KINDS, type FeedEntry } from '../../../shared/ipc/shell-protocol';

export type FeedKind = (typeof FEED_KINDS)[number];

export interface FeedFilter {
  /** A profile id, or '' for every profile. */
  profile: string;
  /** One of FEED_KINDS, or '' for every kind. */
  kind: FeedKind | '';
  /** Case-insensitive text looked for in the summary, profile and kind (raw payloads stay in main). */
  text: string;
}

export const NO_FILTER: FeedFilter = { profile: '', kind: '', text: '' };

/** What the kind filter matches an entry by: rejections and permission decisions by their type. */
export function feedKindOf(entry: FeedEntry): string {
  if (entry.type === 'rejection' || entry.type === 'permission') return entry.type;
  return entry.kind ?? entry.type;
}

export function isFeedKind(value: string): value is FeedKind {
  return (FEED_KINDS as readonly string[]).includes(value);
}

export function matchesFilter(entry: FeedEntry, filter: FeedFilter): boolean {
  if (filter.profile && entry.profile !== filter.profile) return false;
  if (filter.kind && feedKindOf(entry) !== filter.kind) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  return [entry.summary, entry.profile, feedKindOf(entry)].some((s) => s.toLowerCase().includes(needle));
}

/**
 * The entries that pass `filter`, in the order main sent them: newest first (ShellSnapshotSchema
 * refuses any other order, so nothing here reorders).
 */
export function filterFeed(entries: readonly FeedEntry[], filter: FeedFilter): FeedEntry[] {
  return entries.filter((entry) => matchesFilter(entry, filter));
}

export function isFiltered(filter: FeedFilter): boolean {
  return filter.profile !== '' || filter.kind !== '' || filter.text.trim() !== '';
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "14:03:07", local time, the same on every machine (no locale formatting). */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** One entry as one line of text (what "Copy shown" puts on the clipboard). */
export function entryLine(entry: FeedEntry): string {
  return `${new Date(entry.at).toISOString()} ${entry.profile} ${feedKindOf(entry)} ${entry.summary}`;
}


/** Profile names by id, for showing entries (an entry of a profile no longer listed keeps its id). */
export function profileNamer(profiles: readonly { id: string; name: string }[]): (id: string) => string {
  const names = new Map(profiles.map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? id;
}
