/**
 * The window's ring surface: a banner across the top of the content area for every call that
 * rings (main's snapshot `rings`), the newest named and the others counted. Main lays the vendor
 * view out below it (src/main/window/layout.ts), so no page covers it. When the OS did not show
 * the ring's toast (unshownRings), the banner says so: it is then the only place the ring shows.
 */
import type { UnshownRing } from '../../../shared/ipc/shell-protocol';
import { useShell } from '../state/shell-store';
import { RingSurface } from './ring/RingSurface';

const WHY: Record<UnshownRing['why'], string> = {
  failed: 'The system notification could not be shown.',
  unsupported: 'This system cannot show notifications.',
};

export function RingBanner() {
  const { snapshot, api } = useShell();
  const ring = snapshot.rings.at(-1);
  if (!ring) return null;
  const unshown = snapshot.unshownRings.find((u) => u.profile === ring.profile);
  return (
    <div class="ring-banner">
      <RingSurface key={ring.id} ring={ring} more={snapshot.rings.length - 1} keys="banner" act={(id, action) => api.ringAction(id, action)} {...(unshown ? { note: WHY[unshown.why] } : {})} />
    </div>
  );
}
