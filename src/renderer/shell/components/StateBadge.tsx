/** A profile's or the shell's state as a coloured pill; ringing also carries a bell and pulses. */
import type { TrayState } from '../../../shared/contract/effects';
import { TRAY_STATE_LABELS } from '../../../shared/tray/labels';
import { BellIcon } from './VendorIcon';

export function StateBadge({ state }: { state: TrayState }) {
  return (
    <span class="badge" data-state={state}>
      {state === 'ringing' && <BellIcon />}
      {TRAY_STATE_LABELS[state]}
    </span>
  );
}
