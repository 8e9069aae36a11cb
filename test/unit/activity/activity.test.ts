/**
 * One line per interaction, from main's real modules (test/support/shell-main.ts: the pipeline,
 * the effect router and ShellState) fed with captured vendor lines — in the order main records
 * them, not in an order a test would like.
 */
import { describe, expect, it } from 'vitest';
import { ActivityFold } from '../../../src/shared/activity/activity';
import { activityLine, activityMatches } from '../../../src/shared/activity/activity-words';
import { formatNumber } from '../../../src/shared/core/phone-format';
import { ShellSnapshotSchema } from '../../../src/shared/ipc/shell-protocol';
import { morning, RC } from '../../browser/shell-ui/data';
import { replayed } from '../../support/vendor-traffic';

const lines = (main: ReturnType<typeof morning>) => {
  const snap = ShellSnapshotSchema.parse(main.state.snapshot());
  const names = new Map(snap.profiles.map((p) => [p.id, p.name]));
  return snap.activity.map((a) => activityLine(a, names.get(a.profile)).replace(/^\d\d:\d\d /, ''));
};

describe('activity', () => {
  it('folds ring, answer, hold and end into one line with its outcome, newest first; a ring never answered is missed', () => {
    const main = morning()
      .capture('sales', replayed(RC, 14)) // rc-call-ring-notify from +14155550123
      .capture('sales', replayed(RC, 15)) // rc-call-end-notify: never answered
      .capture('sales', replayed(RC, 16)) // rc-call-init-notify to Bob Smith
      .capture('sales', replayed(RC, 18)) // rc-call-end-notify
      .capture('sales', replayed(RC, 19)); // rc-inbound-message-notify (SMS)
    const feed = main.state.snapshot().feed;
    // The feed (Diagnostics) still has every vendor event; the activity has one line each.
    expect(feed.length).toBeGreaterThan(15);
    expect(lines(main)).toEqual([
      'Incoming SMS — +1 415 555 0123 on Sales US — 1 message',
      'Outgoing call — Bob Smith, +442071234567 on Sales US — ended',
      'Incoming call — +1 415 555 0123 on Sales US — missed',
      'Incoming call — Jane Doe, +1 650 555 0100 (Sales) on Sales US — answered',
      // Engage Digital's task (smcc:task:ring, then selected: taken), named as its toast names it.
      'Incoming task — Jane Doe (global) on Chat desk — in progress',
    ]);
  });

  it('a ref that rings again after it ended is a new interaction; vendor chatter is none', () => {
    const fold = new ActivityFold();
    const base = { at: 1, profile: 'p', ref: 'r1', media: 'voice' as const };
    expect(fold.fold({ ...base, id: 'e0', kind: 'agent.state' }, 1)).toBeNull();
    const first = fold.fold({ ...base, id: 'e1', kind: 'interaction.offered' }, 2)!;
    expect(fold.fold({ ...base, id: 'e2', kind: 'interaction.ended' }, 3)!).toMatchObject({ id: first.id, outcome: 'ended', rev: 3 });
    expect(fold.fold({ ...base, id: 'e3', kind: 'interaction.missed' }, 4)!).toMatchObject({ id: first.id, outcome: 'missed' });
    const again = fold.fold({ ...base, id: 'e4', kind: 'interaction.offered' }, 5)!;
    expect(again.id).not.toBe(first.id);
    expect(again.outcome).toBe('ringing');
  });

  it('finds a number however it is typed: spaces, +, dashes and parentheses are ignored', () => {
    const main = morning();
    const jane = ShellSnapshotSchema.parse(main.state.snapshot()).activity.find((a) => a.number === '+16505550100')!;
    for (const typed of ['650 555 0100', '+1 (650) 555-0100', '6505550100', '555.0100']) expect(activityMatches(jane, typed), typed).toBe(true);
    expect(activityMatches(jane, '650 555 0199')).toBe(false);
    expect(activityMatches(jane, 'jane')).toBe(true);
    expect(activityMatches(jane, 'sales us', 'Sales US')).toBe(true);
    expect(formatNumber('+16505550142')).toBe('+1 650 555 0142');
    expect(formatNumber('+442071234567')).toBe('+442071234567');
  });
});
