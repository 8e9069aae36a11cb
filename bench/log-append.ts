/**
 * Event log benchmarks, with the durability settings the app ships (rolling-sink.ts: a whole-line
 * write(2) per line; fdatasync every 250 ms; flush() = written + fdatasync'ed).
 *
 *   benchLogAppend    lines/s appending realistic ShellEvents (what the RC pipeline emits: rings,
 *                     calls, presence, SMS, route noise), timed until flush() resolved, i.e. on
 *                     disk. Events arrive in batches of 100 with a turn of the event loop between
 *                     (main gets one IPC message per task; 100 is a burst).
 *   benchFloodMemory  a 100k-event flood of captures through createPipeline into the event log:
 *                     RSS and heap at start, peak and end, against the bytes written, showing the
 *                     log holds a bounded amount (its buffer cap) whatever the volume.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEventLog } from '../src/main/logs/event-log';
import { listLogFiles } from '../src/main/logs/log-files';
import { ProfileSchema } from '../src/shared/contract/profile';
import type { RawCapture } from '../src/shared/contract/raw-capture';
import type { ShellEvent } from '../src/shared/contract/shell-event';
import { createPipeline } from '../src/shared/core/pipeline';

const BASE = 1_700_000_000_000;
const BATCH = 100;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A full GC, so start, end and plateau figures are live memory, not garbage awaiting collection. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Capture i of an endless RC session: each call rings, connects, holds, ends; presence; SMS; noise. */
function capture(i: number): RawCapture {
  const c = Math.floor(i / 10);
  const call = { id: `call-${c}`, direction: 'Inbound', fromUserName: 'Jane Doe', fromNumber: `+1555${String(c % 10_000).padStart(7, '0')}`, callQueueName: 'Sales' };
  const seq = [
    { type: 'rc-call-ring-notify', call },
    { type: 'rc-active-call-notify', call: { sessionId: `s-${c}`, telephonyStatus: 'Ringing' } },
    { type: 'rc-call-start-notify', call },
    { type: 'rc-call-hold-notify', call },
    { type: 'rc-call-resume-notify', call },
    { type: 'rc-adapter-syncPresence', userStatus: 'Busy', dndStatus: 'TakeAllCalls', telephonyStatus: 'CallConnected' },
    { type: 'rc-inbound-message-notify', message: { id: `m-${c}`, type: 'SMS', subject: 'Please call me back about my order', from: { phoneNumber: '+15550002' } } },
    { type: 'rc-call-end-notify', call },
    { type: 'rc-adapter-syncPresence', userStatus: 'Available', dndStatus: 'TakeAllCalls', telephonyStatus: 'NoCall' },
    { type: 'rc-route-changed-notify', path: '/dialer' },
  ];
  const data = seq[i % seq.length];
  return { profile: 'rc', vendor: 'ringcentral-embeddable', origin: 'https://apps.ringcentral.com', transport: 'postMessage', data, at: BASE + i * 50 };
}

function pipeline() {
  let id = 0;
  return createPipeline({
    profiles: [ProfileSchema.parse({ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable' })],
    notifyRate: { max: 1_000_000, windowMs: 1000 },
    idFactory: () => `ev-${(id++).toString(36).padStart(16, '0')}`, // main's ids are 16 random chars
  });
}

/** The events the pipeline emits for the first `captures` captures. */
function realisticEvents(captures: number): ShellEvent[] {
  const p = pipeline();
  const events: ShellEvent[] = [];
  for (let i = 0; i < captures; i++) {
    const r = p.process(capture(i));
    if (r.accepted) events.push(...r.events);
  }
  return events;
}

async function appendRound(events: readonly ShellEvent[], n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-log-'));
  try {
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'off' });
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      log.event(events[i % events.length]!);
      if (i % BATCH === BATCH - 1) await turn();
    }
    await log.flush();
    const ms = performance.now() - start;
    await log.close();
    const files = await listLogFiles(dir, 'events');
    const bytes = files.reduce((sum, f) => sum + statSync(f.path).size, 0);
    return { ms, bytes, files: files.length, dropped: log.dropped };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLogAppend(n = 200_000) {
  const events = realisticEvents(2_000);
  await appendRound(events, 20_000); // warm-up: JIT, page cache
  const measure = async () => {
    const rounds = [];
    for (let r = 0; r < 3; r++) rounds.push(await appendRound(events, n));
    const median = rounds.sort((a, b) => a.ms - b.ms)[1]!;
    return {
      linesPerSecond: Math.round((n / median.ms) * 1000),
      mbPerSecond: Math.round((median.bytes / 1024 / 1024 / median.ms) * 1000 * 10) / 10,
      ms: Math.round(median.ms),
      files: median.files,
      dropped: rounds.reduce((sum, round) => sum + round.dropped, 0),
    };
  };
  const chosen = await measure();
  const avgLineBytes = Math.round(events.reduce((sum, e) => sum + JSON.stringify({ type: 'event', ...e }).length + 1, 0) / events.length);
  return { lines: n, rounds: 3, avgLineBytes, durability: 'sync write per line, fdatasync every 250 ms and on flush', ...chosen };
}

export async function benchFloodMemory(n = 100_000) {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-flood-'));
  try {
    const p = pipeline();
    const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction: 'numbers' });
    const sample = () => process.memoryUsage();
    collectGarbage();
    const start = sample();
    // Live heap after a GC at each quarter of the flood: flat when what the log holds is bounded.
    const liveHeapMb: number[] = [];
    let peakRss = start.rss;
    let peakHeap = start.heapUsed;
    let events = 0;
    let captures = 0;
    const began = performance.now();
    while (events < n) {
      const c = capture(captures++);
      const r = p.process(c);
      if (r.accepted) {
        for (const e of r.events) log.event(e);
        events += r.events.length;
      } else log.rejection({ at: c.at, profile: c.profile, reason: r.reason, count: 1 });
      if (captures % BATCH === 0) {
        await turn();
        if (captures % (BATCH * 10) === 0) {
          const m = sample();
          peakRss = Math.max(peakRss, m.rss);
          peakHeap = Math.max(peakHeap, m.heapUsed);
        }
      }
      if (captures % (n / 4) === 0) {
        collectGarbage();
        liveHeapMb.push(mb(sample().heapUsed));
      }
    }
    await log.flush();
    const ms = performance.now() - began;
    await log.close();
    collectGarbage();
    const end = sample();
    const written = (await listLogFiles(dir, 'events')).reduce((sum, f) => sum + statSync(f.path).size, 0);
    return {
      events,
      captures,
      ms: Math.round(ms),
      eventsPerSecond: Math.round((events / ms) * 1000),
      writtenMb: mb(written),
      dropped: log.dropped,
      rssMb: { start: mb(start.rss), peak: mb(peakRss), end: mb(end.rss) },
      heapMb: { start: mb(start.heapUsed), peak: mb(peakHeap), end: mb(end.heapUsed) },
      liveHeapMbAtQuarters: liveHeapMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
