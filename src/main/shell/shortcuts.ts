/**
 * Window shortcuts that must work wherever focus is, including inside a vendor view (which eats
 * the shell page's key events): main sees them first through each webContents'
 * 'before-input-event'. Ctrl on Windows/Linux, Cmd on macOS.
 */
export type Shortcut = { type: 'select'; index: number } | { type: 'toggle-dnd' };

export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

export function matchShortcut(input: KeyInput, platform: string): Shortcut | null {
  if (input.type !== 'keyDown' || input.alt) return null;
  const primary = platform === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  if (!primary) return null;
  if (input.shift && (input.key.toLowerCase() === 'd' || input.code === 'KeyD')) return { type: 'toggle-dnd' };
  const digit = /^Digit([1-9])$/.exec(input.code ?? '')?.[1] ?? (/^[1-9]$/.test(input.key) ? input.key : undefined);
  if (!input.shift && digit) return { type: 'select', index: Number(digit) - 1 };
  return null;
}
