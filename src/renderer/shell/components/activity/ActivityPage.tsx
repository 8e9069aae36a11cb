/**
 * The agent's activity: one line per interaction, newest first, in plain words — "12:42 Incoming
 * call — Maria Garcia, +1 650 555 0142 (Sales) — missed". Vendor event names, raw payloads,
 * rejections and permission decisions are IT's: the Diagnostics page, one link away.
 */
import { useState } from 'preact/hooks';
import type { Activity } from '../../../../shared/activity/activity';
import { activityHeadline, activityLine, activityMatches, activityOutcome, activityParty, hourMinute } from '../../../../shared/activity/activity-words';
import { profileNamer } from '../../logic/feed-filter';
import { useShell } from '../../state/shell-store';
import { PageFrame } from '../PageFrame';
import { VirtualList } from '../VirtualList';
import { ActivityIcon } from './ActivityIcon';

/** Must match .activity-row's height in styles/activity.css. */
const ROW_HEIGHT = 40;

export function ActivityPage() {
  const { snapshot, openPage } = useShell();
  const [profile, setProfile] = useState('');
  const [text, setText] = useState('');
  const nameOf = profileNamer(snapshot.profiles);
  const shown = snapshot.activity.filter((a) => (!profile || a.profile === profile) && activityMatches(a, text, nameOf(a.profile)));
  const actions = (
    <button type="button" class="secondary" onClick={() => openPage('diagnostics')}>
      Diagnostics (for IT)
    </button>
  );
  return (
    <PageFrame id="activity-page" title="Activity" actions={actions}>
      <div class="feed-filters" role="search" aria-label="Find activity">
        <label>
          <span>Profile</span>
          <select value={profile} onChange={(e) => setProfile(e.currentTarget.value)}>
            <option value="">All profiles</option>
            {snapshot.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          <span>Search</span>
          <input type="search" value={text} placeholder="Name, number, queue…" onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      </div>
      <p class="feed-count" role="status">
        {text.trim() || profile ? `${shown.length} of ${snapshot.activity.length} interactions match` : `${snapshot.activity.length} interactions`}
      </p>
      {shown.length === 0 ? (
        <p class="muted">{snapshot.activity.length === 0 ? 'No calls or chats yet.' : 'Nothing matches.'}</p>
      ) : (
        <VirtualList items={shown} rowHeight={ROW_HEIGHT} label="Activity, newest first" class="activity-list" keyOf={(a) => a.id} row={(a) => <ActivityRow activity={a} profileName={nameOf(a.profile)} />} />
      )}
    </PageFrame>
  );
}

function ActivityRow({ activity: a, profileName }: { activity: Activity; profileName: string }) {
  const party = activityParty(a);
  return (
    <div class="activity-row" data-outcome={a.outcome} title={activityLine(a, profileName)}>
      <span class="activity-time">{hourMinute(a.at)}</span>
      <ActivityIcon channel={a.channel} />
      <span class="activity-text">
        <strong>{activityHeadline(a)}</strong>
        {party ? ` — ${party}` : ''}
        {a.text ? <span class="activity-quote"> “{a.text}”</span> : null}
      </span>
      <span class="activity-profile">{profileName}</span>
      <span class="activity-outcome">{activityOutcome(a)}</span>
    </div>
  );
}
