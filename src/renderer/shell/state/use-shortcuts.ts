/**
 * Ctrl/Cmd+1..9 and Ctrl/Cmd+Shift+D while the shell UI has focus (main handles them while a
 * vendor view has it).
 */
import { useEffect } from 'preact/hooks';
import { parseShortcut } from '../logic/shortcuts';
import { dndToggleTarget } from '../logic/presence';
import type { ShellStore } from './shell-store';

export function useShortcuts(store: ShellStore): void {
  const { api, snapshot, selectProfile, announce } = store;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = parseShortcut(e);
      if (!shortcut) return;
      if (shortcut.type === 'select') {
        const profile = snapshot.profiles[shortcut.index];
        if (!profile) return;
        e.preventDefault();
        selectProfile(profile.id);
        announce(`${profile.name} selected`);
        return;
      }
      e.preventDefault();
      const mode = dndToggleTarget(snapshot.dnd);
      api.setDnd(mode).then(
        () => announce(mode === 'off' ? 'Do not disturb is off' : 'Do not disturb is on'),
        () => announce('Do not disturb could not be changed'),
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, snapshot, selectProfile, announce]);
}
