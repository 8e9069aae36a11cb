/**
 * What the content area shows under the vendor view (main draws the view on top of it): only
 * visible while the view is loading, hidden or gone.
 */
import { useShell } from '../state/shell-store';

export function ContentPlaceholder() {
  const { snapshot } = useShell();
  const profile = snapshot.profiles.find((p) => p.id === snapshot.selected);
  return (
    <div class="placeholder">
      {profile ? (
        <p>
          {profile.name}
          {profile.vendorLabel !== profile.name && ` (${profile.vendorLabel})`}
          {profile.health === 'ok' ? ' appears here.' : profile.health === 'loading' ? ' is loading…' : `: ${profile.healthDetail ?? profile.health}`}
        </p>
      ) : (
        <p>Select a profile in the rail, or add one in Settings.</p>
      )}
    </div>
  );
}
