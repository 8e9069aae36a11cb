/**
 * The ring window's page (src/main/shell/ring-window.ts opens it at app://shell/index.html#ring):
 * the ring surface alone, from the same snapshots and ShellApi as the shell window. Main closes
 * the window when nothing rings; until then the newest ring is shown.
 */
import type { ShellApi } from '../../../../shared/ipc/shell-protocol';
import { useSnapshot } from '../../state/shell-store';
import { useRingAnnouncement } from './use-ring-announcement';
import { RingAnnouncer, RingSurface } from './RingSurface';

export function RingWindowApp({ api }: { api: ShellApi }) {
  const snapshot = useSnapshot(api);
  const rings = snapshot?.rings ?? [];
  const announcement = useRingAnnouncement(rings);
  const ring = rings.at(-1);
  return (
    <main class="ring-window">
      <h1 class="visually-hidden">Incoming call</h1>
      {ring ? (
        <RingSurface key={ring.id} ring={ring} more={rings.length - 1} keys="window" act={(id, action) => api.ringAction(id, action)} />
      ) : (
        <p class="ring-window-idle">{snapshot ? 'No call is ringing.' : 'Starting…'}</p>
      )}
      <RingAnnouncer text={announcement} />
    </main>
  );
}
