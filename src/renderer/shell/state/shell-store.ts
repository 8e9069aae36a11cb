/**
 * The shell UI's state: main's latest snapshot, which page covers the content area, the feed
 * filters, and one polite announcement for screen readers. Plain Preact hooks; components read
 * it through ShellContext.
 */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ShellApi, ShellSnapshot } from '../../../shared/ipc/shell-protocol';
import { applyDelta } from '../../../shared/ipc/shell-delta';
import { ringingAnnouncement } from '../logic/caller';
import { NO_FILTER, type FeedFilter } from '../logic/feed-filter';

/** "main": the selected profile's vendor view shows; the others cover it (main hides the view). */
export type Page = 'main' | 'feed' | 'diagnostics' | 'settings' | 'missed';

/**
 * Asked before the agent leaves Settings (Close, another page, a profile in the rail, a shortcut):
 * true when it holds the way (unsaved edits: it asks, and calls `go` if the agent lets go).
 */
export type LeaveGuard = (go: () => void) => boolean;

export interface ShellStore {
  api: ShellApi;
  snapshot: ShellSnapshot;
  page: Page;
  openPage(page: Exclude<Page, 'main'>): void;
  closePage(): void;
  /** Shows the profile's view (closing any page over it). */
  selectProfile(id: string): void;
  feedFilter: FeedFilter;
  setFeedFilter(filter: FeedFilter): void;
  /** The guide was dismissed here; main's next snapshot will agree. */
  guideDismissed: boolean;
  dismissGuide(): void;
  announcement: { text: string; seq: number };
  announce(text: string): void;
  /** The settings page registers its unsaved-changes question here; null when it closes. */
  setLeaveGuard(guard: LeaveGuard | null): void;
  /** The header's presence panel is open: it covers the rail, which is inert meanwhile. */
  presenceOpen: boolean;
  setPresenceOpen(open: boolean): void;
}

export const ShellContext = createContext<ShellStore | null>(null);

export function useShell(): ShellStore {
  const store = useContext(ShellContext);
  if (!store) throw new Error('useShell() outside ShellContext');
  return store;
}

/**
 * main's state: getState()'s whole snapshot, then each delta main pushes applied to it
 * (applyDelta). A delta that builds on more than the page holds — one that came before the first
 * snapshot, or after a gap — is dropped and a whole snapshot asked for, which covers it.
 */
export function useSnapshot(api: ShellApi): ShellSnapshot | null {
  const [snapshot, setSnapshot] = useState<ShellSnapshot | null>(null);
  useEffect(() => {
    let live = true;
    let asking = false;
    const resync = () => {
      if (asking) return;
      asking = true;
      api.getState().then(
        (s) => {
          asking = false;
          if (live) setSnapshot((prev) => (prev && prev.mark.feed >= s.mark.feed && prev.mark.activity >= s.mark.activity ? prev : s));
        },
        () => void (asking = false),
      );
    };
    const stop = api.onUpdate((delta) =>
      setSnapshot((prev) => {
        const next = prev ? applyDelta(prev, delta) : null;
        if (!next) resync();
        return next ?? prev;
      }),
    );
    resync();
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return snapshot;
}

export function useShellStore(api: ShellApi, snapshot: ShellSnapshot): ShellStore {
  const [page, setPage] = useState<Page>('main');
  const [feedFilter, setFeedFilter] = useState<FeedFilter>(NO_FILTER);
  const [guideDismissed, setGuideDismissed] = useState(false);
  const [announcement, setAnnouncement] = useState({ text: '', seq: 0 });
  const [presenceOpen, setPresenceOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, seq: a.seq + 1 })), []);

  // main hides the vendor view while a page covers the content area.
  const overlay = page !== 'main';
  useEffect(() => api.setOverlay(overlay), [api, overlay]);

  const pageNow = useRef(page);
  pageNow.current = page;
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const setLeaveGuard = useCallback((guard: LeaveGuard | null) => void (leaveGuard.current = guard), []);
  /** Whether leaving Settings now waits for the agent's answer (which then runs `go`). */
  const held = (go: () => void) => pageNow.current === 'settings' && leaveGuard.current !== null && leaveGuard.current(go);

  const openPageNow = useCallback((next: Exclude<Page, 'main'>) => {
    if (pageNow.current === 'main' && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    setPage(next);
  }, []);

  const closePageNow = useCallback(() => {
    setPage('main');
    const back = opener.current;
    opener.current = null;
    // After the page is gone: back to whatever opened it.
    requestAnimationFrame(() => (back?.isConnected ? back : document.querySelector<HTMLElement>('.profile[aria-current="page"]'))?.focus());
  }, []);

  const selectProfileNow = useCallback(
    (id: string) => {
      setPage('main');
      opener.current = null;
      api.selectProfile(id);
    },
    [api],
  );

  const openPage = useCallback((next: Exclude<Page, 'main'>) => void (next === pageNow.current || held(() => openPageNow(next)) || openPageNow(next)), [openPageNow]);
  const closePage = useCallback(() => void (held(closePageNow) || closePageNow()), [closePageNow]);
  const selectProfile = useCallback((id: string) => void (held(() => selectProfileNow(id)) || selectProfileNow(id)), [selectProfileNow]);

  const dismissGuide = useCallback(() => {
    setGuideDismissed(true);
    api.dismissGuide();
  }, [api]);

  // main selected a profile (a notification was clicked): show its view, not a page over it.
  const selected = useRef(snapshot.selected);
  useEffect(() => {
    if (snapshot.selected === selected.current) return;
    selected.current = snapshot.selected;
    setPage('main');
  }, [snapshot.selected]);

  useRingingAnnouncements(snapshot, announce);

  return useMemo(
    () => ({ api, snapshot, page, openPage, closePage, selectProfile, feedFilter, setFeedFilter, guideDismissed, dismissGuide, announcement, announce, setLeaveGuard, presenceOpen, setPresenceOpen }),
    [api, snapshot, page, openPage, closePage, selectProfile, feedFilter, guideDismissed, dismissGuide, announcement, announce, setLeaveGuard, presenceOpen],
  );
}

/**
 * Says who is calling once when a profile starts ringing, and again when a new caller rings on a
 * profile that was already ringing ("Incoming call from Jane Doe on Demo softphone").
 */
function useRingingAnnouncements(snapshot: ShellSnapshot, announce: (text: string) => void): void {
  const announced = useRef(new Map<string, string>());
  useEffect(() => {
    const now = new Map<string, string>();
    const fresh: string[] = [];
    // A ring on the ring surface is announced there, assertively (RingAnnouncer): not twice.
    const onSurface = new Set(snapshot.rings.map((r) => r.profile));
    for (const p of snapshot.profiles) {
      if (p.state !== 'ringing' || onSurface.has(p.id)) continue;
      const text = ringingAnnouncement(p);
      now.set(p.id, text);
      if (announced.current.get(p.id) !== text) fresh.push(text);
    }
    announced.current = now;
    if (fresh.length > 0) announce(fresh.join('. '));
  }, [snapshot, announce]);
}
