/**
 * The shell window's renderer under load, measured in the browser tier's Chromium: 1,000 events/s
 * for 10 s through main's real modules (test/support/shell-main.ts: pipeline → ShellState), what
 * main pushes every 50 ms (ShellWindow.pushState) replayed into
 *   app    the real shell UI (fake ShellApi, as the browser tier loads it) with the feed page —
 *          Diagnostics — open, and
 *   floor  a plain list on a blank page fed the same pushes: it prepends each entry's summary as
 *          a text <li> and keeps 500 — the least any UI showing this feed could do.
 * The pushes are computed before either run (main's cost is not the renderer's), then posted on
 * the same 50 ms schedule to both, one after the other in one browser. Busy is Chromium's own
 * TaskDuration (CDP Performance.getMetrics) over wall time; frames are requestAnimationFrame gaps.
 * The goal (issue 14 item 8): app busy ≤ 1.5× floor busy, no frame over 50 ms.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { chromiumMissing, launchChromium } from '../test/browser/harness/chromium';
import { installFakeShellApi, MAIN_BINDING } from '../test/browser/harness/fake-shell-api';
import { startShellUiServer } from '../test/browser/harness/shell-ui-server';
import { responses, RC, workday } from '../test/browser/shell-ui/data';
import type { ShellMain } from '../test/support/shell-main';
import { replayed } from '../test/support/vendor-traffic';

const EVENTS_PER_SECOND = 1000;
const SECONDS = 10;
const PUSH_MS = 50;
/** One call's life as RingCentral reports it: ring, answer, end (lines of ringcentral-embeddable.jsonl). */
const CALL = [5, 9, 13];

export interface RenderRun {
  busy: number;
  framesOver50: number;
  worstFrameMs: number;
  frames: number;
}

export type ShellRenderResult =
  | { eventsPerSecond: number; seconds: number; pushes: number; avgPushBytes: number; app: RenderRun; floor: RenderRun; ratio: number; goalMet: boolean; protocol: string }
  | { skipped: string };

/** What one push carries: a delta where main sends deltas, the whole snapshot where it does not. */
type Push = unknown;

function makePushes(main: ShellMain): { pushes: Push[]; protocol: string } {
  const withUpdate = main as unknown as { update?: () => { delta: unknown; snapshot: unknown } };
  const protocol = typeof withUpdate.update === 'function' ? 'delta' : 'snapshot';
  const pushes: Push[] = [];
  const perPush = (EVENTS_PER_SECOND * PUSH_MS) / 1000;
  let n = 0;
  for (let p = 0; p < (SECONDS * 1000) / PUSH_MS; p++) {
    for (let i = 0; i < perPush; i++, n++) {
      const line = replayed(RC, CALL[n % 3]!);
      const data = line.data as { call: Record<string, unknown> };
      const id = `sip-${Math.floor(n / 3)}`;
      main.capture('sales', { ...line, data: { ...data, call: { ...data.call, id, callId: id } } });
    }
    // The fake's push takes main's update as is: {delta, snapshot} here; a snapshot before deltas.
    pushes.push(protocol === 'delta' ? { delta: withUpdate.update!().delta, snapshot: null } : main.snapshot());
  }
  return { pushes, protocol };
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === 'TaskDuration')!.value;
}

const FRAME_PROBE = `(() => {
  const w = globalThis; w.__frames = { gaps: [], last: 0 };
  const tick = (t) => { const f = w.__frames; if (f.last) f.gaps.push(t - f.last); f.last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

async function drive(page: Page, pushes: Push[], push: (page: Page, p: Push) => Promise<void>): Promise<RenderRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(FRAME_PROBE);
  await page.waitForTimeout(300);
  await page.evaluate(() => ((globalThis as unknown as { __frames: { gaps: number[] } }).__frames.gaps = []));
  const busy0 = await taskSeconds(cdp);
  const t0 = performance.now();
  for (let i = 0; i < pushes.length; i++) {
    const due = t0 + i * PUSH_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await push(page, pushes[i]);
  }
  await page.waitForTimeout(PUSH_MS);
  const wall = (performance.now() - t0) / 1000;
  const busy = (await taskSeconds(cdp)) - busy0;
  const gaps = await page.evaluate(() => (globalThis as unknown as { __frames: { gaps: number[] } }).__frames.gaps);
  await cdp.detach();
  return { busy: Math.round((busy / wall) * 1000) / 1000, framesOver50: gaps.filter((g) => g > 50).length, worstFrameMs: Math.round(Math.max(0, ...gaps)), frames: gaps.length };
}

const FLOOR_PAGE = `<!doctype html><meta charset="utf-8"><ol id="list"></ol><script>
  const list = document.getElementById('list');
  globalThis.__floor = (p) => {
    const feed = p.delta ? p.delta.feed : p.feed;
    if (!p.delta) list.textContent = '';
    const frag = document.createDocumentFragment();
    for (const e of feed) { const li = document.createElement('li'); li.textContent = e.summary; frag.append(li); }
    list.prepend(frag);
    while (list.childElementCount > 500) list.lastElementChild.remove();
  };
</script>`;

async function openApp(browser: Browser, url: string, main: ShellMain): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.exposeFunction(MAIN_BINDING, () => {
    throw new Error('the bench makes no calls to main');
  });
  const init = { snapshot: main.snapshot(), responses: responses(main), mainBinding: MAIN_BINDING, rawBinding: '__shellRaw' };
  // As source: under tsx the function's text calls esbuild's __name helper, which the page lacks.
  await page.addInitScript({ content: `var __name = (f) => f; (${installFakeShellApi.toString()})(${JSON.stringify(init)});` });
  page.on('pageerror', (err) => console.error(`shell UI: ${err.message}`));
  await page.goto(url);
  await page.locator('header.top').waitFor();
  const diagnostics = page.getByRole('button', { name: 'Expand activity' });
  if (await diagnostics.count()) {
    await diagnostics.click();
    await page.getByRole('button', { name: 'Diagnostics (for IT)' }).click();
  } else await page.getByRole('button', { name: 'Expand live events' }).click();
  await page.locator('#feed-page').waitFor();
  return page;
}

export async function benchShellRender(): Promise<ShellRenderResult> {
  const missing = chromiumMissing();
  if (missing) return { skipped: missing };
  const main = workday();
  // The first update (what getState answers, which later deltas build on).
  const first = main as unknown as { update?: () => unknown };
  if (typeof first.update === 'function') first.update();
  const start = main.snapshot();
  const { pushes, protocol } = makePushes(main);
  const avgPushBytes = Math.round(pushes.reduce<number>((sum, p) => sum + JSON.stringify(p).length, 0) / pushes.length);
  const server = await startShellUiServer();
  const browser = await launchChromium();
  try {
    const startMain = Object.assign(Object.create(Object.getPrototypeOf(main) as object) as ShellMain, main, { snapshot: () => start });
    const app = await openApp(browser, server.url, startMain);
    const appRun = await drive(app, pushes, (page, p) => page.evaluate((u) => (globalThis as unknown as { __fakeShell: { push(u: unknown): void } }).__fakeShell.push(u), p));
    const floorPage = await (await browser.newContext()).newPage();
    await floorPage.setContent(FLOOR_PAGE);
    const floorRun = await drive(floorPage, pushes, (page, p) => page.evaluate((u) => (globalThis as unknown as { __floor(u: unknown): void }).__floor(u), p));
    const ratio = Math.round((appRun.busy / floorRun.busy) * 100) / 100;
    return {
      eventsPerSecond: EVENTS_PER_SECOND,
      seconds: SECONDS,
      pushes: pushes.length,
      avgPushBytes,
      app: appRun,
      floor: floorRun,
      ratio,
      goalMet: ratio <= 1.5 && appRun.framesOver50 === 0,
      protocol,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// `npx tsx bench/shell-render.ts`: this benchmark alone.
if (process.argv[1]?.endsWith('shell-render.ts')) {
  benchShellRender().then(
    (r) => {
      if ('skipped' in r) return console.log(`shell render       skipped: ${r.skipped}`);
      const run = (x: RenderRun) => `busy ${(x.busy * 100).toFixed(1)} %, frames over 50 ms ${x.framesOver50} (worst ${x.worstFrameMs} ms)`;
      console.log(
        `shell render       ${r.eventsPerSecond} events/s × ${r.seconds} s, ${r.pushes} ${r.protocol} pushes of ${r.avgPushBytes} B: app ${run(r.app)} · plain-list floor ${run(r.floor)} · ` +
          `ratio ${r.ratio}× (goal ≤ 1.5× and no frame over 50 ms: ${r.goalMet ? 'met' : 'NOT met'})`,
      );
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
