/**
 * `npm run bench`: runs every benchmark and writes bench/results.json. Benchmarks print numbers;
 * they are not timed tests and never fail the build. The npm script bundles this file first, as
 * the app's own build does, so what is measured is the shipped shape of the code (no tsx loader
 * or per-module export getters in the hot path). Playwright, esbuild and socket.io stay external:
 * the capture-latency benchmark drives Chromium with them, they are not measured code.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchCore } from './core';

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(3)} ms`;

async function main(): Promise<void> {
  const core = benchCore();
  console.log(
    `core pipeline      ${fmt(core.eventsPerSecond)} events/s median of ${core.rounds} rounds, best ${fmt(core.bestEventsPerSecond)} ` +
      `(one core; goal ≥ 200,000 events/s)`,
  );

  // Loaded only now: Playwright, pino and friends enlarge the heap, and a larger heap makes the
  // core benchmark's garbage collection (a fifth of its time) measurably slower.
  const { benchFloodMemory, benchLogAppend } = await import('./log-append');
  const { benchCaptureLatency } = await import('./capture-latency');
  const logAppend = await benchLogAppend();
  console.log(
    `log append         ${fmt(logAppend.linesPerSecond)} lines/s (${logAppend.mbPerSecond} MB/s, ${logAppend.avgLineBytes} B/line) ` +
      `median of ${logAppend.rounds} × ${fmt(logAppend.lines)}, on disk at flush(), dropped ${fmt(logAppend.dropped)} ` +
      `(${logAppend.durability}; goal ≥ 50,000 lines/s)`,
  );

  const floodMemory = await benchFloodMemory();
  const { rssMb, heapMb } = floodMemory;
  console.log(
    `log flood memory   ${fmt(floodMemory.events)} events through pipeline → event log (${floodMemory.writtenMb} MB written, ` +
      `${fmt(floodMemory.eventsPerSecond)} events/s, dropped ${fmt(floodMemory.dropped)}): ` +
      `RSS ${rssMb.start} → peak ${rssMb.peak} → ${rssMb.end} MB · heap ${heapMb.start} → peak ${heapMb.peak} → ${heapMb.end} MB · ` +
      `live heap at each quarter ${floodMemory.liveHeapMbAtQuarters.join(' / ')} MB`,
  );

  const captureLatency = await benchCaptureLatency();
  if ('skipped' in captureLatency) console.log(`capture latency    skipped: ${captureLatency.skipped}`);
  else {
    const { bridge, bare, bridgeArrival, nodeSide } = captureLatency;
    console.log(
      `capture latency    bridge p50 ${ms(bridge.p50)} p99 ${ms(bridge.p99)} · bare p50 ${ms(bare.p50)} p99 ${ms(bare.p99)} ` +
        `· ratio p50 ${captureLatency.ratioP50} (${fmt(captureLatency.messages)} messages each; goal: bridge p50 ≤ 1.5× bare, p99 < 5 ms: ` +
        `${captureLatency.goalMet ? 'met' : 'NOT met'})`,
    );
    console.log(
      `                   bridge to binding p50 ${ms(bridgeArrival.p50)} p99 ${ms(bridgeArrival.p99)} · ` +
        `schema + pipeline in main p50 ${ms(nodeSide.p50)} p99 ${ms(nodeSide.p99)} · Chromium ${captureLatency.chromium}`,
    );
  }

  const { benchShellRender } = await import('./shell-render');
  const shellRender = await benchShellRender();
  if ('skipped' in shellRender) console.log(`shell render       skipped: ${shellRender.skipped}`);
  else {
    const run = (x: { busy: number; framesOver50: number; worstFrameMs: number }) => `busy ${(x.busy * 100).toFixed(1)} %, frames over 50 ms ${x.framesOver50} (worst ${x.worstFrameMs} ms)`;
    console.log(
      `shell render       ${fmt(shellRender.eventsPerSecond)} events/s × ${shellRender.seconds} s, ${shellRender.pushes} ${shellRender.protocol} pushes of ${fmt(shellRender.avgPushBytes)} B · ` +
        `app (Diagnostics open) ${run(shellRender.app)} · plain-list floor ${run(shellRender.floor)} · ratio ${shellRender.ratio}× ` +
        `(goal ≤ 1.5× floor and no frame over 50 ms: ${shellRender.goalMet ? 'met' : 'NOT met'})`,
    );
  }

  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    core,
    captureLatency,
    logAppend,
    floodMemory,
    shellRender,
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
