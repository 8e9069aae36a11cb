/** The 280 px rail: profiles, the first-run guide, the live event feed. */
import { useShell } from '../../state/shell-store';
import { FeedPanel } from './FeedPanel';
import { Guide } from './Guide';
import { ProfileButton } from './ProfileButton';
import { TodayPanel } from './TodayPanel';

export function Rail({ inert }: { inert: boolean }) {
  const { snapshot, guideDismissed } = useShell();
  return (
    <div class="rail" inert={inert}>
      <nav class="profiles" aria-label="Profiles">
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
