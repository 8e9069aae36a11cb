/**
 * DESIGN.md §6: the isolated world receives the cross-origin iframe's message events, runs
 * before page scripts, and is invisible to the page: no bridge global, binding or command entry
 * point exists in the page's world, and the page cannot drive the bridge.
 */
import type { Page } from '@playwright/test';
import { expect, test, vendorFrame } from './harness/fixtures';
import type { CaptureRecord } from './harness/shell-view';
import { BRIDGE_NAMES, COMMAND_ENTRY } from './harness/names';

/** What the page's own world can find of the bridge: typeof each name, the call attempt, all globals. */
function pageWorldView(page: Page) {
  return page.evaluate((names) => {
    const g = globalThis as unknown as Record<string, unknown>;
    let call: string;
    try {
      (g[names[1]!] as (p: unknown) => unknown)({ messages: [{ transport: 'postMessage', data: { type: 'rc-adapter-logout' } }] });
      call = 'called';
    } catch (err) {
      call = (err as Error).name;
    }
    return { types: names.map((n) => typeof g[n]), call, globals: Object.getOwnPropertyNames(globalThis).sort() };
  }, [...BRIDGE_NAMES]);
}

/** The same URL in a plain tab of the same browser, without any injection: the globals to expect. */
async function baselineGlobals(page: Page, url: string): Promise<string[]> {
  const plain = await page.context().newPage();
  try {
    await plain.goto(url, { waitUntil: 'load' });
    return (await pageWorldView(plain)).globals;
  } finally {
    await plain.close();
  }
}

async function expectInvisible(page: Page): Promise<void> {
  const seen = await pageWorldView(page);
  expect({ types: seen.types, call: seen.call }).toEqual({ types: ['undefined', 'undefined', 'undefined'], call: 'TypeError' });
  expect(seen.globals).toEqual(await baselineGlobals(page, page.url()));
}

test('framed: the isolated world hears the cross-origin vendor frame; the host page world sees no bridge', async ({ shell }) => {
  const { servers } = shell;
  expect(BRIDGE_NAMES[1]).toBe(COMMAND_ENTRY);
  const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);
  expect(new URL(view.page.url()).origin).toBe(servers.origins.host);
  expect(new URL(frame.url()).origin).toBe(servers.origins.vendor);

  const login = await view.waitForCapture((d) => (d as { type?: string }).type === 'rc-login-status-notify', 'the widget login');
  expect(login.message).toMatchObject({ kind: 'capture', transport: 'postMessage', origin: servers.origins.vendor });

  // The names do exist, in the isolated world only (so the page-world check below is not vacuous).
  expect(await view.evaluateIsolated(`[${BRIDGE_NAMES.map((n) => `typeof ${n}`).join(', ')}]`)).toEqual(['function', 'function', 'object']);
  await expectInvisible(view.page);
  // The attempted call above delivered nothing into the vendor frame.
  expect(await frame.evaluate(() => (globalThis as unknown as { received: unknown[] }).received)).toEqual([]);
  expect(view.senderProblems).toEqual([]);
});

test('direct: a vendor page script that posts while the page parses is captured; the page sees no bridge', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  expect(view.config.mode).toBe('direct');
  // The first inline <script> in <head> posts at parse time; only a listener installed before it
  // sees it. It may be dispatched after 'load', where open() returns: wait for the first record.
  const first = await view.waitFor(() => view.records[0], 'the first capture');
  expect(first.message).toMatchObject({ kind: 'capture', data: { type: 'rc-login-status-notify', loggedIn: true } });
  expect(view.events()[0]).toMatchObject({ kind: 'agent.session', loggedIn: true });

  await expectInvisible(view.page);
  // Nothing the page tried reached its own message listener as a command.
  expect(await view.page.evaluate(() => (globalThis as unknown as { received: Array<{ data: { type?: string } }> }).received.filter((r) => r.data.type === 'rc-adapter-logout'))).toEqual([]);
  expect(view.senderProblems).toEqual([]);
});

test('each document gets a fresh bridge: after the vendor page reloads it is captured again', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  const isLogin = (r: CaptureRecord) => r.message.kind === 'capture' && (r.message.data as { type?: string }).type === 'rc-login-status-notify';
  // The page posts its login while it parses, but 'load' (where goto resolves) can come first:
  // reloading before that message was dispatched would discard it with the old document.
  const first = await view.waitFor(() => view.records.find(isLogin), 'the first document’s login');
  await view.page.reload();
  const again = await view.waitFor(() => view.records.find((r) => isLogin(r) && r.world !== first.world), 'a login from the reloaded document');
  expect(again.result).toMatchObject({ accepted: true, events: [{ kind: 'agent.session', loggedIn: true }] });
  // Two documents, two bridges, one login each.
  expect(view.records.filter(isLogin).map((r) => r.world)).toEqual([first.world, again.world]);
  expect(view.senderProblems).toEqual([]);
  await expectInvisible(view.page);
});
