/**
 * The ringtone follows main's snapshot: it sounds while `ringtone.ringing` > 0 (main decides which
 * rings sound: shared/notifications/ring-sound.ts) and stops as soon as it is 0 — answered
 * anywhere, declined, ended, missed, expired, do-not-disturb. The outputs are re-read when the
 * devices change (a headset plugged in mid-shift).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ShellSnapshot } from '../../../shared/ipc/shell-protocol';
import { ringPlan } from '../logic/ringtone-plan';
import { audioOutputs, RingtonePlayer } from './ringtone-player';

export function useAudioOutputs(): Array<{ id: string; label: string }> | null {
  const [outputs, setOutputs] = useState<Array<{ id: string; label: string }> | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      audioOutputs().then(
        (list) => live && setOutputs(list),
        () => live && setOutputs([]),
      );
    void read();
    navigator.mediaDevices.addEventListener('devicechange', read);
    return () => {
      live = false;
      navigator.mediaDevices.removeEventListener('devicechange', read);
    };
  }, []);
  return outputs;
}

export function useRingtone(ringtone: ShellSnapshot['ringtone']): void {
  const player = useRef<RingtonePlayer | null>(null);
  player.current ??= new RingtonePlayer((problem) => console.warn(problem));
  const outputs = useAudioOutputs();
  const ids = useMemo(() => (outputs ? outputs.map((o) => o.id) : null), [outputs]);
  const ringing = ringtone.ringing > 0;
  const sinks = ringing ? ringPlan(ringtone, ids) : null;
  const key = sinks ? JSON.stringify(sinks) : '';
  useEffect(() => {
    if (!sinks) player.current!.stop();
    else void player.current!.start(sinks);
    // key: the plan's content, so a new snapshot with the same plan does not restart the ring.
  }, [key]);
  useEffect(() => () => player.current!.stop(), []);
}
