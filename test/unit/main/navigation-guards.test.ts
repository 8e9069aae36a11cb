import type { WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  installNavigationGuards,
  installShellNavigationGuards,
  type GuardedContents,
  type NavigationEventLike,
  type NavigationLogEntry,
} from '../../../src/main/security/navigation-guards';
import { profile } from '../../support/profiles';

// Compile-time proof that a real WebContents can be passed where the guards expect their fake.
const _webContentsFits = (contents: WebContents): GuardedContents => contents;

type EventName = 'will-frame-navigate' | 'will-navigate' | 'will-redirect';

class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, ((details: NavigationEventLike) => void)[]>();
  openHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | undefined;

  on(event: string, listener: (details: NavigationEventLike) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }

  /** Emits like Electron: returns whether some listener called preventDefault. */
  navigate(event: EventName, url: string, isMainFrame?: boolean): boolean {
    let prevented = false;
    const details: NavigationEventLike = {
      url,
      ...(isMainFrame === undefined ? {} : { isMainFrame }),
      preventDefault: () => void (prevented = true),
    };
    for (const listener of this.listeners.get(event) ?? []) listener(details);
    return prevented;
  }

  open(url: string): WindowOpenHandlerResponse {
    if (!this.openHandler) throw new Error('no window open handler');
    return this.openHandler({ url });
  }
}

const RC_URL = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';
const rc = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: RC_URL, authHosts: ['login.ringcentral.com'] });
const engage = profile({ id: 'engage', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/agent' });

function setup(p = engage, mode: 'framed' | 'direct' = 'framed') {
  const contents = new FakeContents();
  const logs: NavigationLogEntry[] = [];
  const opened: string[] = [];
  installNavigationGuards(contents, {
    profile: p,
    mode,
    partition: `persist:profile-${p.id}`,
    openExternal: (url) => opened.push(url),
    log: (entry) => logs.push(entry),
  });
  return { contents, logs, opened };
}

describe('installNavigationGuards: navigation events', () => {
  it('listens to all three navigation events', () => {
    const { contents } = setup();
    expect([...contents.listeners.keys()].sort()).toEqual(['will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it('lets allowed navigations through without logging', () => {
    const { contents, logs } = setup();
    expect(contents.navigate('will-frame-navigate', 'app://host/profile/engage', true)).toBe(false);
    expect(contents.navigate('will-navigate', 'app://host/profile/engage')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://acme.digital.ringcentral.com/agent', false)).toBe(false);
    expect(contents.navigate('will-redirect', 'https://acme.digital.ringcentral.com/agent/home', false)).toBe(false);
    expect(logs).toEqual([]);
  });

  it('prevents and logs a denied main-frame navigation', () => {
    const { contents, logs } = setup();
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/phish?token=abc', true)).toBe(true);
    expect(logs).toEqual([
      {
        profile: 'engage',
        event: 'will-frame-navigate',
        url: 'https://evil.example/phish',
        mainFrame: true,
        outcome: 'denied',
        reason: "main frame navigation to https://evil.example/phish denied: a framed view's top frame stays on its host page",
      },
    ]);
  });

  it('treats will-navigate as the main frame, whatever its details say', () => {
    const { contents, logs } = setup();
    // The vendor's origin is fine for the iframe but not for the framed view's top frame.
    expect(contents.navigate('will-navigate', 'https://acme.digital.ringcentral.com/agent', false)).toBe(true);
    expect(logs[0]).toMatchObject({ event: 'will-navigate', mainFrame: true });
  });

  it('judges sub frames by the sub-frame rules', () => {
    const { contents, logs } = setup();
    expect(contents.navigate('will-frame-navigate', 'about:blank', false)).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://acme.digital.ringcentral.com.evil.example/', false)).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'javascript:alert(1)', false)).toBe(true);
    expect(logs.map((l) => [l.event, l.mainFrame, l.url])).toEqual([
      ['will-frame-navigate', false, 'https://acme.digital.ringcentral.com.evil.example/'],
      ['will-frame-navigate', false, 'javascript:…'],
    ]);
  });

  it('applies the stricter main-frame rules when a frame event lacks isMainFrame', () => {
    const { contents } = setup();
    expect(contents.navigate('will-frame-navigate', 'https://acme.digital.ringcentral.com/agent')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://acme.digital.ringcentral.com/agent')).toBe(true);
  });

  it('guards redirects: a sub frame redirected off its allowed origins is stopped', () => {
    const { contents, logs } = setup();
    expect(contents.navigate('will-redirect', 'https://tracker.example/r', false)).toBe(true);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ event: 'will-redirect', outcome: 'denied' });
  });

  it('direct mode: the top frame may go to the vendor, its auth hosts and the error page', () => {
    const { contents, logs } = setup(rc, 'direct');
    expect(contents.navigate('will-frame-navigate', RC_URL, true)).toBe(false);
    expect(contents.navigate('will-redirect', 'https://login.ringcentral.com/oauth', true)).toBe(false);
    expect(contents.navigate('will-navigate', 'app://host/error/rc')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://host/profile/rc')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://login.ringcentral.com.evil.example/')).toBe(true);
    expect(logs).toHaveLength(2);
  });
});

describe('installNavigationGuards: popups', () => {
  it('opens auth-host popups in the app with hardened preferences on the profile partition', () => {
    const { contents, logs, opened } = setup(rc, 'direct');
    const response = contents.open('https://login.ringcentral.com/authorize?code_challenge=x');
    expect(response).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: {
        webPreferences: expect.objectContaining({
          partition: 'persist:profile-rc',
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
        }),
      },
    });
    expect(response.overrideBrowserWindowOptions?.webPreferences).not.toHaveProperty('preload');
    expect(opened).toEqual([]);
    expect(logs).toEqual([
      {
        profile: 'rc',
        event: 'window-open',
        url: 'https://login.ringcentral.com/authorize',
        mainFrame: null,
        outcome: 'allowed-in-app',
        reason: 'sign-in popup of this profile',
      },
    ]);
  });

  it('gives each popup its own preferences object', () => {
    const { contents } = setup(rc, 'direct');
    const a = contents.open('https://login.ringcentral.com/a').overrideBrowserWindowOptions?.webPreferences;
    const b = contents.open('https://login.ringcentral.com/b').overrideBrowserWindowOptions?.webPreferences;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('hands ordinary links to the OS browser and denies the window', () => {
    const { contents, logs, opened } = setup();
    expect(contents.open('https://www.ringcentral.com/legal?ref=app')).toEqual({ action: 'deny' });
    expect(contents.open('tel:+15551234567')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.ringcentral.com/legal?ref=app', 'tel:+15551234567']);
    expect(logs.map((l) => [l.outcome, l.url])).toEqual([
      ['opened-externally', 'https://www.ringcentral.com/legal'],
      ['opened-externally', 'tel:…'],
    ]);
  });

  it('denies other schemes without opening anything, and logs them', () => {
    const { contents, logs, opened } = setup();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id', 'https://u:p@example.com/']) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
    expect(logs).toHaveLength(4);
    expect(logs.every((l) => l.outcome === 'denied' && l.event === 'window-open')).toBe(true);
  });

  it('refuses to install with a partition that is not a profile partition', () => {
    expect(() =>
      installNavigationGuards(new FakeContents(), {
        profile: rc,
        mode: 'direct',
        partition: 'persist:default',
        openExternal: () => undefined,
        log: () => undefined,
      }),
    ).toThrow(/Invalid view partition/);
  });
});

describe('installShellNavigationGuards', () => {
  it('keeps the shell on app://shell and opens no popups', () => {
    const contents = new FakeContents();
    const logs: NavigationLogEntry[] = [];
    installShellNavigationGuards(contents, (entry) => logs.push(entry));
    expect(contents.navigate('will-navigate', 'app://shell/index.html')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'app://shell/settings.html', true)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'app://host/profile/rc', false)).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd', true)).toBe(true);
    expect(contents.open('https://www.ringcentral.com/')).toEqual({ action: 'deny' });
    expect(logs.map((l) => [l.profile, l.event, l.outcome])).toEqual([
      [null, 'will-navigate', 'denied'],
      [null, 'will-frame-navigate', 'denied'],
      [null, 'will-redirect', 'denied'],
      [null, 'window-open', 'denied'],
    ]);
  });
});
