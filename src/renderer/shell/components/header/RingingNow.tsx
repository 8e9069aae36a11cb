/**
 * Beside the presence control while anything rings: "Ringing: Sales US — Maria Garcia", a button
 * that shows that profile (wherever it is in the rail). The newest ring on the ring surface is
 * named; a profile ringing without a toast (DND let it through silently, say) by its caller line.
 * Further ringing profiles are counted.
 */
import { headerCallerText } from '../../logic/caller';
import { headerRingText } from '../../logic/ring-text';
import { useShell } from '../../state/shell-store';
import { BellIcon } from '../VendorIcon';

export function RingingNow() {
  const { snapshot, selectProfile } = useShell();
  const ringing = snapshot.profiles.filter((p) => p.state === 'ringing');
  const ring = snapshot.rings.at(-1);
  const first = (ring && ringing.find((p) => p.id === ring.profile)) ?? ringing.find((p) => p.caller) ?? ringing[0];
  if (!first) return null;
  const text = ring && ring.profile === first.id ? headerRingText(ring) : `Ringing: ${headerCallerText(first)}`;
  const more = ringing.length > 1 ? ` (+${ringing.length - 1} more ringing)` : '';
  return (
    <button type="button" class="ringing-now" title={`${text}${more}: show ${first.name}`} onClick={() => selectProfile(first.id)}>
      <BellIcon />
      <span class="ringing-text">{text}</span>
      {more && <span class="ringing-more">{more}</span>}
    </button>
  );
}
