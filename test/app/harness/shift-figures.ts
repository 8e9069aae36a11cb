/**
 * The long-shift test's figures (test/app/long-shift.spec.ts): the per-hour table it prints and
 * attaches, and the rule that says whether main stayed flat.
 *
 * Hour 0 is taken before any traffic and hour 1 after the first hour's warm-up (lazily created
 * things: the first toast's module, the first rotation of each log, the pipeline's caches, JIT).
 * From hour 2 on, measured against hour 1 (bounds from the runs recorded in docs/app-tier.md):
 * - listeners: exactly as many as at hour 1 on every emitter group (the open toasts' excepted,
 *   which is what happens to be on screen at the sample); one listener added per ring or per
 *   chat is +60 or +180 an hour, so any leak of that kind fails at hour 2;
 * - active handles: per type at most HANDLE_SLACK above hour 1 (a log file being rotated, a
 *   socket of Chromium's being replaced can be caught in flight), and hour 10 no more than
 *   hour 2 plus that slack, so a handle per hour fails;
 * - heap after a full GC: the trend, the median of the last three hours against the median of
 *   hours 2–4, may not rise by more than HEAP_SLACK_BYTES: a leak of 1 KB per ring and chat
 *   (240 KB an hour) rises 1.4 MB between those medians and fails. Medians, because one hour can
 *   sample a heap caught mid-work (a log rotating, a feed snapshot in flight): a CI run saw
 *   hour 5 at 18.30 MB between 17.1 MB hours. No single hour may be more than HEAP_SPIKE_BYTES
 *   above hour 1, which catches a leak that comes in bursts.
 */
import type { ResourceSample } from '../model/resources';

export interface HourSample extends ResourceSample {
  hour: number;
  /** When the driver took it, in simulated seconds from the start of the shift. */
  simAt: number;
}

export const HANDLE_SLACK = 2;
export const HEAP_SLACK_BYTES = 1024 * 1024;
export const HEAP_SPIKE_BYTES = 2 * 1024 * 1024;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const MB = (bytes: number | null) => (bytes === null ? 'n/a' : (bytes / 1024 / 1024).toFixed(2));
const steadyListeners = (s: HourSample) => s.listenersTotal - (s.listeners.openToasts ?? 0);

export function judgeFlat(samples: readonly HourSample[]): string[] {
  const problems: string[] = [];
  const base = samples.find((s) => s.hour === 1);
  const later = samples.filter((s) => s.hour >= 2);
  if (!base || later.length === 0) return ['not enough hours sampled'];
  for (const s of later) {
    for (const [group, n] of Object.entries(s.listeners)) {
      if (group !== 'openToasts' && n !== base.listeners[group]) problems.push(`hour ${s.hour}: ${n} listeners on ${group}, ${base.listeners[group]} at hour 1`);
    }
    for (const [type, n] of Object.entries(s.resources)) {
      if (n > (base.resources[type] ?? 0) + HANDLE_SLACK) problems.push(`hour ${s.hour}: ${n} active ${type}, ${base.resources[type] ?? 0} at hour 1`);
    }
    if (s.heapUsed === null || base.heapUsed === null) problems.push(`hour ${s.hour}: no heap figure (is node running with --expose-gc?)`);
    else if (s.heapUsed > base.heapUsed + HEAP_SPIKE_BYTES) problems.push(`hour ${s.hour}: heap ${MB(s.heapUsed)} MB, ${MB(base.heapUsed)} MB at hour 1`);
  }
  const last = later.at(-1)!;
  const second = later[0]!;
  for (const [type, n] of Object.entries(last.resources)) {
    if (n > (second.resources[type] ?? 0) + HANDLE_SLACK) problems.push(`hour ${last.hour}: ${n} active ${type}, ${second.resources[type] ?? 0} at hour ${second.hour}`);
  }
  const heaps = later.filter((s) => s.heapUsed !== null);
  const early = heaps.filter((s) => s.hour <= 4).map((s) => s.heapUsed!);
  const late = heaps.slice(-3).map((s) => s.heapUsed!);
  if (early.length && heaps.length >= 6) {
    const [from, to] = [median(early), median(late)];
    if (to > from + HEAP_SLACK_BYTES) problems.push(`heap rises: median ${MB(to)} MB over the last three hours, ${MB(from)} MB over hours 2–4`);
  }
  return problems;
}

export function formatFigures(samples: readonly HourSample[], run: { scale: number; slipS: number; realSeconds: number }): string {
  const types = [...new Set(samples.flatMap((s) => Object.keys(s.resources)))].sort();
  const groups = [...new Set(samples.flatMap((s) => Object.keys(s.listeners)))];
  const header = ['hour', 'heap MB', 'listeners', ...groups.map((g) => `L:${g}`), ...types.map((t) => `H:${t}`)];
  const rows = samples.map((s) => [String(s.hour), MB(s.heapUsed), String(steadyListeners(s)), ...groups.map((g) => String(s.listeners[g] ?? 0)), ...types.map((t) => String(s.resources[t] ?? 0))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [
    `long shift: ${samples.length - 1} simulated hours at ${run.scale}× in ${run.realSeconds.toFixed(0)} s real; the schedule slipped ${run.slipS.toFixed(0)} simulated s behind main's clock where this machine stalled`,
    'listeners = all but the open toasts\'; L: listeners per emitter group; H: process.getActiveResourcesInfo() by type',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
