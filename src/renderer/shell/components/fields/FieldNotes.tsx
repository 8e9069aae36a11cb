/**
 * What accompanies a form control: a hint, IT's lock with its reason, and validation errors,
 * each with an id the control names in aria-describedby. useFieldNotes() gives the control its
 * ids and state; <FieldNotes> renders them.
 */
import { useId } from 'preact/hooks';
import { LockIcon } from '../VendorIcon';

export interface NoteProps {
  hint?: string | undefined;
  /** Why IT locked the field; locked fields are disabled. */
  lock?: string | undefined;
  /** The id of a lock note already shown for a whole group (a locked profile's card): referenced, not repeated. */
  lockNoteId?: string | undefined;
  errors?: readonly string[] | undefined;
}

export interface FieldIds {
  id: string;
  hintId: string;
  lockId: string;
  errorId: string;
  describedBy: string | undefined;
  invalid: boolean;
  disabled: boolean;
}

export function useFieldNotes({ hint, lock, lockNoteId, errors }: NoteProps): FieldIds {
  const id = useId();
  const ids = { hintId: `${id}-hint`, lockId: lockNoteId ?? `${id}-lock`, errorId: `${id}-error` };
  const invalid = (errors?.length ?? 0) > 0;
  const describedBy = [invalid ? ids.errorId : '', lock ? ids.lockId : '', hint ? ids.hintId : ''].filter(Boolean).join(' ') || undefined;
  return { id, ...ids, describedBy, invalid, disabled: lock !== undefined };
}

export function LockNote({ id, reason }: { id?: string; reason: string }) {
  return (
    <p id={id} class="lock-note">
      <LockIcon />
      <span>Locked by IT: {reason}</span>
    </p>
  );
}

export function FieldNotes({ ids, hint, lock, lockNoteId, errors }: NoteProps & { ids: FieldIds }) {
  return (
    <>
      {errors && errors.length > 0 && (
        <p id={ids.errorId} class="field-error">
          {errors.map((m, i) => (
            <span key={i}>{m}</span>
          ))}
        </p>
      )}
      {lock !== undefined && lockNoteId === undefined && <LockNote id={ids.lockId} reason={lock} />}
      {hint && (
        <p id={ids.hintId} class="hint">
          {hint}
        </p>
      )}
    </>
  );
}
