/**
 * Keyboard accelerators ("CommandOrControl+Shift+R") and the Input objects of
 * 'before-input-event' (docs/api/structures/input-event.md, docs/api/accelerator.md).
 * CommandOrControl is Command on macOS and Control elsewhere.
 */
import { isMac } from './platform';

export interface KeyInput {
  type: 'keyDown' | 'keyUp';
  key: string;
  code: string;
  isAutoRepeat: boolean;
  isComposing: boolean;
  shift: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
  location: number;
  modifiers: string[];
}

interface Chord {
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
  key: string;
}

const NAMED: Record<string, { key: string; code: string }> = {
  plus: { key: '+', code: 'Equal' },
  '-': { key: '-', code: 'Minus' },
  '=': { key: '=', code: 'Equal' },
  '0': { key: '0', code: 'Digit0' },
  f5: { key: 'F5', code: 'F5' },
  f11: { key: 'F11', code: 'F11' },
  f12: { key: 'F12', code: 'F12' },
  escape: { key: 'Escape', code: 'Escape' },
  esc: { key: 'Escape', code: 'Escape' },
  enter: { key: 'Enter', code: 'Enter' },
  return: { key: 'Enter', code: 'Enter' },
  tab: { key: 'Tab', code: 'Tab' },
  space: { key: ' ', code: 'Space' },
  delete: { key: 'Delete', code: 'Delete' },
  backspace: { key: 'Backspace', code: 'Backspace' },
};

export function parseAccelerator(accelerator: string): Chord {
  const chord: Chord = { control: false, shift: false, alt: false, meta: false, key: '' };
  for (const raw of accelerator.split('+').filter(Boolean)) {
    const part = raw.toLowerCase();
    if (part === 'commandorcontrol' || part === 'cmdorctrl') chord[isMac() ? 'meta' : 'control'] = true;
    else if (part === 'command' || part === 'cmd' || part === 'super' || part === 'meta') chord.meta = true;
    else if (part === 'control' || part === 'ctrl') chord.control = true;
    else if (part === 'shift') chord.shift = true;
    else if (part === 'alt' || part === 'option') chord.alt = true;
    else chord.key = NAMED[part]?.key ?? (raw.length === 1 ? raw.toLowerCase() : raw);
  }
  if (accelerator.endsWith('++')) chord.key = '+';
  return chord;
}

/** The keyDown a person pressing `accelerator` produces. */
export function keyDownFor(accelerator: string): KeyInput {
  const chord = parseAccelerator(accelerator);
  const named = Object.values(NAMED).find((n) => n.key === chord.key);
  const key = chord.shift && chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  const code = named?.code ?? (/^[a-z]$/i.test(chord.key) ? `Key${chord.key.toUpperCase()}` : /^\d$/.test(chord.key) ? `Digit${chord.key}` : chord.key);
  const modifiers = [chord.shift && 'shift', chord.control && 'control', chord.alt && 'alt', chord.meta && 'meta'].filter((m): m is string => Boolean(m));
  return { type: 'keyDown', key, code, isAutoRepeat: false, isComposing: false, shift: chord.shift, control: chord.control, alt: chord.alt, meta: chord.meta, location: 0, modifiers };
}

export function matchesAccelerator(input: KeyInput, accelerator: string): boolean {
  const chord = parseAccelerator(accelerator);
  return (
    input.type === 'keyDown' &&
    input.control === chord.control &&
    input.shift === chord.shift &&
    input.alt === chord.alt &&
    input.meta === chord.meta &&
    input.key.toLowerCase() === chord.key.toLowerCase()
  );
}
