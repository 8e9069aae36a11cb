/**
 * "Save your changes?": the agent leaves Settings (Close, another page, a profile, a shortcut)
 * with edits not saved. Save saves and then goes (and stays, showing the problems, when the
 * settings are not valid); Discard goes without them; Keep editing (also Escape) stays. A modal
 * <dialog> like the dial question: focus starts on Keep editing, so a stray Enter loses nothing.
 */
import { useEffect, useRef } from 'preact/hooks';

export type LeaveAnswer = 'save' | 'discard' | 'stay';

export function UnsavedChangesDialog({ onAnswer }: { onAnswer(answer: LeaveAnswer): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    stay.current?.focus();
    return () => {
      answered.current = true;
      if (el?.open) el.close();
    };
  }, []);
  const answer = (a: LeaveAnswer) => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(a);
  };
  return (
    <dialog ref={dialog} class="dial-question unsaved-dialog" aria-labelledby="unsaved-title" aria-describedby="unsaved-text" onClose={() => answer('stay')}>
      <h2 id="unsaved-title">Save your changes?</h2>
      <p id="unsaved-text">You changed settings and have not saved them. If you leave now without saving, the changes are lost.</p>
      <div class="dial-question-actions">
        <button ref={stay} type="button" class="secondary" onClick={() => answer('stay')}>
          Keep editing
        </button>
        <button type="button" class="secondary" onClick={() => answer('discard')}>
          Discard changes
        </button>
        <button type="button" class="primary" onClick={() => answer('save')}>
          Save
        </button>
      </div>
    </dialog>
  );
}
