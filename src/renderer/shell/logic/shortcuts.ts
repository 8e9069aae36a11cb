/**
 * The shell's keyboard shortcuts: Ctrl/Cmd+1..9 select the nth profile, Ctrl/Cmd+Shift+D
 * toggles do-not-disturb. Either modifier is accepted (Cmd on macOS, Ctrl elsewhere; the other
 * platform's key is reserved by the OS), never both, and never with Alt.
 */
export type ShellShortcut = { type: 'select'; index: number } | { type: 'toggle-dnd' };

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function parseShortcut(e: KeyLike): ShellShortcut | null {
  if (e.altKey || e.ctrlKey === e.metaKey) return null;
  if (e.shiftKey && (e.code === 'KeyD' || e.key.toLowerCase() === 'd')) return { type: 'toggle-dnd' };
  if (e.shiftKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code ?? '')?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined);
  return digit ? { type: 'select', index: Number(digit) - 1 } : null;
}

/** What aria-keyshortcuts says for the nth profile (index 0..8), or undefined beyond the ninth. */
export function selectShortcutLabel(index: number): string | undefined {
  return index >= 0 && index < 9 ? `Control+${index + 1}` : undefined;
}
