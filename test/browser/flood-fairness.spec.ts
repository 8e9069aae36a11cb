/**
 * Fault injection: a ring gets through a flood of anything else. The bridge keys its per-kind
 * cap on the event name the vendor's adapter reads, and rings have their own budget
 * (src/preload/rate-gate.ts), so neither a flood spread over 8 event names nor Huawei's JSON
 * string envelope (whose first characters are the same for every bar event) keeps a ring out.
 * Each test floods for 4 s as fast as the page can and rings 3 times while the flood runs.
 */
import type { Frame } from '@playwright/test';
import { expect, rcRing, simCall, test, vendorFrame } from './harness/fixtures';
import type { ShellView } from './harness/shell-view';

type PageGlobals = { parent: { postMessage(data: unknown, origin: string): void }; setTimeout(fn: () => void, ms: number): void };

/**
 * Posts `flood[i % flood.length]` as fast as it can for 4 s (batches of up to 2,000 per 20 ms
 * turn), and `rings[k]` at 1, 2 and 3 s into the flood.
 */
function floodWithRings(frame: Frame, flood: unknown[], rings: unknown[]): Promise<number> {
  return frame.evaluate(
    async ([flood, rings]) => {
      const w = globalThis as unknown as PageGlobals;
      const start = performance.now();
      let sent = 0;
      let rung = 0;
      while (performance.now() < start + 4000) {
        const turnEnd = performance.now() + 20;
        for (let i = 0; i < 2000 && performance.now() < turnEnd; i++) w.parent.postMessage(flood[sent++ % flood.length], '*');
        if (rung < rings.length && performance.now() > start + 1000 * (rung + 1)) w.parent.postMessage(rings[rung++], '*');
        await new Promise<void>((r) => w.setTimeout(r, 0));
      }
      return sent;
    },
    [flood, rings] as const,
  );
}

async function ringsThrough(view: ShellView, refs: string[]): Promise<string[]> {
  const offered = () => view.events().filter((e) => e.kind === 'interaction.offered' && refs.includes(e.ref ?? ''));
  await view.waitFor(() => (offered().length === refs.length ? true : undefined), `${refs.length} rings after the flood`, 30_000).catch(() => undefined);
  return offered().map((e) => e.ref!);
}

test('a ring gets through a flood spread over 8 event names: 3 of 3', async ({ shell }) => {
  test.setTimeout(90_000);
  const { servers } = shell;
  const view = await shell.open({ vendor: 'ringcentral-embeddable', mode: 'framed', url: servers.sim('ringcentral.html'), allowedOrigins: [servers.origins.vendor] });
  await view.waitForEvent((e) => e.kind === 'agent.session', 'the widget login');
  const frame = await vendorFrame(view.page);
  // Eight names the adapter reads as eight rc- events (vendor.other: accepted, not rings).
  const flood = Array.from({ length: 8 }, (_, k) => ({ type: `rc-flood-${k}-notify`, path: `/flood/${k}` }));
  const refs = ['ring-1', 'ring-2', 'ring-3'];
  const sent = await floodWithRings(frame, flood, refs.map(rcRing));
  expect(sent).toBeGreaterThan(10 * view.config.maxPerSecond);
  expect(await ringsThrough(view, refs)).toEqual(refs);
  // The flood itself was capped: the bridge refused most of it.
  expect(view.rejections().some((r) => r.reason.includes('messages per second'))).toBe(true);
});

test('a ring gets through a flood of Huawei JSON string envelopes: 3 of 3', async ({ shell }) => {
  test.setTimeout(90_000);
  const { servers } = shell;
  const view = await shell.open({ vendor: 'huawei-aicc', url: servers.sim('aicc.html'), allowedOrigins: [servers.origins.vendor] });
  const bar = await vendorFrame(view.page);
  await expect.poll(() => simCall(bar, 'isSubscribed', 'AgentEvent_Ringing')).toBe(true);
  // The bar's own envelope (simulators/aicc.html): every event's string starts the same way.
  const envelope = (eventType: string, content: unknown) => JSON.stringify({ message: '', retcode: '0', event: { eventType, eventGenTime: 1, workNo: '49999', content } });
  const types = ['AgentState_Busy', 'AgentState_Ready', 'AgentEvent_Customer_Alerting', 'AgentOther_PhoneRelease', 'AgentState_Rest_Timeout', 'AgentMediaEvent_X', 'AgentConf_Y', 'AgentState_Work'];
  const flood = types.map((t) => envelope(t, null));
  const refs = ['hw-ring-1', 'hw-ring-2', 'hw-ring-3'];
  const rings = refs.map((callid) => envelope('AgentEvent_Ringing', { callid, caller: '+8613800138000', mediaAbility: 1 }));
  const sent = await floodWithRings(bar, flood, rings);
  expect(sent).toBeGreaterThan(10 * view.config.maxPerSecond);
  expect(await ringsThrough(view, refs)).toEqual(refs);
  expect(view.rejections().some((r) => r.reason.includes('messages per second'))).toBe(true);
});
