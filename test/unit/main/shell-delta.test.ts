/**
 * The delta path: main's real producer (ShellState.deltaSince, as ShellWindow.pushState calls it)
 * → ShellDeltaSchema (the shell preload's check) → applyDelta (the page's), against the whole
 * snapshot main would send — including the feed's and the activity list's caps.
 */
import { describe, expect, it } from 'vitest';
import { applyDelta } from '../../../src/shared/ipc/shell-delta';
import { ShellDeltaSchema, ShellSnapshotSchema, type ShellMark } from '../../../src/shared/ipc/shell-protocol';
import { ENGAGE, morning, RC, workday } from '../../browser/shell-ui/data';
import { replayed } from '../../support/vendor-traffic';

const RING = [5, 9, 13, 14, 15, 16, 18, 19];

describe('shell deltas', () => {
  it('applied in order, they rebuild exactly the snapshot main holds, past both caps', () => {
    const main = workday();
    let page = ShellSnapshotSchema.parse(main.state.snapshot());
    let sent: ShellMark = page.mark;
    let sizes = 0;
    for (let round = 0; round < 180; round++) {
      for (let i = 0; i < 8; i++) main.capture('sales', replayed(RC, RING[(round * 8 + i) % RING.length]!));
      if (round % 3 === 0) main.capture('chat', replayed(ENGAGE, 3)).bridgeRejected('chat', 'too many messages');
      const delta = ShellDeltaSchema.parse(JSON.parse(JSON.stringify(main.state.deltaSince(sent))));
      sent = delta.mark;
      sizes += JSON.stringify(delta).length;
      page = applyDelta(page, delta)!;
      expect(page).toEqual(ShellSnapshotSchema.parse(main.state.snapshot()));
    }
    expect(page.feed).toHaveLength(500);
    expect(page.activity).toHaveLength(500);
    // A delta carries a round's worth of entries, not the feed: far less than whole snapshots.
    expect(sizes / 180).toBeLessThan(JSON.stringify(main.state.snapshot()).length / 10);
  });

  it('a page behind a delta’s base asks for a whole snapshot; one ahead of it ignores what it has', () => {
    const main = morning();
    const start = ShellSnapshotSchema.parse(main.state.snapshot());
    main.capture('sales', replayed(RC, 14));
    const middle = ShellSnapshotSchema.parse(main.state.snapshot());
    main.capture('sales', replayed(RC, 15));
    const late = ShellDeltaSchema.parse(main.state.deltaSince(middle.mark));
    expect(applyDelta(start, late)).toBeNull();
    // A getState answer newer than the delta's base: applying the overlap adds nothing twice.
    const overlap = ShellDeltaSchema.parse(main.state.deltaSince(start.mark));
    const now = ShellSnapshotSchema.parse(main.state.snapshot());
    expect(applyDelta(now, overlap)).toEqual(now);
    expect(applyDelta(middle, overlap)).toEqual(now);
  });

  it('the preload refuses a delta whose lists are out of order', () => {
    const main = morning();
    const delta = main.state.deltaSince({ feed: 0, activity: 0 });
    expect(ShellDeltaSchema.safeParse(delta).success).toBe(true);
    expect(ShellDeltaSchema.safeParse({ ...delta, feed: [...delta.feed].reverse() }).success).toBe(false);
    expect(ShellDeltaSchema.safeParse({ ...delta, activity: [...delta.activity].reverse() }).success).toBe(false);
  });
});
