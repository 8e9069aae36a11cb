/**
 * Diagnostics, for IT: every feed entry main recorded — vendor event names, effects, rejections,
 * suppressed duplicates, permission decisions, view health — with filters, copy, export of the
 * current log file and the logs folder. The list is virtualized (VirtualList); a raw payload is
 * fetched from main (ShellApi.rawPayload) only when someone opens it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FeedEntry, Outcome } from '../../../../shared/ipc/shell-protocol';
import { clockTime, entryLine, feedKindOf, filterFeed, isFiltered, profileNamer } from '../../logic/feed-filter';
import { useShell } from '../../state/shell-store';
import { failure, OutcomeMessage } from '../Outcome';
import { PageFrame } from '../PageFrame';
import { VirtualList } from '../VirtualList';
import { FeedFilters } from './FeedFilters';
import { FeedItem } from './FeedItem';

/** Must match .feed-row's height in styles/feed.css. */
const ROW_HEIGHT = 34;

type Raw = { entry: FeedEntry; text: string | null } | null;

export function FeedPage() {
  const { api, snapshot, feedFilter, openPage } = useShell();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [raw, setRaw] = useState<Raw>(null);
  const shown = filterFeed(snapshot.feed, feedFilter);
  const nameOf = profileNamer(snapshot.profiles);

  const run = (action: () => Promise<Outcome>) => {
    setOutcome(null);
    action().then(setOutcome, (err: unknown) => setOutcome(failure(err)));
  };
  const copy = (text: string, what: string) => run(() => api.copyText(text).then(() => ({ ok: true, detail: `Copied ${what}.` })));
  const toggle = (entry: FeedEntry) => {
    if (raw?.entry.id === entry.id) return setRaw(null);
    setRaw({ entry, text: null });
    api.rawPayload(entry.id).then(
      (payload) => setRaw((now) => (now?.entry.id === entry.id ? { entry, text: payload?.text ?? 'main no longer keeps this payload (the feed holds the latest 500 entries).' } : now)),
      (err: unknown) => setRaw((now) => (now?.entry.id === entry.id ? { entry, text: `Could not load the payload: ${err instanceof Error ? err.message : String(err)}` } : now)),
    );
  };
  useEffect(() => setRaw(null), [feedFilter]);

  const actions = (
    <>
      <button type="button" class="secondary" onClick={() => openPage('feed')}>
        Back to activity
      </button>
      <button type="button" class="secondary" onClick={() => run(() => api.exportLog())}>
        Export log…
      </button>
      <button type="button" class="secondary" onClick={() => run(() => api.openLogsFolder())}>
        Open logs folder
      </button>
    </>
  );

  return (
    <PageFrame id="feed-page" title="Diagnostics" actions={actions}>
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
        <VirtualList
          items={shown}
          rowHeight={ROW_HEIGHT}
          label="Events, newest first"
          class={raw ? 'feed-list with-raw' : 'feed-list'}
          keyOf={(e) => e.id}
          row={(e) => <FeedItem entry={e} profileName={nameOf(e.profile)} open={raw?.entry.id === e.id} onOpen={() => toggle(e)} onCopy={copy} />}
        />
      )}
      {raw && (
        <div class="feed-raw">
          <div class="feed-raw-head">
            <span>
              Raw payload · {feedKindOf(raw.entry)} at {clockTime(raw.entry.at)}
            </span>
            <span class="feed-buttons">
              {raw.text !== null && (
                <button type="button" class="link-button" onClick={() => copy(raw.text!, 'the raw payload')}>
                  Copy raw
                </button>
              )}
              <button type="button" class="link-button" onClick={() => setRaw(null)}>
                Close raw
              </button>
            </span>
          </div>
          <pre id="feed-raw" class="feed-detail" tabIndex={0} aria-label={`Raw payload of ${feedKindOf(raw.entry)}`}>
            {raw.text ?? 'Loading…'}
          </pre>
        </div>
      )}
    </PageFrame>
  );
}
