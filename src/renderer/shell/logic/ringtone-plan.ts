/**
 * On which outputs the ring plays (issue 14): the chosen device, and the second one when it is
 * set, plugged in and not the same output; an unplugged choice falls back to the system default
 * rather than ringing nowhere. Volume 0 plays nothing. Pure, for the unit test; the player is
 * state/ringtone-player.ts.
 */
import type { ShellSnapshot } from '../../../shared/ipc/shell-protocol';

export const DEFAULT_OUTPUT = 'default';

export interface RingPlan {
  /** setSinkId ids, first the chosen one. */
  sinks: string[];
  /** HTMLMediaElement.volume, 0–1. */
  volume: number;
}

export function ringPlan(ringtone: Pick<ShellSnapshot['ringtone'], 'device' | 'secondDevice' | 'volume'>, outputs: readonly string[] | null): RingPlan {
  const volume = Math.max(0, Math.min(100, ringtone.volume)) / 100;
  if (volume === 0) return { sinks: [], volume };
  // null: the list is not known (yet); the ids are tried as chosen and setSinkId says if one is gone.
  const present = (id: string) => id === DEFAULT_OUTPUT || outputs === null || outputs.includes(id);
  const first = present(ringtone.device) ? ringtone.device : DEFAULT_OUTPUT;
  const sinks = [first];
  const second = ringtone.secondDevice;
  if (second !== null && present(second) && second !== first) sinks.push(second);
  return { sinks, volume };
}
