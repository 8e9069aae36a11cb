/** A labelled text, number, time or multi-line input with its hint, lock and errors. */
import { FieldNotes, useFieldNotes, type NoteProps } from './FieldNotes';

interface Props extends NoteProps {
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'number' | 'time' | 'url';
  /** Multi-line (one entry per line). */
  rows?: number;
  min?: number;
  max?: number;
  placeholder?: string;
  /** Lets a list put focus here after it re-renders ([data-focus]). */
  focusKey?: string;
  /** Shown instead of an input: the value cannot be changed here. */
  readOnly?: boolean;
  /** A short entry (a time, a number): a narrow box. */
  short?: boolean;
  inputMode?: 'numeric' | 'text';
}

// Preact's input typings discriminate on one literal `type`; ours is a union of plain text-like types.
export function TextField({ label, value, onInput, type = 'text', rows, min, max, placeholder, focusKey, readOnly, short, inputMode, ...notes }: Props) {
  const ids = useFieldNotes(notes);
  const common = {
    id: ids.id,
    'data-focus': focusKey,
    value,
    disabled: ids.disabled,
    readOnly,
    placeholder,
    'aria-invalid': ids.invalid ? ('true' as const) : undefined,
    'aria-describedby': ids.describedBy,
  };
  return (
    <div class={`field${ids.invalid ? ' invalid' : ''}${ids.disabled ? ' locked' : ''}`}>
      <label for={ids.id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} spellcheck={false} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={type as 'text'}
          class={short ? 'short' : undefined}
          inputMode={inputMode}
          min={min}
          max={max}
          spellcheck={false}
          autocomplete="off"
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      <FieldNotes ids={ids} {...notes} />
    </div>
  );
}
