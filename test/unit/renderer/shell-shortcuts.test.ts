import { describe, expect, it } from 'vitest';
import { parseShortcut, selectShortcutLabel, type KeyLike } from '../../../src/renderer/shell/logic/shortcuts';

const key = (over: Partial<KeyLike>): KeyLike => ({ key: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

describe('shell shortcuts', () => {
  it('Ctrl or Cmd + 1..9 select the nth profile (by key or by physical key)', () => {
    expect(parseShortcut(key({ key: '1', code: 'Digit1', ctrlKey: true }))).toEqual({ type: 'select', index: 0 });
    expect(parseShortcut(key({ key: '9', code: 'Digit9', metaKey: true }))).toEqual({ type: 'select', index: 8 });
    // A layout where the digit row types other characters (AZERTY): the physical key counts.
    expect(parseShortcut(key({ key: '&', code: 'Digit1', ctrlKey: true }))).toEqual({ type: 'select', index: 0 });
    expect(parseShortcut(key({ key: '3', code: 'Numpad3', ctrlKey: true }))).toEqual({ type: 'select', index: 2 });
  });

  it('Ctrl or Cmd + Shift + D toggles DND', () => {
    expect(parseShortcut(key({ key: 'D', code: 'KeyD', ctrlKey: true, shiftKey: true }))).toEqual({ type: 'toggle-dnd' });
    expect(parseShortcut(key({ key: 'd', metaKey: true, shiftKey: true }))).toEqual({ type: 'toggle-dnd' });
  });

  it('ignores everything else', () => {
    expect(parseShortcut(key({ key: '1', code: 'Digit1' }))).toBeNull();
    expect(parseShortcut(key({ key: '0', code: 'Digit0', ctrlKey: true }))).toBeNull();
    expect(parseShortcut(key({ key: '1', code: 'Digit1', ctrlKey: true, altKey: true }))).toBeNull();
    expect(parseShortcut(key({ key: '1', code: 'Digit1', ctrlKey: true, metaKey: true }))).toBeNull();
    expect(parseShortcut(key({ key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(parseShortcut(key({ key: 'd', code: 'KeyD', ctrlKey: true }))).toBeNull();
    expect(parseShortcut(key({ key: 'D', code: 'KeyD', shiftKey: true }))).toBeNull();
  });

  it('labels the first nine profiles for aria-keyshortcuts', () => {
    expect(selectShortcutLabel(0)).toBe('Control+1');
    expect(selectShortcutLabel(8)).toBe('Control+9');
    expect(selectShortcutLabel(9)).toBeUndefined();
  });
});
