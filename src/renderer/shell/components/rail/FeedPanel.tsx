/** The rail's recent activity: the latest interactions in plain words; Expand opens the Activity page. */
import { activityHeadline, activityOutcome, activityParty, hourMinute } from '../../../../shared/activity/activity-words';
import { profileNamer } from '../../logic/feed-filter';
import { useShell } from '../../state/shell-store';
import { ActivityIcon } from '../activity/ActivityIcon';

const SHOWN = 30;

export function FeedPanel() {
  const { snapshot, page, openPage, closePage } = useShell();
  // Newest first (ActivityListSchema), so the latest are its head.
  const latest = snapshot.activity.slice(0, SHOWN);
  const expanded = page === 'feed' || page === 'diagnostics';
  const nameOf = profileNamer(snapshot.profiles);
  return (
    <section class="feed-panel" aria-labelledby="feed-panel-title">
      <div class="panel-head">
        <h2 id="feed-panel-title">Activity</h2>
        <button type="button" class="link-button" aria-expanded={expanded} onClick={() => (expanded ? closePage() : openPage('feed'))}>
          {expanded ? 'Collapse' : 'Expand'}
          <span class="visually-hidden"> activity</span>
        </button>
      </div>
      {latest.length === 0 ? (
        <p class="muted feed-empty">No calls or chats yet.</p>
      ) : (
        <ol class="feed-mini" tabIndex={0} aria-label="Latest activity, newest first">
          {latest.map((a) => {
            const party = activityParty(a);
            return (
              <li key={a.id} data-outcome={a.outcome}>
                <ActivityIcon channel={a.channel} /> <span class="feed-time">{hourMinute(a.at)}</span> {activityHeadline(a)}
                {party ? ` — ${party}` : ''} <span class="feed-profile">{nameOf(a.profile)}</span> — {activityOutcome(a)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
