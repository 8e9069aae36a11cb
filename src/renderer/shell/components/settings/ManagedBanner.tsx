/**
 * "Managed by your organisation": shown at the top of Settings while an IT policy locks anything
 * (the settings view's locks come from main's policy, src/main/settings), so the agent knows why
 * some fields cannot be changed before meeting the first lock note.
 */
import type { Locks } from '../../../../shared/ipc/shell-protocol';
import { LockIcon } from '../VendorIcon';

export function ManagedBanner({ locks }: { locks: Locks }) {
  const count = Object.keys(locks).length;
  if (count === 0) return null;
  return (
    <div class="managed-banner" role="note" aria-labelledby="managed-banner-title">
      <LockIcon />
      <div>
        <p id="managed-banner-title" class="managed-title">
          Managed by your organisation
        </p>
        <p class="managed-text">Your IT team sets some of these settings; they show a lock and cannot be changed here. Ask IT if one needs to change.</p>
      </div>
    </div>
  );
}
