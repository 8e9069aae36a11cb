/** One diagnostics row: time, profile, kind and summary on one line; its raw payload opens below the list. */
import type { FeedEntry } from '../../../../shared/ipc/shell-protocol';
import { clockTime, entryLine, feedKindOf } from '../../logic/feed-filter';

interface Props {
  entry: FeedEntry;
  profileName: string;
  open: boolean;
  onOpen(): void;
  onCopy(text: string, what: string): void;
}

export function FeedItem({ entry, profileName, open, onOpen, onCopy }: Props) {
  const kind = feedKindOf(entry);
  return (
    <div class="feed-row" data-type={entry.type} title={entry.summary}>
      <span class="feed-time">{clockTime(entry.at)}</span>
      <span class="feed-profile">{profileName}</span>
      <span class="feed-kind">{kind}</span>
      <span class="feed-summary">{entry.summary}</span>
      <span class="feed-buttons">
        {entry.hasRaw && (
          <button type="button" class="link-button" aria-pressed={open} aria-controls="feed-raw" onClick={onOpen}>
            {open ? 'Hide raw' : 'Show raw'}
            <span class="visually-hidden">
              {' '}
              of {kind} at {clockTime(entry.at)}
            </span>
          </button>
        )}
        <button type="button" class="link-button" onClick={() => onCopy(entryLine(entry), 'the entry')}>
          Copy
          <span class="visually-hidden">
            {' '}
            {kind} at {clockTime(entry.at)}
          </span>
        </button>
      </span>
    </div>
  );
}
