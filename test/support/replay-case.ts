/**
 * Vendor cases as the replay command reads them: test/fixtures/replay/cases/<name>.jsonl, one
 * captured message per line, each with a "source" naming the vendor code or documented sample
 * its shape comes from (the replay format ignores keys it does not know). A case runs through the
 * real pipeline with the replay's default profiles (one per vendor, id = vendor id), as
 * `npm run replay` would, so what a test asserts is what the agent would get.
 */
import { readFileSync } from 'node:fs';
import type { Effect } from '../../src/shared/contract/effects';
import type { ShellEvent } from '../../src/shared/contract/shell-event';
import { createPipeline, type Pipeline } from '../../src/shared/core/pipeline';
import { defaultReplayProfiles, readReplayLine } from '../../src/shared/core/replay-format';

export interface CaseLine {
  /** 1-based, as the replay command numbers lines. */
  line: number;
  source: string;
  accepted: boolean;
  /** Why the pipeline refused the line (stage: reason), when it did. */
  reason?: string;
  events: ShellEvent[];
  effects: Effect[];
}

export interface CaseRun {
  lines: CaseLine[];
  pipeline: Pipeline;
  /** Every effect of the run, in order. */
  effects: Effect[];
  events: ShellEvent[];
  /** Toasts as the agent saw them: shown (title), replaced, closed — in order. */
  toasts: string[];
}

export function replayCase(name: string, options: { ringTimeoutMs?: number } = {}): CaseRun {
  const text = readFileSync(new URL(`../fixtures/replay/cases/${name}.jsonl`, import.meta.url), 'utf8');
  const profiles = defaultReplayProfiles();
  const pipeline = createPipeline({ profiles, ...(options.ringTimeoutMs ? { ringTimeoutMs: options.ringTimeoutMs } : {}) });
  const lines: CaseLine[] = [];
  let at = 0;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const parsed = JSON.parse(raw) as { source?: unknown };
    if (typeof parsed.source !== 'string' || parsed.source.trim() === '') throw new Error(`cases/${name}.jsonl line ${i + 1} names no "source"`);
    const read = readReplayLine(raw, profiles, at);
    if ('reason' in read) throw new Error(`cases/${name}.jsonl line ${i + 1}: ${read.reason}`);
    at = read.capture.at;
    const r = pipeline.process(read.capture);
    lines.push(
      r.accepted
        ? { line: i + 1, source: parsed.source, accepted: true, events: r.events, effects: r.effects }
        : { line: i + 1, source: parsed.source, accepted: false, reason: `${r.stage}: ${r.reason}`, events: [], effects: [] },
    );
  });
  const effects = lines.flatMap((l) => l.effects);
  return { lines, pipeline, effects, events: lines.flatMap((l) => l.events), toasts: toastStory(effects) };
}

/** "show <title>", "update <title>", "close <ref>", "expire <ref>" for notify/dismiss effects. */
export function toastStory(effects: readonly Effect[]): string[] {
  const story: string[] = [];
  for (const e of effects) {
    if (e.type === 'notify') story.push(`${e.update ? 'update' : 'show'} ${e.title}`);
    else if (e.type === 'dismiss') story.push(`${e.expired ? 'expire' : 'close'} ${e.ref ?? '(unnamed)'}`);
  }
  return story;
}
