/** One feed entry: time, profile, kind and summary; its raw payload expands below it. */
import type { FeedEntry } from '../../../../shared/ipc/shell-protocol';
import { clockTime, entryCopyText, feedKindOf } from '../../logic/feed-filter';

interface Props {
  entry: FeedEntry;
  profileName: string;
  expanded: boolean;
  onToggle(): void;
  onCopy(text: string, what: string): void;
}

export function FeedItem({ entry, profileName, expanded, onToggle, onCopy }: Props) {
  const detailId = `detail-${entry.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const kind = feedKindOf(entry);
  return (
    <li class="feed-item" data-type={entry.type}>
      <div class="feed-row">
        <span class="feed-time">{clockTime(entry.at)}</span>
        <span class="feed-profile">{profileName}</span>
        <span class="feed-kind">{kind}</span>
        <span class="feed-summary">{entry.summary}</span>
        <span class="feed-buttons">
          {entry.detail !== undefined && (
            <button type="button" class="link-button" aria-expanded={expanded} aria-controls={expanded ? detailId : undefined} onClick={onToggle}>
              {expanded ? 'Hide raw' : 'Show raw'}
              <span class="visually-hidden">
                {' '}
                of {kind} at {clockTime(entry.at)}
              </span>
            </button>
          )}
          <button type="button" class="link-button" onClick={() => onCopy(entryCopyText(entry), entry.detail !== undefined ? 'the raw payload' : 'the entry')}>
            Copy
            <span class="visually-hidden">
              {' '}
              {kind} at {clockTime(entry.at)}
            </span>
          </button>
        </span>
      </div>
      {expanded && entry.detail !== undefined && (
        <pre id={detailId} class="feed-detail" tabIndex={0} aria-label={`Raw payload of ${kind}`}>
          {entry.detail}
        </pre>
      )}
    </li>
  );
}
