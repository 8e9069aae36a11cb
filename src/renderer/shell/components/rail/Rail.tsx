/**
 * The 280 px rail: profiles, the first-run guide, the live event feed. The profile list scrolls
 * (it is capped at 45 % of the rail), so a profile that starts ringing is scrolled into view:
 * ringing is never out of sight.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useShell } from '../../state/shell-store';
import { FeedPanel } from './FeedPanel';
import { Guide } from './Guide';
import { ProfileButton } from './ProfileButton';
import { TodayPanel } from './TodayPanel';

export function Rail({ inert }: { inert: boolean }) {
  const { snapshot, guideDismissed } = useShell();
  const list = useRef<HTMLElement>(null);
  const ringing = snapshot.profiles.filter((p) => p.state === 'ringing').map((p) => p.id);
  const newest = snapshot.rings.at(-1)?.profile;
  const target = newest && ringing.includes(newest) ? newest : ringing[0];
  const key = ringing.join(' ');
  useEffect(() => {
    if (!target) return;
    // 'nearest': no scroll when it is already in view; only the list scrolls, not the page.
    list.current?.querySelector(`[data-profile="${CSS.escape(target)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [target, key]);
  return (
    <div class="rail" inert={inert}>
      <nav class="profiles" aria-label="Profiles" ref={list}>
        {snapshot.profiles.length === 0 ? (
          <p class="muted">No profiles. Add one in Settings.</p>
        ) : (
          <ul>
            {snapshot.profiles.map((p, i) => (
              <li key={p.id}>
                <ProfileButton profile={p} index={i} selected={p.id === snapshot.selected} />
              </li>
            ))}
          </ul>
        )}
      </nav>
      <TodayPanel />
      {snapshot.guide && !guideDismissed && <Guide />}
      <FeedPanel />
    </div>
  );
}
