/**
 * The header's presence control, mirroring the tray: the aggregate state on the button; its
 * panel offers the tray's DND choices and each profile's presence. A disclosure: the panel
 * follows the button in tab order, Escape or a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { dndStatus, stateLabel } from '../../logic/presence';
import { useShell } from '../../state/shell-store';
import { DndChoices } from './DndChoices';
import { ProfilePresence } from './ProfilePresence';

export function PresenceControl() {
  const { snapshot } = useShell();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  const dnd = dndStatus(snapshot.dnd, snapshot.dndScheduled, Date.now());
  return (
    <div class="presence" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" class="presence-button" data-state={snapshot.tray} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span class="dot" aria-hidden="true" />
        <span class="visually-hidden">Presence: </span>
        {stateLabel(snapshot.tray)}
        {snapshot.tray !== 'dnd' && dnd !== 'Off' && <span class="dnd-flag"> · DND</span>}
        <span class="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} class="presence-panel" role="group" aria-label="Presence and do not disturb" hidden={!open}>
        {open && (
          <>
            <DndChoices />
            <h2 class="panel-title">Profiles</h2>
            {snapshot.profiles.length === 0 && <p class="muted">No profiles yet.</p>}
            <ul class="presence-profiles">
              {snapshot.profiles.map((p) => (
                <li key={p.id}>
                  <ProfilePresence profile={p} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
