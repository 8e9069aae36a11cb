/**
 * Today's missed callers: who, number, queue, profile, when and how many times they tried, with
 * Call back. Call back goes through main's dialer: the same "Call … with …?" question a link
 * raises (DialQuestion.tsx) comes up, and nothing is dialled before the agent answers Call.
 * Opening the list marks its calls seen (the rail's badges clear).
 */
import { useEffect, useState } from 'preact/hooks';
import type { MissedCallView, Outcome } from '../../../../shared/ipc/shell-protocol';
import { formatNumber } from '../../../../shared/core/phone-format';
import { profileNamer } from '../../logic/feed-filter';
import { attemptsText, hourMinute, missedWho } from '../../logic/today';
import { useShell } from '../../state/shell-store';
import { failure, OutcomeMessage } from '../Outcome';
import { PageFrame } from '../PageFrame';

export function MissedPage() {
  const { api, snapshot } = useShell();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const nameOf = profileNamer(snapshot.profiles);
  const unseen = snapshot.missed.some((m) => !m.seen);

  // Seen when shown, and again when a call is missed while the list is open.
  useEffect(() => {
    if (unseen) api.missedSeen();
  }, [api, unseen]);

  const callBack = (m: MissedCallView) => {
    setOutcome(null);
    api.callBack(m.id).then(
      (o) => setOutcome(o.ok ? null : o),
      (err: unknown) => setOutcome(failure(err)),
    );
  };

  return (
    <PageFrame id="missed-page" title="Missed calls">
      <OutcomeMessage outcome={outcome} failedPrefix="Could not call back: " />
      {snapshot.missed.length === 0 ? (
        <p class="muted">No missed calls today.</p>
      ) : (
        <ul class="missed-list" aria-label="Missed today, newest first">
          {snapshot.missed.map((m) => (
            <li key={m.id} class="missed-item">
              <div class="missed-who">
                <span class="missed-name">{missedWho(m)}</span>
                {m.name && m.number && <span class="missed-number nowrap">{formatNumber(m.number)}</span>}
              </div>
              <div class="missed-where">
                {[m.queue, nameOf(m.profile)].filter(Boolean).join(' · ')}
              </div>
              <div class="missed-when">
                <time dateTime={new Date(m.at).toISOString()}>{hourMinute(m.at)}</time> · {attemptsText(m.attempts)}
              </div>
              <div class="missed-action">
                {m.dial ? (
                  <button type="button" class="primary" onClick={() => callBack(m)}>
                    Call back<span class="visually-hidden"> {missedWho(m)}</span>
                  </button>
                ) : (
                  <span class="muted">No number to call: open {nameOf(m.profile)} to reply.</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
