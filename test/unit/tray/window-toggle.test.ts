import { describe, expect, it } from 'vitest';
import { createFocusWatch, FOCUS_GRACE_MS, toggleAction } from '../../../src/main/tray/window-toggle';

describe('tray click: hide the window the agent was using, otherwise bring it forward', () => {
  it('Windows order: the taskbar blurs the window, then the click arrives: hide', () => {
    const watch = createFocusWatch();
    watch.focus(1000);
    watch.blur(2000);
    expect(toggleAction({ visible: true, focused: false }, watch, 2005)).toBe('hide');
  });

  it('a click before the blur is delivered (still focused by its events) hides too', () => {
    const watch = createFocusWatch();
    watch.focus(1000);
    expect(toggleAction({ visible: true, focused: false }, watch, 5000)).toBe('hide');
  });

  it('focused at the click (Linux, where the panel takes no focus): hide', () => {
    expect(toggleAction({ visible: true, focused: true }, createFocusWatch(), 0)).toBe('hide');
  });

  it('a window behind another app for longer than the grace comes forward', () => {
    const watch = createFocusWatch();
    watch.focus(1000);
    watch.blur(2000);
    expect(toggleAction({ visible: true, focused: false }, watch, 2000 + FOCUS_GRACE_MS + 1)).toBe('show');
  });

  it('a hidden window is shown, however recently it had focus (hiding blurs it)', () => {
    const watch = createFocusWatch();
    watch.focus(1000);
    watch.blur(1001);
    expect(toggleAction({ visible: false, focused: false }, watch, 1002)).toBe('show');
  });

  it('a window that never had focus comes forward', () => {
    expect(toggleAction({ visible: true, focused: false }, createFocusWatch(), 10_000)).toBe('show');
  });
});
