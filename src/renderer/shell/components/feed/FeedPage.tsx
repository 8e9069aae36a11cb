/**
 * The expanded live feed: filters, every entry with its raw payload on demand, copy, export of
 * the current log file and the logs folder.
 */
import { useState } from 'preact/hooks';
import type { Outcome } from '../../../../shared/ipc/shell-protocol';
import { entryLine, filterFeed, isFiltered, profileNamer } from '../../logic/feed-filter';
import { useShell } from '../../state/shell-store';
import { failure, OutcomeMessage } from '../Outcome';
import { PageFrame } from '../PageFrame';
import { FeedFilters } from './FeedFilters';
import { FeedItem } from './FeedItem';

export function FeedPage() {
  const { api, snapshot, feedFilter } = useShell();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const shown = filterFeed(snapshot.feed, feedFilter);
  const nameOf = profileNamer(snapshot.profiles);

  const run = (action: () => Promise<Outcome>) => {
    setOutcome(null);
    action().then(setOutcome, (err: unknown) => setOutcome(failure(err)));
  };
  const copy = (text: string, what: string) => run(() => api.copyText(text).then(() => ({ ok: true, detail: `Copied ${what}.` })));
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const actions = (
    <>
      <button type="button" class="secondary" onClick={() => run(() => api.exportLog())}>
        Export log…
      </button>
      <button type="button" class="secondary" onClick={() => run(() => api.openLogsFolder())}>
        Open logs folder
      </button>
    </>
  );

  return (
    <PageFrame id="feed-page" title="Event feed" actions={actions}>
      <FeedFilters />
      <div class="feed-toolbar">
        <p class="feed-count" role="status">
          {isFiltered(feedFilter) ? `${shown.length} of ${snapshot.feed.length} events match` : `${snapshot.feed.length} events`}
        </p>
        <button type="button" class="secondary" disabled={shown.length === 0} onClick={() => copy(shown.map(entryLine).join('\n'), `${shown.length} events`)}>
          Copy shown
        </button>
      </div>
      <OutcomeMessage outcome={outcome} />
      {shown.length === 0 ? (
        <p class="muted">{snapshot.feed.length === 0 ? 'No events yet.' : 'No event matches these filters.'}</p>
      ) : (
        <ol class="feed-list" aria-label="Events, newest first">
          {shown.map((entry) => (
            <FeedItem key={entry.id} entry={entry} profileName={nameOf(entry.profile)} expanded={open.has(entry.id)} onToggle={() => toggle(entry.id)} onCopy={copy} />
          ))}
        </ol>
      )}
    </PageFrame>
  );
}
