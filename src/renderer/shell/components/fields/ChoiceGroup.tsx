/**
 * A fieldset of radios (one value) or checkboxes (several), with one legend, hint, lock and
 * error list for the group.
 */
import { FieldNotes, useFieldNotes, type NoteProps } from './FieldNotes';

interface Option<T extends string> {
  value: T;
  label: string;
}

interface RadioProps<T extends string> extends NoteProps {
  legend: string;
  value: T;
  options: readonly Option<T>[];
  onChange(value: T): void;
}

export function RadioGroup<T extends string>({ legend, value, options, onChange, ...notes }: RadioProps<T>) {
  const ids = useFieldNotes(notes);
  return (
    <fieldset class={`field group${ids.invalid ? ' invalid' : ''}${ids.disabled ? ' locked' : ''}`} aria-describedby={ids.describedBy} aria-invalid={ids.invalid ? 'true' : undefined}>
      <legend>{legend}</legend>
      <div class="choices">
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input type="radio" name={ids.id} value={o.value} checked={o.value === value} disabled={ids.disabled} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNotes ids={ids} {...notes} />
    </fieldset>
  );
}

interface CheckProps<T extends string> extends NoteProps {
  legend: string;
  checked: ReadonlySet<T>;
  options: readonly Option<T>[];
  onToggle(value: T, on: boolean): void;
}

export function CheckGroup<T extends string>({ legend, checked, options, onToggle, ...notes }: CheckProps<T>) {
  const ids = useFieldNotes(notes);
  return (
    <fieldset class={`field group${ids.invalid ? ' invalid' : ''}${ids.disabled ? ' locked' : ''}`} aria-describedby={ids.describedBy}>
      <legend>{legend}</legend>
      <div class="choices">
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input
              type="checkbox"
              checked={checked.has(o.value)}
              disabled={ids.disabled}
              aria-invalid={ids.invalid ? 'true' : undefined}
              onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNotes ids={ids} {...notes} />
    </fieldset>
  );
}
