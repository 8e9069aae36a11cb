/**
 * Beside the presence control while anything rings: who is calling, from which queue, on which
 * profile. One line (it ellipsizes on narrow windows; the full text is its title); further
 * ringing profiles are counted. Screen readers hear the same through the ringing announcement.
 */
import { headerCallerText } from '../../logic/caller';
import { useShell } from '../../state/shell-store';
import { BellIcon } from '../VendorIcon';

export function RingingNow() {
  const { snapshot } = useShell();
  const ringing = snapshot.profiles.filter((p) => p.state === 'ringing');
  const first = ringing.find((p) => p.caller) ?? ringing[0];
  if (!first) return null;
  const text = headerCallerText(first);
  const more = ringing.length > 1 ? ` (+${ringing.length - 1} more ringing)` : '';
  return (
    <p class="ringing-now" title={`${text}${more}`}>
      <BellIcon />
      <span class="ringing-text">{text}</span>
      {more && <span class="ringing-more">{more}</span>}
    </p>
  );
}
