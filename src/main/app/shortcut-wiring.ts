/**
 * Window shortcuts (Ctrl/Cmd+1..9, Ctrl/Cmd+Shift+D) wherever focus is: each webContents'
 * 'before-input-event' sees keys before its page does, vendor views included.
 */
import type { WebContents } from 'electron';
import { matchShortcut, type Shortcut } from '../shell/shortcuts';

export function wireShortcuts(contents: readonly WebContents[], run: (shortcut: Shortcut) => void): void {
  for (const c of contents) {
    c.on('before-input-event', (event, input) => {
      const shortcut = matchShortcut(input, process.platform);
      if (!shortcut) return;
      event.preventDefault();
      run(shortcut);
    });
  }
}
