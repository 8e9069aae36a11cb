/**
 * Capture latency, measured in the browser tier's Chromium (one browser run, both paths):
 *   bridge  vendor iframe postMessage → real capture bridge (isolated world) → CDP binding →
 *           CaptureMessageSchema + real core pipeline decision in this process
 *   bare    vendor iframe postMessage → an isolated-world listener that only JSON-encodes the
 *           message → CDP binding → arrival in this process
 * One message in flight at a time (the next is posted once the previous one arrived), so the
 * numbers are per-message latency, not queueing. The vendor frame stamps each message with
 * performance.timeOrigin + performance.now() just before posting; this process stamps arrival and
 * decision the same way, and the offset between the two clocks is calibrated over CDP first.
 * The bridge's per-second rate cap is lifted for the run (it would otherwise refuse the load).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { ProfileSchema } from '../src/shared/contract/profile';
import { chromiumMissing, launchChromium } from '../test/browser/harness/chromium';
import { startServers } from '../test/browser/harness/servers';
import { ShellView } from '../test/browser/harness/shell-view';

const WARMUP = 500;
const ROUNDS = 4;
const BARE_WORLD = 'bare';
const BARE_BINDING = '__sbBare';
const BARE_SOURCE = `if (window.top === window) {
  const send = globalThis.${BARE_BINDING};
  addEventListener('message', (e) => send(JSON.stringify({ kind: 'capture', transport: 'postMessage', origin: e.origin, data: e.data, at: Date.now() })));
}`;

const now = () => performance.timeOrigin + performance.now();

export interface LatencyStats {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export type CaptureLatencyResult =
  | {
      messages: number;
      /** postMessage → decision by the pipeline in the test process (ms). */
      bridge: LatencyStats;
      /** postMessage → binding arrival, bridge path (ms). */
      bridgeArrival: LatencyStats;
      /** postMessage → binding arrival, bare listener (ms). */
      bare: LatencyStats;
      /** Binding arrival → decision: JSON.parse, schema check, pipeline (ms). */
      nodeSide: LatencyStats;
      /** bridge p50 / bare p50 (goal ≤ 1.5) and whether bridge p99 < 5 ms. */
      ratioP50: number;
      goalMet: boolean;
      clockOffsetMs: number;
      chromium: string;
    }
  | { skipped: string };

function stats(values: number[]): LatencyStats {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: r(at(0.5)), p99: r(at(0.99)), mean: r(s.reduce((a, b) => a + b, 0) / s.length), max: r(s[s.length - 1]!) };
}

interface Timing {
  sentAt: number;
  arrivedAt: number;
  decidedAt: number;
}

/** One path under test: posts from its vendor frame and collects the arrivals, by seq. */
class Lane {
  readonly arrived = new Map<number, Timing>();
  private readonly waiters = new Map<number, () => void>();

  constructor(
    private readonly vendor: CDPSession,
    /** Vendor clock minus this process's clock. */
    readonly offset: number,
  ) {}

  async post(seq: number): Promise<void> {
    await this.vendor.send('Runtime.evaluate', { expression: `benchPost(${seq})` });
  }

  record(data: unknown, arrivedAt: number, decidedAt: number): void {
    const d = data as { seq?: unknown; sentAt?: unknown } | null;
    if (typeof d?.seq !== 'number' || typeof d.sentAt !== 'number') return;
    this.arrived.set(d.seq, { sentAt: d.sentAt - this.offset, arrivedAt, decidedAt });
    this.waiters.get(d.seq)?.();
  }

  wait(seq: number): Promise<Timing> {
    const hit = this.arrived.get(seq);
    if (hit) return Promise.resolve(hit);
    return new Promise<Timing>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: message ${seq} never arrived`)), 5000);
      this.waiters.set(seq, () => {
        clearTimeout(timer);
        this.waiters.delete(seq);
        resolve(this.arrived.get(seq)!);
      });
    });
  }
}

async function vendorSession(context: BrowserContext, page: Page): Promise<CDPSession> {
  const frame = await (await page.locator('iframe#vendor').elementHandle())?.contentFrame();
  if (!frame) throw new Error('bench: the vendor frame did not load');
  return context.newCDPSession(frame);
}

/** Vendor clock minus this process's clock, from the CDP round trip with the least delay. */
async function clockOffset(cdp: CDPSession): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 200; i++) {
    const t0 = now();
    const { result } = (await cdp.send('Runtime.evaluate', { expression: 'clock()', returnByValue: true })) as { result: { value: number } };
    const t1 = now();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: result.value - (t0 + t1) / 2 };
  }
  return best.offset;
}

/** The host page with only a bare isolated-world listener: no bridge, no checks, no pipeline. */
async function openBare(context: BrowserContext, url: string, onArrive: (data: unknown, at: number) => void): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.bindingCalled', (e: { name: string; payload: string }) => {
    const at = now();
    if (e.name === BARE_BINDING) onArrive((JSON.parse(e.payload) as { data: unknown }).data, at);
  });
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BARE_BINDING, executionContextName: BARE_WORLD });
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: BARE_SOURCE, worldName: BARE_WORLD, runImmediately: true });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export async function benchCaptureLatency(n = 10_000): Promise<CaptureLatencyResult> {
  const missing = chromiumMissing();
  if (missing) return { skipped: missing };
  const servers = await startServers();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const profile = ProfileSchema.parse({ id: 'bench', name: 'Bench', vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('bench.html'), allowedOrigins: [servers.origins.vendor] });
    // Filled once the clocks are calibrated; arrivals before that (the page's own load) are ignored.
    const lanes: { bridge?: Lane; bare?: Lane } = {};
    const view = await ShellView.open(context, servers, profile, {
      configPatch: { maxPerSecond: 1_000_000 },
      onRecord: (r) => {
        if (r.message.kind === 'capture') lanes.bridge?.record(r.message.data, r.arrivedAt, r.decidedAt);
      },
    });
    const barePage = await openBare(context, servers.hostPage(profile), (data, at) => lanes.bare?.record(data, at, at));
    const bridgeVendor = await vendorSession(context, view.page);
    const bareVendor = await vendorSession(context, barePage);
    const bridgeLane = (lanes.bridge = new Lane(bridgeVendor, await clockOffset(bridgeVendor)));
    const bareLane = (lanes.bare = new Lane(bareVendor, await clockOffset(bareVendor)));

    let seq = 0;
    const run = async (lane: Lane, count: number, out?: { total: number[]; arrival: number[]; nodeSide: number[] }) => {
      for (let i = 0; i < count; i++, seq++) {
        await lane.post(seq);
        const t = await lane.wait(seq);
        out?.total.push(t.decidedAt - t.sentAt);
        out?.arrival.push(t.arrivedAt - t.sentAt);
        out?.nodeSide.push(t.decidedAt - t.arrivedAt);
      }
    };
    await run(bridgeLane, WARMUP);
    await run(bareLane, WARMUP);
    const bridge = { total: [] as number[], arrival: [] as number[], nodeSide: [] as number[] };
    const bare = { total: [] as number[], arrival: [] as number[], nodeSide: [] as number[] };
    // Interleaved blocks, so drift in this shared machine's speed hits both paths alike.
    for (let r = 0; r < ROUNDS; r++) {
      await run(bridgeLane, Math.ceil(n / ROUNDS), bridge);
      await run(bareLane, Math.ceil(n / ROUNDS), bare);
    }
    const result = {
      messages: bridge.total.length,
      bridge: stats(bridge.total),
      bridgeArrival: stats(bridge.arrival),
      bare: stats(bare.arrival),
      nodeSide: stats(bridge.nodeSide),
      ratioP50: 0,
      goalMet: false,
      clockOffsetMs: Math.round(bridgeLane.offset * 1000) / 1000,
      chromium: browser.version(),
    };
    result.ratioP50 = Math.round((result.bridge.p50 / result.bare.p50) * 100) / 100;
    result.goalMet = result.ratioP50 <= 1.5 && result.bridge.p99 < 5;
    if (view.rejections().length > 0 || view.senderProblems.length > 0) throw new Error(`bench: the bridge refused messages: ${view.summary()}`);
    return result;
  } finally {
    await browser.close();
    await servers.close();
  }
}
