/**
 * Today's tally (src/shared/missed/day-tally.ts): missed calls per caller with their attempts,
 * the rail's unseen counts and how they clear, taken calls and talk time, and midnight.
 */
import { describe, expect, it } from 'vitest';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { DayTally, localDayStart } from '../../../src/shared/missed/day-tally';

const DAY = 86_400_000;
/** A fixed day grid (UTC days) so the tests do not depend on the machine's time zone. */
const utcDay = (at: number) => Math.floor(at / DAY) * DAY;
const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

let n = 0;
function ev(kind: ShellEvent['kind'], at: number, extra: Partial<ShellEvent> = {}): ShellEvent {
  return { id: `e${++n}`, at, profile: 'sales', vendor: 'demo', kind, vendorEvent: 'x', raw: {}, ...extra };
}
const maria = { party: { name: 'Maria Garcia', number: '+1 650 555 0142' }, queue: 'Sales', media: 'voice' as const };

describe('missed calls', () => {
  it('one line per caller and profile, counting attempts, newest attempt first; the offer names the caller when the missed event does not', () => {
    const t = new DayTally(utcDay);
    t.apply(ev('interaction.offered', T0, { ref: 'c1', ...maria }));
    t.apply(ev('interaction.missed', T0 + 30_000, { ref: 'c1' })); // RingCentral's derived missed names nobody
    t.apply(ev('interaction.offered', T0 + 60_000, { ref: 'c2', party: { number: '+14155550123' } }));
    t.apply(ev('interaction.missed', T0 + 90_000, { ref: 'c2', party: { number: '+14155550123' } }));
    t.apply(ev('interaction.missed', T0 + 120_000, { ref: 'c3', party: { name: 'Maria Garcia', number: '+16505550142' } }));
    const list = t.missed();
    expect(list.map((m) => [m.name ?? m.number, m.attempts, m.at])).toEqual([
      ['Maria Garcia', 2, T0 + 120_000],
      ['+14155550123', 1, T0 + 90_000],
    ]);
    expect(list[0]).toMatchObject({ queue: 'Sales', profile: 'sales', seen: false });
    expect(t.today()).toMatchObject({ missed: 3 });
  });

  it('a missed call on another profile is another line', () => {
    const t = new DayTally(utcDay);
    t.apply(ev('interaction.missed', T0, { ref: 'a', ...maria }));
    t.apply(ev('interaction.missed', T0 + 1, { ref: 'b', ...maria, profile: 'support' }));
    expect(t.missed().map((m) => m.profile)).toEqual(['support', 'sales']);
  });
});

describe('unseen counts and clearing', () => {
  it('counts missed calls and inbound chats and SMS per profile, not emails or calls taken', () => {
    const t = new DayTally(utcDay);
    t.apply(ev('interaction.missed', T0, { ref: 'a', ...maria }));
    t.apply(ev('message.inbound', T0 + 1, { media: 'chat', profile: 'chat' }));
    t.apply(ev('message.inbound', T0 + 2, { media: 'sms', profile: 'chat' }));
    t.apply(ev('message.inbound', T0 + 3, { media: 'email', profile: 'chat' }));
    t.apply(ev('interaction.connected', T0 + 4, { ref: 'z' }));
    expect([t.unseen('sales'), t.unseen('chat'), t.unseen('support')]).toEqual([1, 2, 0]);
  });

  it('opening the profile clears its count; opening the Missed list clears missed calls only; a new attempt counts again', () => {
    const t = new DayTally(utcDay);
    t.apply(ev('interaction.missed', T0, { ref: 'a', ...maria }));
    t.apply(ev('interaction.missed', T0 + 1, { ref: 'b', ...maria, profile: 'chat' }));
    t.apply(ev('message.inbound', T0 + 2, { media: 'chat', profile: 'chat' }));
    expect(t.seeProfile('sales')).toBe(true);
    expect([t.unseen('sales'), t.unseen('chat')]).toEqual([0, 2]);
    expect(t.seeMissed()).toBe(true);
    expect(t.unseen('chat')).toBe(1); // the chat waits until Chat is opened
    expect(t.missed().every((m) => m.seen)).toBe(true);
    expect(t.seeMissed()).toBe(false);
    t.apply(ev('interaction.missed', T0 + 3, { ref: 'c', ...maria }));
    t.apply(ev('interaction.missed', T0 + 4, { ref: 'd', ...maria }));
    expect(t.unseen('sales')).toBe(2); // each attempt since the list was seen is a missed call
    expect(t.missed()[0]).toMatchObject({ attempts: 3, seen: false });
    t.seeMissed();
    t.apply(ev('interaction.missed', T0 + 5, { ref: 'e', ...maria }));
    expect(t.unseen('sales')).toBe(1);
  });
});

describe("today's counters", () => {
  it('taken counts each connected call once; talk time runs from connect to end', () => {
    const t = new DayTally(utcDay);
    t.apply(ev('interaction.connected', T0, { ref: 'a' }));
    t.apply(ev('interaction.connected', T0 + 5_000, { ref: 'a' })); // repeated by the vendor
    t.apply(ev('interaction.ended', T0 + 125_000, { ref: 'a' }));
    t.apply(ev('interaction.connected', T0 + 200_000, { ref: 'b' }));
    t.apply(ev('interaction.ended', T0 + 230_000, { ref: 'b' }));
    expect(t.today()).toEqual({ taken: 2, missed: 0, talkSeconds: 155 });
  });

  it('midnight starts a new day: counts, list and badges are yesterday’s; a call across midnight counts its talk from 00:00', () => {
    const t = new DayTally(utcDay);
    const midnight = utcDay(T0) + DAY;
    t.apply(ev('interaction.missed', midnight - 60_000, { ref: 'a', ...maria }));
    t.apply(ev('interaction.connected', midnight - 30_000, { ref: 'b' }));
    expect(t.today()).toEqual({ taken: 1, missed: 1, talkSeconds: 0 });
    expect(t.roll(midnight + 1)).toBe(true);
    expect(t.today()).toEqual({ taken: 0, missed: 0, talkSeconds: 0 });
    expect(t.missed()).toEqual([]);
    expect(t.unseen('sales')).toBe(0);
    t.apply(ev('interaction.ended', midnight + 90_000, { ref: 'b' }));
    expect(t.today().talkSeconds).toBe(90);
    expect(t.roll(midnight + 2)).toBe(false);
  });

  it('an event stamped before midnight arriving after it is not today’s', () => {
    const t = new DayTally(utcDay);
    const midnight = utcDay(T0) + DAY;
    t.apply(ev('interaction.missed', midnight + 5, { ref: 'a', ...maria }));
    t.apply(ev('interaction.missed', midnight - 5, { ref: 'b', party: { number: '+1999' } }));
    expect(t.missed().map((m) => m.number)).toEqual(['+1 650 555 0142']);
  });

  it('the default day is the local calendar day', () => {
    const at = new Date(2026, 5, 1, 23, 59).getTime();
    expect(localDayStart(at)).toBe(new Date(2026, 5, 1).getTime());
  });
});
