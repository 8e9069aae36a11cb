/** A labelled select with its hint, lock and errors. */
import { FieldNotes, useFieldNotes, type NoteProps } from './FieldNotes';

interface Props<T extends string> extends NoteProps {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

export function SelectField<T extends string>({ label, value, options, onChange, ...notes }: Props<T>) {
  const ids = useFieldNotes(notes);
  return (
    <div class={`field${ids.invalid ? ' invalid' : ''}${ids.disabled ? ' locked' : ''}`}>
      <label for={ids.id}>{label}</label>
      <select
        id={ids.id}
        value={value}
        disabled={ids.disabled}
        aria-invalid={ids.invalid ? 'true' : undefined}
        aria-describedby={ids.describedBy}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.currentTarget.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes ids={ids} {...notes} />
    </div>
  );
}
