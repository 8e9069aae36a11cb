/**
 * A ring the OS did not show (its system notification failed, or this system has none): a banner
 * across the top of the content area naming who calls on which profile, until the ring ends. Main
 * lays the vendor view out below it (src/main/window/layout.ts), so no page covers it; the newest
 * ring is named, further ones counted. Screen readers already hear the ring through LiveRegion.
 */
import type { UnshownRing } from '../../../shared/ipc/shell-protocol';
import { useShell } from '../state/shell-store';
import { BellIcon } from './VendorIcon';

const WHY: Record<UnshownRing['why'], string> = {
  failed: 'The system notification could not be shown.',
  unsupported: 'This system cannot show notifications.',
};

export function RingBanner() {
  const { snapshot } = useShell();
  const rings = snapshot.unshownRings;
  const ring = rings.at(-1);
  if (!ring) return null;
  const more = rings.length > 1 ? ` (+${rings.length - 1} more ringing)` : '';
  const who = `${ring.headline}${ring.caller ? ` from ${ring.caller}` : ''}`;
  // Two lines, each ellipsized on narrow windows; the whole text is the title.
  return (
    <section class="ring-banner" aria-label="Ringing call" title={`${who} on ${ring.profileName}${more}. ${WHY[ring.why]}`}>
      <BellIcon />
      <div class="ring-banner-lines">
        <p class="ring-banner-who">
          <strong>{who}</strong> on {ring.profileName}
          {more}
        </p>
        <p class="ring-banner-why">{WHY[ring.why]}</p>
      </div>
    </section>
  );
}
