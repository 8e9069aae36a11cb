/**
 * The ring surface: who calls (name, number formatted for reading), how (call, chat…), from which
 * queue, on which profile, for how long, and what the agent can do — Answer / Decline where the
 * vendor's adapter has those commands (main sends the vendor's own command, the path the toast's
 * buttons take), "Open <profile> to answer" where it has not. Enter answers and Escape declines.
 * The same component is the window's banner (RingBanner.tsx) and the ring window's page
 * (RingWindowApp.tsx); the assertive announcement is RingAnnouncer's, which is always in the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Outcome, Ring, RingActionRequest } from '../../../../shared/ipc/shell-protocol';
import { ringTime } from '../../logic/ring-time';
import { ringNoun, ringSecondNumber, ringWho } from '../../logic/ring-text';
import { BellIcon } from '../VendorIcon';

export interface RingSurfaceProps {
  ring: Ring;
  /** Further calls ringing besides this one (the newest is shown). */
  more: number;
  /** Why the OS toast did not show, when it did not (the banner was once only that fallback). */
  note?: string;
  /**
   * 'window': the ring window, where every Enter / Escape is the agent's answer to the ring;
   * 'banner': the shell window, where they are only while focus is on the banner or on nothing
   * (an agent typing in Settings keeps their Enter and Escape).
   */
  keys: 'window' | 'banner';
  act(id: string, action: RingActionRequest['action']): Promise<Outcome>;
}

/** main's clock and this page's are the same machine's: the ring time counts from main's `since`. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const TYPING = 'input, textarea, select, [contenteditable], [role="dialog"] *';

export function RingSurface({ ring, more, note, keys, act }: RingSurfaceProps) {
  const now = useNow();
  const root = useRef<HTMLElement>(null);
  const [problem, setProblem] = useState('');
  const canAnswer = ring.actions.includes('answer');
  const canDecline = ring.actions.includes('decline');

  const run = (action: RingActionRequest['action']) => {
    setProblem('');
    act(ring.id, action).then(
      (outcome) => !outcome.ok && setProblem(outcome.reason),
      (err: Error) => setProblem(err.message),
    );
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'Enter' && e.key !== 'Escape') return;
      const target = e.target instanceof Element ? e.target : null;
      // A focused button answers Enter itself (its own action); fields and dialogs keep their keys.
      if (target?.closest(TYPING) || (e.key === 'Enter' && target?.closest('button, a'))) return;
      if (keys === 'banner' && target && target !== document.body && !root.current?.contains(target)) return;
      const action = e.key === 'Enter' ? (canAnswer ? 'answer' : null) : canDecline ? 'decline' : null;
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const noun = ringNoun(ring);
  const number = ringSecondNumber(ring);
  const details = [`Incoming ${noun}`, ring.queue ? `${ring.queue} queue` : '', ring.profileName].filter(Boolean).join(' · ');
  const elapsed = ringTime(now - ring.since);
  return (
    <section ref={root} class={`ring-surface ring-surface-${keys}`} aria-label={`Incoming ${noun}`} data-ring={ring.id}>
      <BellIcon />
      <div class="ring-lines">
        <p class="ring-who">
          <strong>{ringWho(ring)}</strong>
          {number && <span class="ring-number nowrap">{number}</span>}
        </p>
        <p class="ring-details">
          <span>{details}</span>
          <span class="ring-time" aria-label={`ringing for ${elapsed}`}>
            {' · '}
            <span aria-hidden="true">ringing {elapsed}</span>
          </span>
          {more > 0 && <span class="ring-more">{` · +${more} more ringing`}</span>}
        </p>
        {(problem || note) && <p class="ring-note">{problem || note}</p>}
      </div>
      <div class="ring-actions">
        {canAnswer && (
          <button type="button" class="ring-answer" aria-keyshortcuts="Enter" onClick={() => run('answer')}>
            Answer
          </button>
        )}
        {canDecline && (
          <button type="button" class="ring-decline" aria-keyshortcuts="Escape" onClick={() => run('decline')}>
            Decline
          </button>
        )}
        {!canAnswer && (
          <button type="button" class="ring-open" onClick={() => run('open')}>
            Open {ring.profileName} to answer
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * The one assertive live region for rings: it is in the page before any ring, so a new ring's
 * words are announced at once (a region inserted with its text is not reliably read). It names
 * the newest ring's caller each time a new ring starts.
 */
export function RingAnnouncer({ text }: { text: string }) {
  return (
    <div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-ring-announcer="">
      {text}
    </div>
  );
}
