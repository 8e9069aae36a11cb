/**
 * Today at a glance in the rail: calls taken, missed and talk time (kept by main from the event
 * stream, src/shared/missed/day-tally.ts), and the way into the Missed list with its count of
 * calls not seen yet.
 */
import { talkTime } from '../../logic/today';
import { useShell } from '../../state/shell-store';

export function TodayPanel() {
  const { snapshot, page, openPage, closePage } = useShell();
  const { taken, missed, talkSeconds } = snapshot.today;
  const notSeen = snapshot.missed.filter((m) => !m.seen).length;
  const open = page === 'missed';
  return (
    <section class="today" aria-labelledby="today-title">
      <h2 id="today-title" class="visually-hidden">
        Today
      </h2>
      <dl class="today-counters">
        <div>
          <dt>Taken</dt>
          <dd>{taken}</dd>
        </div>
        <div>
          <dt>Missed</dt>
          <dd>{missed}</dd>
        </div>
        <div>
          <dt>Talk time</dt>
          <dd>{talkTime(talkSeconds)}</dd>
        </div>
      </dl>
      <button type="button" class="missed-button" aria-pressed={open} onClick={() => (open ? closePage() : openPage('missed'))}>
        Missed calls
        {notSeen > 0 && (
          <span class="count-badge">
            {notSeen}
            <span class="visually-hidden"> not seen</span>
          </span>
        )}
      </button>
    </section>
  );
}
