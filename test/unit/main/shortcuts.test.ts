import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyInput } from '../../../src/main/shell/shortcuts';

const key = (over: Partial<KeyInput>): KeyInput => ({ type: 'keyDown', key: '', control: false, meta: false, shift: false, alt: false, ...over });

describe('window shortcuts', () => {
  it('Ctrl+1..9 selects a profile and Ctrl+Shift+D toggles DND on Windows and Linux', () => {
    expect(matchShortcut(key({ key: '1', code: 'Digit1', control: true }), 'win32')).toEqual({ type: 'select', index: 0 });
    expect(matchShortcut(key({ key: '9', code: 'Digit9', control: true }), 'linux')).toEqual({ type: 'select', index: 8 });
    expect(matchShortcut(key({ key: 'D', code: 'KeyD', control: true, shift: true }), 'linux')).toEqual({ type: 'toggle-dnd' });
  });

  it('Cmd on macOS, and nothing else', () => {
    expect(matchShortcut(key({ key: '2', code: 'Digit2', meta: true }), 'darwin')).toEqual({ type: 'select', index: 1 });
    expect(matchShortcut(key({ key: '2', code: 'Digit2', control: true }), 'darwin')).toBeNull();
    expect(matchShortcut(key({ key: '0', code: 'Digit0', control: true }), 'linux')).toBeNull();
    expect(matchShortcut(key({ key: '1', code: 'Digit1', control: true, alt: true }), 'linux')).toBeNull();
    expect(matchShortcut(key({ key: '1', code: 'Digit1', control: true, type: 'keyUp' }), 'linux')).toBeNull();
    expect(matchShortcut(key({ key: 'd', code: 'KeyD', control: true }), 'linux')).toBeNull();
    expect(matchShortcut(key({ key: '!', code: 'Digit1', control: true, shift: true }), 'linux')).toBeNull();
  });
});
