import { describe, expect, it } from 'vitest';
import { handleAppProtocol, PROFILE_SESSION_HOSTS, SHELL_SESSION_HOSTS } from '../../../src/main/app-protocol/register';
import { PAGE_CSP, resolveAppRequest, type ResolveContext } from '../../../src/main/app-protocol/resolve-request';
import { profile } from '../../support/profiles';

const rc = profile({ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/app.html' });
const ctx: ResolveContext = { profiles: new Map([['rc', rc]]), failures: new Map() };

describe('app:// resolver', () => {
  it('serves our built pages and shared assets with the strict page CSP', () => {
    expect(resolveAppRequest('app://shell/index.html', ctx)).toEqual({ kind: 'file', relativePath: 'shell/index.html', mime: 'text/html; charset=utf-8', csp: PAGE_CSP });
    expect(resolveAppRequest('app://shell/', ctx)).toMatchObject({ kind: 'file', relativePath: 'shell/index.html' });
    expect(resolveAppRequest('app://demo/demo.html', ctx)).toMatchObject({ kind: 'file', relativePath: 'demo/demo.html' });
    expect(resolveAppRequest('app://demo/assets/demo-abc.js', ctx)).toMatchObject({ kind: 'file', relativePath: 'assets/demo-abc.js', mime: 'text/javascript; charset=utf-8' });
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe');
  });

  it('renders each profile host page and error page on demand', () => {
    expect(resolveAppRequest('app://host/profile/rc', ctx)).toMatchObject({ kind: 'text', mime: 'text/html; charset=utf-8', csp: expect.stringContaining('frame-src https://apps.ringcentral.com') });
    const failing: ResolveContext = { ...ctx, failures: new Map([['rc', { code: -106, description: 'ERR_INTERNET_DISCONNECTED', url: 'https://apps.ringcentral.com/app.html' }]]) };
    const error = resolveAppRequest('app://host/error/rc', failing);
    expect(error.kind === 'text' && error.body).toContain('ERR_INTERNET_DISCONNECTED');
    expect(resolveAppRequest('app://host/host.css', ctx)).toMatchObject({ kind: 'text', mime: 'text/css; charset=utf-8' });
  });

  it('dot segments are resolved by the URL parser and cannot climb out of the host folder', () => {
    expect(resolveAppRequest('app://shell/../main/index.js', ctx)).toMatchObject({ kind: 'file', relativePath: 'shell/main/index.js' });
    expect(resolveAppRequest('app://shell/%2e%2e/%2e%2e/preload/shell.cjs', ctx)).toEqual({ kind: 'not-found', reason: 'no type for ".cjs"' });
    expect(resolveAppRequest('app://demo/%2e%2e/%2e%2e/x.js', ctx)).toMatchObject({ kind: 'file', relativePath: 'demo/x.js' });
  });

  it.each([
    ['app://shell/..%2f..%2fsecret.json', 'path traversal'],
    ['app://shell/a%5c..%5cb.js', 'path traversal'],
    ['app://shell/%E0%A4%A', 'malformed percent-encoding'],
    ['app://evil/index.html', 'unknown host evil'],
    ['app://host/profile/nope', 'no such profile page'],
    ['app://host/profile/rc/extra', 'no such profile page'],
    ['app://host/profile/__proto__', 'no such profile page'],
    ['app://shell/secret', 'no type for "no extension"'],
    ['app://shell/x.exe', 'no type for ".exe"'],
    ['file:///etc/passwd', 'scheme file:'],
    ['not a url', 'not a URL'],
  ])('%s → not found (%s)', (url, reason) => {
    expect(resolveAppRequest(url, ctx)).toEqual({ kind: 'not-found', reason });
  });
});

describe('app:// handler on a session', () => {
  function install(hosts: readonly string[]) {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = { isProtocolHandled: () => handler !== undefined, handle: (_scheme: string, h: (request: Request) => Promise<Response>) => void (handler = h) };
    const logs: string[] = [];
    handleAppProtocol(protocol as never, { hosts, readFile: async () => new TextEncoder().encode('<!doctype html>'), context: () => ctx, log: (m) => logs.push(m) });
    return { get: (url: string) => handler!(new Request(url)), logs };
  }

  it('the shell session serves only the shell UI, with its opener isolation', async () => {
    const shell = install(SHELL_SESSION_HOSTS);
    const page = await shell.get('app://shell/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect((await shell.get('app://host/profile/rc')).status).toBe(404);
    expect(shell.logs.at(-1)).toContain('app://host is not served in this session');
  });

  it('a profile session serves its host page without COOP (its vendor frame\'s sign-in popups keep their opener), and never the shell UI', async () => {
    const profileSession = install(PROFILE_SESSION_HOSTS);
    const host = await profileSession.get('app://host/profile/rc');
    expect(host.status).toBe(200);
    expect(host.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(host.headers.get('content-security-policy')).toContain('frame-src https://apps.ringcentral.com');
    expect((await profileSession.get('app://shell/index.html')).status).toBe(404);
  });
});
