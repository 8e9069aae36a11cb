/**
 * The tray's Do-not-disturb submenu as four toggle buttons: On, For 1 hour, Until tomorrow 08:00,
 * Off, named for what it does: Switchboard stops alerting, the vendors still route calls — except
 * the ones that take a Do not disturb status of their own (RingCentral, the demo), which main sets
 * too (presence-all-wiring.ts), and which are named here.
 */
import { useState } from 'preact/hooks';
import type { DndMode } from '../../../../shared/tray/dnd';
import { takesDnd } from '../../../../shared/presence/set-all';
import { DND_CHOICES, dndStatus } from '../../logic/presence';
import { useShell } from '../../state/shell-store';
import { shortcutText } from '../../logic/shortcuts';

export function DndChoices() {
  const { api, snapshot, announce } = useShell();
  const [error, setError] = useState('');
  const status = dndStatus(snapshot.dnd, snapshot.dndScheduled, Date.now());
  const following = snapshot.profiles.filter((p) => takesDnd(p.vendor)).map((p) => p.name);

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
      <p class="hint">
        Switchboard stops alerting; your vendors still route calls
        {following.length > 0 ? `, except ${following.join(' and ')}, ${following.length === 1 ? 'which is' : 'which are'} set to Do not disturb too.` : '.'}
      </p>
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
