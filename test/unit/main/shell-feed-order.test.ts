/**
 * The live feed's order, end to end in the order it happens in the app: captures go through the
 * real pipeline into the real ShellState, its snapshot is parsed as the shell preload parses it,
 * and the UI's own filter decides what the rail and the feed page list first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ShellState } from '../../../src/main/shell/shell-state';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { defaultReplayProfiles, readReplayLine } from '../../../src/shared/core/replay-format';
import { ShellSnapshotSchema } from '../../../src/shared/ipc/shell-protocol';
import { filterFeed, NO_FILTER } from '../../../src/renderer/shell/logic/feed-filter';

const profiles = defaultReplayProfiles().filter((p) => p.vendor === 'ringcentral-embeddable');
// One line per documented RingCentral Embeddable event, in capture-time order (README, "Replaying captured events").
const lines = readFileSync(new URL('../../fixtures/replay/ringcentral-embeddable.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);

function dayOfCaptures(): ShellState {
  const state = new ShellState(profiles, false);
  const pipeline = createPipeline({ profiles });
  let at = 0;
  for (const text of lines) {
    const read = readReplayLine(text, profiles, at);
    if (!('capture' in read)) throw new Error(read.reason);
    at = read.capture.at;
    const result = pipeline.process(read.capture);
    if (result.accepted) state.record(result.events, result.effects, at, read.capture.profile);
    else state.recordRejection(read.capture.profile, `${result.stage}: ${result.reason}`, 1, at);
  }
  return state;
}

describe('the live feed order, ShellState → snapshot → UI', () => {
  it('the UI lists the newest entry first: the last capture of the day, not the first', () => {
    const snap = ShellSnapshotSchema.parse(dayOfCaptures().snapshot());
    const shown = filterFeed(snap.feed, NO_FILTER);
    // The day's last line is the widget logging out; its first, logging in.
    expect(shown[0]).toMatchObject({ type: 'event', kind: 'agent.session', summary: 'agent.session logged out [rc-login-status-notify]' });
    expect(shown.at(-1)).toMatchObject({ kind: 'agent.session', summary: 'agent.session logged in [rc-login-status-notify]' });
    const times = shown.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filtered, the call ringing now comes before the calls that rang earlier', () => {
    const snap = ShellSnapshotSchema.parse(dayOfCaptures().snapshot());
    const rings = filterFeed(snap.feed, { ...NO_FILTER, kind: 'interaction.offered' });
    expect(rings.map((e) => e.summary)).toEqual([
      'interaction.offered +14155550123 [rc-call-ring-notify]',
      'interaction.offered Jane Doe +16505550100 — Sales [rc-call-ring-notify]',
    ]);
  });

  it('past the 500 kept, the rail’s first 100 are the newest 100', () => {
    const state = new ShellState(profiles, false);
    for (let i = 1; i <= 700; i++) state.recordRejection('ringcentral-embeddable', `r${i}`, 1, i);
    const snap = ShellSnapshotSchema.parse(state.snapshot());
    const rail = filterFeed(snap.feed, NO_FILTER).slice(0, 100);
    expect(rail[0]!.summary).toBe('rejected: r700');
    expect(rail[99]!.summary).toBe('rejected: r601');
    expect(snap.feed.at(-1)!.summary).toBe('rejected: r201');
  });
});

describe('the snapshot schema declares the order', () => {
  const snap = () => dayOfCaptures().snapshot();

  it('accepts ShellState’s snapshots: newest first, seq strictly decreasing', () => {
    const feed = ShellSnapshotSchema.parse(snap()).feed;
    expect(feed.length).toBeGreaterThan(30);
    expect(feed.every((e, i) => i === 0 || e.seq < feed[i - 1]!.seq)).toBe(true);
    expect(ShellSnapshotSchema.safeParse({ ...snap(), feed: [] }).success).toBe(true);
  });

  it('refuses an oldest-first feed, saying where and why', () => {
    const s = snap();
    const result = ShellSnapshotSchema.safeParse({ ...s, feed: [...s.feed].reverse() });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['feed', 1, 'seq'], message: 'the feed must be newest first (strictly decreasing seq), but entry 1 has seq 2 after seq 1' }),
    ]);
  });

  it('refuses a repeated entry and an entry without seq', () => {
    const s = snap();
    const [first, second] = s.feed;
    expect(ShellSnapshotSchema.safeParse({ ...s, feed: [first, first] }).error?.issues[0]?.message).toMatch(/entry 1 has seq (\d+) after seq \1$/);
    const { seq: _seq, ...unnumbered } = second!;
    expect(ShellSnapshotSchema.safeParse({ ...s, feed: [first, unnumbered] }).error?.issues[0]?.path).toEqual(['feed', 1, 'seq']);
  });
});
