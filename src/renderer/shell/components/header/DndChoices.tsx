/** The tray's Do-not-disturb submenu as four toggle buttons: On, For 1 hour, Until tomorrow 08:00, Off. */
import { useState } from 'preact/hooks';
import type { DndMode } from '../../../../shared/tray/dnd';
import { DND_CHOICES, dndStatus } from '../../logic/presence';
import { useShell } from '../../state/shell-store';
import { shortcutText } from '../../logic/shortcuts';

export function DndChoices() {
  const { api, snapshot, announce } = useShell();
  const [error, setError] = useState('');
  const status = dndStatus(snapshot.dnd, snapshot.dndScheduled, Date.now());

  const choose = (mode: DndMode, label: string) => {
    setError('');
    api.setDnd(mode).then(
      () => announce(`Do not disturb: ${label}`),
      (err: unknown) => setError(`Do not disturb could not be changed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  return (
    <fieldset class="dnd">
      <legend>
        Do not disturb: <span class="dnd-status">{status}</span>
      </legend>
      <div class="dnd-choices">
        {DND_CHOICES.map(({ mode, label }) => (
          <button key={mode} type="button" class="chip" aria-pressed={snapshot.dnd.mode === mode} onClick={() => choose(mode, label)}>
            {label}
          </button>
        ))}
      </div>
      <p class="hint">{shortcutText({ shift: true, key: 'D' })} switches it on or off.</p>
      {error && (
        <p class="outcome failed" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
