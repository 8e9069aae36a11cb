/**
 * What the bridge refuses, in the real browser: each refusal is reported by the bridge as
 * kind 'rejected' with a reason, and the message never reaches the pipeline.
 */
import { addIframe, expect, forwardedAny, rcRing, settle, simCall, test, vendorFrame } from './harness/fixtures';
import type { ShellView } from './harness/shell-view';

const NOT_VENDOR_FRAME = 'message from a frame that is not the vendor frame';
const rejectedCount = (view: ShellView, part: string) => view.rejections().filter((r) => r.reason.includes(part)).reduce((n, r) => n + r.count, 0);

test.describe('framed RingCentral profile', () => {
  let view: ShellView;
  test.beforeEach(async ({ shell }) => {
    const { servers } = shell;
    view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
    await view.waitForEvent((e) => e.kind === 'agent.session', 'the widget login');
  });

  test('(a) a page of another origin framed inside the vendor frame cannot post as the vendor', async ({ shell }) => {
    const frame = await vendorFrame(view.page);
    await simCall(frame, 'frameInside', shell.servers.sim('third.html', {}, shell.servers.origins.third));
    const intruder = frame.childFrames()[0]!;
    expect(new URL(intruder.url()).origin).toBe(shell.servers.origins.third);

    await simCall(intruder, 'emitToTop', rcRing('rogue-nested'));
    expect(await view.waitForRejection(NOT_VENDOR_FRAME)).toEqual({ reason: NOT_VENDOR_FRAME, count: 1 });
    await settle(view, frame);
    expect(forwardedAny(view, 'rogue-nested')).toBe(false);
  });

  test('(a) the vendor frame with an opaque origin is refused by origin', async ({ shell }) => {
    const frame = await vendorFrame(view.page);
    // The vendor document sandboxes itself (CSP: sandbox): same URL origin, but its origin is "null".
    await simCall(frame, 'navigateTo', shell.servers.sim('ringcentral.html', { opaque: '1' }));
    await frame.waitForURL(/opaque=1/);
    await frame.waitForLoadState('load');
    expect(await frame.evaluate(() => (globalThis as unknown as { origin: string }).origin)).toBe('null');
    await simCall(frame, 'ring', { id: 'rogue-opaque' });
    // Its parse-time login and the ring: both from the vendor frame, both refused for the origin.
    await view.waitFor(() => (rejectedCount(view, 'origin is "null"') >= 2 ? true : undefined), 'two origin rejections');
    expect(view.rejections()[0]!.reason).toMatch(/^origin rejected: origin is "null"/);
    expect(forwardedAny(view, 'rogue-opaque')).toBe(false);
    expect(view.captures()).toHaveLength(1); // the login from the first document only
  });

  test('(b) another frame of the allowed vendor origin is not the vendor frame', async ({ shell }) => {
    const second = await addIframe(view.page, 'second-vendor-frame', shell.servers.sim('third.html'));
    expect(new URL(second.url()).origin).toBe(shell.servers.origins.vendor);
    await simCall(second, 'emit', rcRing('rogue-sibling'));
    await view.waitForRejection(NOT_VENDOR_FRAME);
    await settle(view, await vendorFrame(view.page));
    expect(forwardedAny(view, 'rogue-sibling')).toBe(false);
    expect(view.events().map((e) => e.kind)).toEqual(['agent.session']);
  });

  test("(c) the host page's own window.postMessage is not the vendor frame", async () => {
    await view.page.evaluate((m) => (globalThis as unknown as { postMessage(d: unknown, o: string): void }).postMessage(m, '*'), rcRing('rogue-page'));
    await view.waitForRejection(NOT_VENDOR_FRAME);
    await settle(view, await vendorFrame(view.page));
    expect(forwardedAny(view, 'rogue-page')).toBe(false);
  });
});

test('(a) direct mode: a top page of another origin is refused by origin', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  await view.waitForEvent((e) => e.kind === 'agent.session', 'the widget login');
  // The view navigates away (main's navigation policy normally prevents it; the bridge must not rely on that).
  await view.page.goto(servers.sim('third.html', {}, servers.origins.third));
  await simCall(view.page.mainFrame(), 'emit', rcRing('rogue-top'));
  const rejection = await view.waitForRejection('is not allowed for this profile');
  expect(rejection.reason).toContain(`origin ${servers.origins.third} is not allowed`);
  expect(forwardedAny(view, 'rogue-top')).toBe(false);
});

test('oversized messages from the vendor frame are refused by size', async ({ shell }) => {
  const { servers } = shell;
  const view = await shell.open({ vendor: 'engage-digital', url: servers.sim('engage.html'), allowedOrigins: [servers.origins.vendor] });
  const frame = await vendorFrame(view.page);
  await simCall(frame, 'taskRing', { Id: 'huge-task', body: 'x'.repeat(100_000) });
  expect((await view.waitForRejection('capture limit')).reason).toBe('message larger than the 64 KiB capture limit');
  await settle(view, frame);
  expect(forwardedAny(view, 'huge-task')).toBe(false);
});
