/**
 * The header's presence control in words, mirroring the tray menu (src/shared/tray/menu-model.ts):
 * the same DND choices and labels, the same state names.
 */
import type { TrayState } from '../../../shared/contract/effects';
import type { DndMode, DndSnapshot } from '../../../shared/tray/dnd';
import { formatWhen, TRAY_STATE_LABELS } from '../../../shared/tray/labels';

export const DND_CHOICES: readonly { mode: DndMode; label: string }[] = [
  { mode: 'on', label: 'On' },
  { mode: 'hour', label: 'For 1 hour' },
  { mode: 'tomorrow', label: 'Until tomorrow 08:00' },
  { mode: 'off', label: 'Off' },
];

/** Ctrl/Cmd+Shift+D: any DND the agent set goes off, otherwise DND goes on. */
export const dndToggleTarget = (dnd: DndSnapshot): DndMode => (dnd.mode === 'off' ? 'on' : 'off');

/** "Off", "On", "On until 14:30", "On (weekly schedule)". */
export function dndStatus(dnd: DndSnapshot, scheduled: boolean, now: number): string {
  if (dnd.mode === 'off') return scheduled ? 'On (weekly schedule)' : 'Off';
  if ('until' in dnd) return `On until ${formatWhen(dnd.until, now)}`;
  return 'On';
}

export const stateLabel = (state: TrayState): string => TRAY_STATE_LABELS[state];
