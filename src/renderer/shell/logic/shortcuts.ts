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

/**
 * Whether the shell runs on macOS, where the shortcuts are Cmd (⌘) rather than Ctrl. Chromium
 * reports "MacIntel" as navigator.platform on every Mac (Apple silicon included), so Electron's
 * renderer sees it too; a browser test sets it to check both spellings.
 */
export function isMacPlatform(platform: string = (globalThis as { navigator?: { platform?: string } }).navigator?.platform ?? ''): boolean {
  return /^Mac/i.test(platform);
}

/** What aria-keyshortcuts says for the nth profile (index 0..8), or undefined beyond the ninth. */
export function selectShortcutLabel(index: number, mac = isMacPlatform()): string | undefined {
  return index >= 0 && index < 9 ? `${mac ? 'Meta' : 'Control'}+${index + 1}` : undefined;
}

/** A shortcut as the agent reads it: "⌘1", "⌘⇧D" on macOS (Apple's own notation), "Ctrl+1", "Ctrl+Shift+D" elsewhere. */
export function shortcutText(keys: { shift?: boolean; key: string }, mac = isMacPlatform()): string {
  if (mac) return `⌘${keys.shift ? '⇧' : ''}${keys.key}`;
  return `Ctrl+${keys.shift ? 'Shift+' : ''}${keys.key}`;
}
