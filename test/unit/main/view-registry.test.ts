import { describe, expect, it } from 'vitest';
import { ViewRegistry } from '../../../src/main/shell/view-registry';
import type { ProfileView } from '../../../src/main/shell/profile-view';
import { profile } from '../../support/profiles';

describe('view registry', () => {
  it("knows a profile's view while it is being constructed (Electron announces it from inside the constructor), and tells its popups apart", () => {
    const sessions = new Map<string, object>();
    const registry = new ViewRegistry((partition) => {
      if (!sessions.has(partition)) sessions.set(partition, { partition });
      return sessions.get(partition) as never;
    });
    const rc = profile({ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/app.html' });
    const seen: Array<string | null> = [];
    const view = registry.add(rc, (entry) => {
      // What 'web-contents-created' sees for the view's own webContents, mid-construction:
      seen.push(registry.owner({ id: 7, session: entry.session })?.role ?? null);
      return { profile: rc, view: { webContents: { id: 7 } } } as unknown as ProfileView;
    });
    expect(seen).toEqual(['view']);
    const session = sessions.get('persist:profile-rc') as never;
    expect(registry.owner({ id: 7, session })?.role).toBe('view');
    expect(registry.owner({ id: 8, session })).toMatchObject({ role: 'popup', entry: { profile: { id: 'rc' } } });
    expect(registry.owner({ id: 9, session: {} as never })).toBeNull();
    expect(registry.byContents(7)?.view).toBe(view);
    expect([...registry.senders().keys()]).toEqual([7]);
    expect(registry.get('rc')?.secret).toMatch(/^[0-9a-f]{32}$/);
  });
});
