/** A labelled checkbox with its hint, lock and errors. */
import { FieldNotes, useFieldNotes, type NoteProps } from './FieldNotes';

interface Props extends NoteProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckField({ label, checked, onChange, ...notes }: Props) {
  const ids = useFieldNotes(notes);
  return (
    <div class={`field check${ids.invalid ? ' invalid' : ''}${ids.disabled ? ' locked' : ''}`}>
      <input
        id={ids.id}
        type="checkbox"
        checked={checked}
        disabled={ids.disabled}
        aria-invalid={ids.invalid ? 'true' : undefined}
        aria-describedby={ids.describedBy}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={ids.id}>{label}</label>
      <FieldNotes ids={ids} {...notes} />
    </div>
  );
}
