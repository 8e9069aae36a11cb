/**
 * The shell window's UI: header (48 px) and rail (280 px) around the content area, where main
 * draws the selected profile's vendor view; Settings and the expanded feed are pages over it.
 */
import type { ShellApi } from '../../../shared/ipc/shell-protocol';
import { ShellContext, useShellStore, useSnapshot } from '../state/shell-store';
import { useRingtone } from '../state/use-ringtone';
import { useShortcuts } from '../state/use-shortcuts';
import { ContentPlaceholder } from './ContentPlaceholder';
import { DialQuestionDialog } from './DialQuestion';
import { ActivityPage } from './activity/ActivityPage';
import { FeedPage } from './feed/FeedPage';
import { MissedPage } from './missed/MissedPage';
import { Header } from './header/Header';
import { LiveRegion } from './LiveRegion';
import { RingBanner } from './RingBanner';
import { RingAnnouncer } from './ring/RingSurface';
import { useRingAnnouncement } from './ring/use-ring-announcement';
import { Rail } from './rail/Rail';
import { SettingsPage } from './settings/SettingsPage';
import type { ShellSnapshot } from '../../../shared/ipc/shell-protocol';

export function App({ api }: { api: ShellApi }) {
  const snapshot = useSnapshot(api);
  if (!snapshot) {
    return (
      <p class="starting" role="status">
        Starting Switchboard…
      </p>
    );
  }
  return <Shell api={api} snapshot={snapshot} />;
}

function Shell({ api, snapshot }: { api: ShellApi; snapshot: ShellSnapshot }) {
  const store = useShellStore(api, snapshot);
  useShortcuts(store);
  const ringSaid = useRingAnnouncement(snapshot.rings);
  useRingtone(snapshot.ringtone);
  return (
    <ShellContext.Provider value={store}>
      <Header />
      {/* Before the rail: Tab from the header reaches Answer / Decline next. */}
      <RingBanner />
      {/* The open presence panel covers the rail: nothing under it takes focus or clicks. */}
      <Rail inert={store.presenceOpen} />
      <main class={snapshot.rings.length > 0 || snapshot.unshownRings.length > 0 ? 'content below-ring-banner' : 'content'} data-page={store.page} inert={store.presenceOpen}>
        {store.page === 'main' && <ContentPlaceholder />}
        {store.page === 'feed' && <ActivityPage />}
        {store.page === 'diagnostics' && <FeedPage />}
        {store.page === 'settings' && <SettingsPage />}
        {store.page === 'missed' && <MissedPage />}
      </main>
      <LiveRegion text={store.announcement.text} seq={store.announcement.seq} />
      <RingAnnouncer text={ringSaid} />
      {snapshot.dialQuestion && <DialQuestionDialog key={snapshot.dialQuestion.id} api={api} question={snapshot.dialQuestion} />}
    </ShellContext.Provider>
  );
}
