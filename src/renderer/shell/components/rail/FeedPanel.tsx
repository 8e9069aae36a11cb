/** The live feed in the rail: the latest entries, newest first; Expand opens the full feed page. */
import { clockTime, profileNamer } from '../../logic/feed-filter';
import { useShell } from '../../state/shell-store';

const SHOWN = 100;

export function FeedPanel() {
  const { snapshot, page, openPage, closePage } = useShell();
  // Snapshots list the feed newest first (ShellSnapshotSchema), so the latest are its head.
  const latest = snapshot.feed.slice(0, SHOWN);
  const expanded = page === 'feed';
  const nameOf = profileNamer(snapshot.profiles);
  return (
    <section class="feed-panel" aria-labelledby="feed-panel-title">
      <div class="panel-head">
        <h2 id="feed-panel-title">Live events</h2>
        <button type="button" class="link-button" aria-expanded={expanded} onClick={() => (expanded ? closePage() : openPage('feed'))}>
          {expanded ? 'Collapse' : 'Expand'}
          <span class="visually-hidden"> live events</span>
        </button>
      </div>
      {latest.length === 0 ? (
        <p class="muted feed-empty">No events yet.</p>
      ) : (
        <ol class="feed-mini" tabIndex={0} aria-label="Latest events, newest first">
          {latest.map((e) => (
            <li key={e.id} data-type={e.type}>
              <span class="feed-time">{clockTime(e.at)}</span> <span class="feed-profile">{nameOf(e.profile)}</span> {e.summary}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
