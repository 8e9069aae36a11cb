/** Taskbar flash, Dock bounce and badge per OS while calls ring (src/main/notifications/ring-attention.ts). */
import { describe, expect, it } from 'vitest';
import { createRingAttention } from '../../../src/main/notifications/ring-attention';

function rig(platform: string, focused = false) {
  const calls: unknown[][] = [];
  const window = {
    focused,
    flashFrame: (flag: boolean) => void calls.push(['flashFrame', flag]),
    isFocused() {
      return this.focused;
    },
    setOverlayIcon: (icon: unknown, description: string) => void calls.push(['setOverlayIcon', icon, description]),
  };
  const app = {
    setBadgeCount: (n?: number) => (calls.push(['setBadgeCount', n]), true),
    dock: { bounce: (type?: string) => (calls.push(['bounce', type]), 7), cancelBounce: (id: number) => void calls.push(['cancelBounce', id]) },
  };
  const attention = createRingAttention({ platform, app: platform === 'darwin' ? app : { setBadgeCount: app.setBadgeCount }, window, overlayIcon: () => 'ICON' });
  return { attention, calls, window };
}

describe('ring attention', () => {
  it('Windows: flashes the taskbar button and overlays the count; both end with the ring', () => {
    const r = rig('win32');
    r.attention.update({ ringing: 1, badge: 1 });
    r.attention.update({ ringing: 0, badge: 1 });
    r.attention.update({ ringing: 0, badge: 0 });
    expect(r.calls).toEqual([
      ['flashFrame', true],
      ['setOverlayIcon', 'ICON', '1 call ringing or missed'],
      ['flashFrame', false],
      ['setOverlayIcon', null, ''],
    ]);
  });

  it('macOS: a critical Dock bounce cancelled by its id, and the Dock badge', () => {
    const r = rig('darwin');
    r.attention.update({ ringing: 2, badge: 2 });
    r.attention.update({ ringing: 0, badge: 0 });
    expect(r.calls).toEqual([
      ['bounce', 'critical'],
      ['setBadgeCount', 2],
      ['cancelBounce', 7],
      ['setBadgeCount', 0],
    ]);
  });

  it('Linux: flashes and sets the launcher badge; focusing the window stops the flash but keeps the badge', () => {
    const r = rig('linux');
    r.attention.update({ ringing: 1, badge: 1 });
    r.attention.focused();
    r.attention.focused();
    expect(r.calls).toEqual([
      ['flashFrame', true],
      ['setBadgeCount', 1],
      ['flashFrame', false],
    ]);
  });

  it('does not flash for a ring while the agent looks at the window, and a second ring asks again', () => {
    const r = rig('linux', true);
    r.attention.update({ ringing: 1, badge: 1 });
    expect(r.calls).toEqual([['setBadgeCount', 1]]);
    r.window.focused = false;
    r.attention.update({ ringing: 2, badge: 2 });
    expect(r.calls.slice(1)).toEqual([['flashFrame', true], ['setBadgeCount', 2]]);
  });
});
