/** The feed's filters: profile, kind (FEED_KINDS) and free text. */
import { FEED_KINDS } from '../../../../shared/ipc/shell-protocol';
import { isFeedKind, NO_FILTER, isFiltered } from '../../logic/feed-filter';
import { useShell } from '../../state/shell-store';

export function FeedFilters() {
  const { snapshot, feedFilter: filter, setFeedFilter } = useShell();
  const known = new Set(snapshot.profiles.map((p) => p.id));
  const others = [...new Set(snapshot.feed.map((e) => e.profile))].filter((id) => !known.has(id));
  return (
    <div class="feed-filters" role="search" aria-label="Filter events">
      <label>
        <span>Profile</span>
        <select value={filter.profile} onChange={(e) => setFeedFilter({ ...filter, profile: e.currentTarget.value })}>
          <option value="">All profiles</option>
          {snapshot.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {others.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Kind</span>
        <select
          value={filter.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value;
            setFeedFilter({ ...filter, kind: isFeedKind(kind) ? kind : '' });
          }}
        >
          <option value="">All kinds</option>
          {FEED_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label class="grow">
        <span>Search</span>
        <input type="search" value={filter.text} placeholder="Name, number, event…" onInput={(e) => setFeedFilter({ ...filter, text: e.currentTarget.value })} />
      </label>
      <button type="button" class="secondary" disabled={!isFiltered(filter)} onClick={() => setFeedFilter(NO_FILTER)}>
        Clear filters
      </button>
    </div>
  );
}
