/** The window's ring for rings the OS did not show (src/main/notifications/ring-fallback.ts), over the real ShellState. */
import { describe, expect, it } from 'vitest';
import { createRingFallback } from '../../../src/main/notifications/ring-fallback';
import { ShellState } from '../../../src/main/shell/shell-state';
import { DEMO_PROFILE } from '../../../src/main/settings/profiles';

const ring = (key: string) => ({ key, profile: 'demo', profileName: 'Demo softphone', headline: 'Incoming call', caller: 'Jane Doe', why: 'failed' as const });

function rig() {
  const state = new ShellState([DEMO_PROFILE], false);
  const calls: string[] = [];
  const fallback = createRingFallback({
    state,
    window: () => ({ ringUnshown: (p) => void calls.push(`forward ${p}`), unshownRingsChanged: () => void calls.push('layout') }),
    changed: () => void calls.push('changed'),
    log: () => undefined,
  });
  return { state, calls, fallback };
}

describe('createRingFallback', () => {
  it('knows which rings the window rings for, from the shell state alone', () => {
    const { state, fallback } = rig();
    fallback.show(ring('demo:a'));
    expect(fallback.isRinging('demo:a')).toBe(true);
    expect(fallback.isRinging('demo:b')).toBe(false);
    expect(state.snapshot().unshownRings).toHaveLength(1);
  });

  it('ending a ring the window is not ringing for changes nothing', () => {
    const { calls, fallback } = rig();
    fallback.end('demo:never');
    expect(calls).toEqual([]);
  });

  it('endAll takes every window ring down and lays the window out again', () => {
    const { state, calls, fallback } = rig();
    fallback.show(ring('demo:a'));
    fallback.show(ring('demo:b'));
    calls.length = 0;
    fallback.endAll();
    expect(state.unshownRingCount).toBe(0);
    expect(fallback.isRinging('demo:a')).toBe(false);
    expect(calls).toEqual(['layout', 'changed', 'layout', 'changed']);
  });
});
