/**
 * The model's own checks: small probe apps (test/app/probes) that ask the model what Electron 45
 * would answer, so the app tier's scenarios stand on semantics that are tested, not assumed.
 */
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import { ROOT } from './harness/paths';
import { startVendorSite } from './harness/vendor-site';

const probe = (name: string) => join(ROOT, 'test/app/probes', name);

test('web-contents-created fires inside the WebContentsView constructor: a listener added after it never sees the view', async ({ launch }) => {
  const app = await launch({ main: probe('construct-order.mjs') });
  const seen = await app.probe<{ id: number; before: number[]; after: number[] }>();
  expect(seen.before).toEqual([seen.id]);
  expect(seen.after).toEqual([]);
});

test('protocol handlers are per session, and privileged schemes can only be registered before ready', async ({ launch }) => {
  const app = await launch({ main: probe('protocol-per-session.mjs') });
  expect(await app.probe()).toEqual({
    late: 'protocol.registerSchemesAsPrivileged should be called before app is ready',
    defaultSession: 'loaded',
    otherSession: 'ERR_UNKNOWN_URL_SCHEME (-302)',
    otherHandles: false,
  });
});

test('unresponsive is reported for a hung view only while it is visible', async ({ launch }) => {
  const app = await launch({ main: probe('unresponsive.mjs'), hungMs: 1500 });
  const events = await app.probe<string[]>(30_000);
  expect(events).toEqual(['shown: unresponsive', 'shown: responsive']);
});

test('a cross-site frame stuck in a script never answers executeJavaScript; ending the main frame\'s renderer ends it too, and the reloaded frame answers', async ({ launch }) => {
  const site = await startVendorSite();
  try {
    const app = await launch({ main: probe('frame-hang.mjs'), env: { ELECTRON_MODEL_CHROMIUM_ARGS: JSON.stringify(site.chromiumArgs) } });
    expect(await app.probe(30_000)).toEqual({
      before: { frames: ['https://widget.thirdparty.test'], answer: { answered: 2 } },
      stuck: { frame: 'no answer', mainFrame: { answered: 3 } },
      crashed: 'crashed',
      framesWhileCrashed: 0,
      after: { newObject: true, oldDetached: true, answer: { answered: 4 }, oldQuestion: 'no answer' },
    });
  } finally {
    await site.close();
  }
});

test("an app that sets nothing gets Electron's default menu (Reload, Developer Tools, zoom), sessions that grant every permission, and no member the model lacks", async ({ launch }) => {
  const app = await launch({ main: probe('defaults.mjs'), allowGaps: ['app.showAboutPanel'] });
  const { contents, gap } = await app.probe<{ contents: number; gap: string }>();
  expect(gap).toBe('ModelGap');
  const state = await app.state();
  expect(state.gaps).toEqual(['app.showAboutPanel']);
  const view = state.applicationMenu.find((m) => m.label === 'View');
  expect(view?.submenu?.map((i) => i.role?.toLowerCase())).toEqual(expect.arrayContaining(['reload', 'forcereload', 'toggledevtools', 'zoomin']));
  expect(await app.call('requestPermission', { contents, permission: 'media', requestingUrl: 'https://anyone.example/' })).toBe(true);
  expect(await app.call('checkPermission', { contents, permission: 'geolocation', origin: 'https://anyone.example' })).toBe(true);
});
