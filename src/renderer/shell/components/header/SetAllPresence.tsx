/**
 * "Set all to Available / Break / Away / Offline", for a while or until changed. main puts each
 * profile in the nearest status its vendor has (src/shared/presence/set-all.ts) and answers, per
 * profile, what happened, in plain words: which followed, which cannot and where to set it.
 */
import { useState } from 'preact/hooks';
import type { PresenceAllStatus } from '../../../../shared/ipc/shell-protocol';
import { SET_ALL_CHOICES, SET_ALL_LABELS, type SetAllChoice } from '../../../../shared/presence/set-all';
import { hourMinute } from '../../logic/today';
import { useShell } from '../../state/shell-store';

type Minutes = 15 | 30 | 60 | null;
const DURATIONS: readonly { value: string; minutes: Minutes; label: string }[] = [
  { value: 'until-changed', minutes: null, label: 'Until I change it' },
  { value: '15', minutes: 15, label: 'For 15 minutes, then back' },
  { value: '30', minutes: 30, label: 'For 30 minutes, then back' },
  { value: '60', minutes: 60, label: 'For 1 hour, then back' },
];

export function SetAllPresence() {
  const { api, snapshot, announce } = useShell();
  const [duration, setDuration] = useState('until-changed');
  const [error, setError] = useState('');
  const status: PresenceAllStatus | null = snapshot.presenceAll;

  const choose = (choice: SetAllChoice) => {
    setError('');
    const minutes = DURATIONS.find((d) => d.value === duration)?.minutes ?? null;
    api.setAllPresence(choice, minutes).then(
      (result) => announce(`Set all to ${result.label}: ${result.lines.map((l) => l.text).join(' ')}`),
      (err: unknown) => setError(`Could not set everyone's status: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  return (
    <fieldset class="set-all">
      <legend>Set all profiles to</legend>
      <div class="dnd-choices">
        {SET_ALL_CHOICES.map((choice) => (
          <button key={choice} type="button" class="chip" aria-pressed={status?.choice === choice && !status.ended} onClick={() => choose(choice)}>
            {SET_ALL_LABELS[choice]}
          </button>
        ))}
      </div>
      <label class="set-all-duration">
        <span>How long</span>
        <select value={duration} onChange={(e) => setDuration((e.currentTarget as HTMLSelectElement).value)}>
          {DURATIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      {status && (
        <div class="set-all-result" role="status">
          <p class="set-all-head">
            {status.ended ? `${status.label} is over: profiles are back to what they were.` : status.until !== null ? `${status.label} until ${hourMinute(status.until)}, then back.` : `${status.label} until you change it.`}
          </p>
          <ul>
            {status.lines.map((l) => (
              <li key={l.profile} class={l.ok ? 'followed' : 'cannot'}>
                <span aria-hidden="true">{l.ok ? '✓ ' : '! '}</span>
                {l.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p class="outcome failed" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
