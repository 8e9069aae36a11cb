/**
 * The header's presence control, mirroring the tray: the aggregate state on the button; its
 * panel offers "Set all to …", the tray's DND choices and each profile's presence. A disclosure:
 * the panel follows the button in tab order; while it is open the rail and the content under it
 * are inert (App.tsx), so focus cannot land on rail buttons it covers; Escape (wherever focus
 * is) or a click elsewhere closes it and focus goes back to the button.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { dndStatus, stateLabel } from '../../logic/presence';
import { useShell } from '../../state/shell-store';
import { DndChoices } from './DndChoices';
import { ProfilePresence } from './ProfilePresence';
import { SetAllPresence } from './SetAllPresence';

export function PresenceControl() {
  const { snapshot, presenceOpen: open, setPresenceOpen: setOpen } = useShell();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    // Escape closes it wherever focus is (the page, the header, the panel), not only inside it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, setOpen]);

  const dnd = dndStatus(snapshot.dnd, snapshot.dndScheduled, Date.now());
  return (
    <div class="presence" ref={root}>
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
            <SetAllPresence />
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
