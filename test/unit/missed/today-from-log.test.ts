/**
 * After a restart, today's tally comes back from today's event log (src/main/shell/today-from-log.ts):
 * the lines main's real event log wrote are read back into ShellState's tally; yesterday's file and
 * unreadable lines are left out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../src/main/logs/day-files';
import { createEventLog } from '../../../src/main/logs/event-log';
import { ShellState } from '../../../src/main/shell/shell-state';
import { readTodaysEvents } from '../../../src/main/shell/today-from-log';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { profile } from '../../support/profiles';

const sales = profile({ id: 'sales', name: 'Sales US', vendor: 'demo' });

describe('today from the event log', () => {
  it('a restart keeps the day: missed callers with attempts, taken and talk time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-today-'));
    const now = Date.now();
    const log = await createEventLog({ dir, maxFileMb: 5, retentionDays: 30, onProblem: () => undefined, redaction: 'off' });
    const base = { profile: 'sales', vendor: 'demo' as const, vendorEvent: 'x', raw: {} };
    const events: ShellEvent[] = [
      { ...base, id: 'a', at: now - 5000, kind: 'interaction.connected', ref: 'c1' },
      { ...base, id: 'b', at: now - 4000, kind: 'interaction.ended', ref: 'c1' },
      { ...base, id: 'c', at: now - 3000, kind: 'interaction.missed', ref: 'c2', party: { name: 'Maria Garcia', number: '+16505550142' } },
      { ...base, id: 'd', at: now - 2000, kind: 'interaction.missed', ref: 'c3', party: { name: 'Maria Garcia', number: '+16505550142' } },
    ];
    events.forEach((e) => log.event(e));
    await log.close();
    // Yesterday's file is not today's.
    const yesterday = localDay(new Date(now - 86_400_000));
    writeFileSync(join(dir, `events.${yesterday}.1.jsonl`), `${JSON.stringify({ type: 'event', ...events[2], id: 'old', ref: 'old' })}\nnot json\n`);

    const read = await readTodaysEvents(dir, new Date(now), () => undefined);
    expect(read.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    const state = new ShellState([sales], false);
    state.replayToday(read);
    const snap = state.snapshot();
    expect(snap.today).toEqual({ taken: 1, missed: 2, talkSeconds: 1 });
    expect(snap.missed).toMatchObject([{ name: 'Maria Garcia', attempts: 2, dial: '+16505550142', seen: false }]);
    expect(snap.profiles[0]!.unseen).toBe(2);
    expect(snap.feed).toEqual([]); // counted, not replayed into the live feed
  });
});
