import type { WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  installNavigationGuards,
  installShellNavigationGuards,
  type GuardedContents,
  type NavigationEventLike,
  type NavigationLogEntry,
} from '../../../src/main/security/navigation-guards';
import type { DialSource } from '../../../src/shared/links/dial-confirmation';
import { profile } from '../../support/profiles';

// Compile-time proof that a real WebContents can be passed where the guards expect their fake.
const _webContentsFits = (contents: WebContents): GuardedContents => contents;

type EventName = 'will-frame-navigate' | 'will-navigate' | 'will-redirect';

class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, ((details: NavigationEventLike) => void)[]>();
  openHandler: ((details: { url: string; referrer?: { url: string } }) => WindowOpenHandlerResponse) | undefined;

  on(event: string, listener: (details: NavigationEventLike) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string; referrer?: { url: string } }) => WindowOpenHandlerResponse): void {
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
  const dialled: Array<{ url: string; source: DialSource }> = [];
  const clock = { now: 100_000 };
  installNavigationGuards(contents, {
    profile: p,
    mode,
    partition: `persist:profile-${p.id}`,
    openExternal: (url) => opened.push(url),
    dial: (url, source) => dialled.push({ url, source }),
    log: (entry) => logs.push(entry),
    now: () => clock.now,
  });
  return { contents, logs, opened, dialled, clock };
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
    expect(contents.open('mailto:help@example.com')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.ringcentral.com/legal?ref=app', 'mailto:help@example.com']);
    expect(logs.map((l) => [l.outcome, l.url])).toEqual([
      ['opened-externally', 'https://www.ringcentral.com/legal'],
      ['opened-externally', 'mailto:…'],
    ]);
  });

  it('never hands a dial link to the OS: window.open(tel:|callto:|sip:) from any frame goes to the in-app dialer, which asks', () => {
    const { contents, logs, opened, dialled } = setup();
    const referrer = { url: 'https://widget.thirdparty.example/chat' };
    for (const url of ['tel:+19005550199', 'callto:+19005550199', 'sip:+19005550199@pbx.example.com', 'sips:1001@pbx.example.com']) {
      expect(contents.openHandler!({ url, referrer }), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
    expect(dialled.map((d) => d.url)).toEqual(['tel:+19005550199', 'callto:+19005550199', 'sip:+19005550199@pbx.example.com', 'sips:1001@pbx.example.com']);
    expect(dialled[0]!.source).toEqual({ kind: 'view', profile: 'engage', via: 'window-open', origin: 'https://widget.thirdparty.example' });
    expect(logs.every((l) => l.outcome === 'dial-asked-in-app' && l.url.endsWith(':…'))).toBe(true);
  });

  it('a same-window tel: link (a plain <a href>) in any frame is cancelled and asked about in-app, not left dead', () => {
    const { contents, opened, dialled, logs } = setup(rc, 'direct');
    expect(contents.navigate('will-frame-navigate', 'tel:+19005550100', true)).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'tel:+19005550101', false)).toBe(true);
    expect(opened).toEqual([]);
    expect(dialled).toEqual([
      { url: 'tel:+19005550100', source: { kind: 'view', profile: 'rc', via: 'navigation', origin: null } },
      { url: 'tel:+19005550101', source: { kind: 'view', profile: 'rc', via: 'navigation', origin: null } },
    ]);
    expect(logs.map((l) => [l.event, l.outcome, l.mainFrame])).toEqual([
      ['will-frame-navigate', 'dial-asked-in-app', true],
      ['will-frame-navigate', 'dial-asked-in-app', false],
    ]);
  });

  it('a same-window mailto: link opens the OS mail app, at most once every 5 s per view; a bad one is denied', () => {
    const { contents, opened, clock, logs } = setup(rc, 'direct');
    expect(contents.navigate('will-frame-navigate', 'mailto:help@example.com', true)).toBe(true);
    clock.now += 1_000;
    expect(contents.navigate('will-frame-navigate', 'mailto:flood@example.com', false)).toBe(true);
    expect(contents.open('mailto:flood2@example.com')).toEqual({ action: 'deny' });
    clock.now += 5_000;
    expect(contents.navigate('will-frame-navigate', 'mailto:later@example.com', true)).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'mailto:a b@example.com', true)).toBe(true);
    expect(opened).toEqual(['mailto:help@example.com', 'mailto:later@example.com']);
    expect(logs.map((l) => l.outcome)).toEqual(['opened-externally', 'denied', 'denied', 'opened-externally', 'denied']);
    expect(logs[1]!.reason).toMatch(/at most one every 5000 ms/);
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
        dial: () => undefined,
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
