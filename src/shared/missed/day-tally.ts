/**
 * Today, as the agent counts it: calls taken, calls missed and talk time, the Missed list (one
 * line per caller and profile, with how many times they tried) and each profile's count of
 * things the agent has not seen yet (missed calls, inbound chats and SMS). Kept by main from the
 * accepted event stream (ShellState.record) and rebuilt at start from today's event log
 * (src/main/shell/today-from-log.ts). Pure: every input carries its time, and the day is the
 * local calendar day of the event (`dayStart`), so the first event after midnight starts afresh.
 *
 * Seen: opening a profile clears its count (missed calls and messages); opening the Missed list
 * marks every missed call seen (messages stay counted until their profile is opened).
 */
import type { Media, ShellEvent } from '../contract/shell-event';

export interface MissedCall {
  /** Stable for the day: "m1", "m2", … in the order callers first missed. */
  id: string;
  profile: string;
  name?: string;
  number?: string;
  queue?: string;
  media?: Media;
  /** The newest missed attempt (ms since epoch). */
  at: number;
  /** Missed attempts by this caller on this profile today. */
  attempts: number;
  /** The agent opened the Missed list or the profile since the newest attempt. */
  seen: boolean;
}

export interface TodayCounters {
  taken: number;
  missed: number;
  /** Seconds connected, for calls that ended today (a call across midnight counts from 00:00). */
  talkSeconds: number;
}

/** Local midnight at or before `at`. */
export function localDayStart(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

const MESSAGE_MEDIA = new Set<Media | undefined>(['chat', 'sms']);
const ENDS = new Set<ShellEvent['kind']>(['interaction.ended', 'interaction.failed', 'interaction.missed']);
/** A long day must not grow these without bound (vendors that never send ends included). */
const MAX_TRACKED = 256;
export const MISSED_MAX = 100;

type Caller = Pick<MissedCall, 'name' | 'number' | 'queue' | 'media'>;

function callerOf(e: ShellEvent): Caller {
  return {
    ...(e.party?.name ? { name: e.party.name } : {}),
    ...(e.party?.number ? { number: e.party.number } : {}),
    ...(e.queue ? { queue: e.queue } : {}),
    ...(e.media ? { media: e.media } : {}),
  };
}

function bounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_TRACKED) map.delete(map.keys().next().value!);
}

export class DayTally {
  private day = Number.NEGATIVE_INFINITY;
  private counters: TodayCounters = { taken: 0, missed: 0, talkSeconds: 0 };
  private missedCalls = new Map<string, MissedCall>();
  /** Attempts since the agent last saw each line (a caller who tried twice is two missed calls). */
  private unseenAttempts = new Map<string, number>();
  private messages = new Map<string, number>();
  /** Who each offered ref is (a missed event may name nobody: RingCentral's derived one). */
  private offered = new Map<string, Caller>();
  /** When each connected ref connected, until it ends. */
  private connected = new Map<string, number>();
  private seq = 0;

  constructor(private readonly dayStart: (at: number) => number = localDayStart) {}

  /** Moves to the day of `at` when it is a later day: yesterday's counts are gone. */
  roll(at: number): boolean {
    const day = this.dayStart(at);
    if (day <= this.day) return false;
    const calls = this.connected;
    this.day = day;
    this.counters = { taken: 0, missed: 0, talkSeconds: 0 };
    this.missedCalls = new Map();
    this.unseenAttempts = new Map();
    this.messages = new Map();
    this.offered = new Map();
    // A call still connected at midnight goes on: its talk time from 00:00 counts for today.
    this.connected = new Map([...calls].map(([ref, _since]) => [ref, day]));
    return true;
  }

  /** One accepted event; returns whether anything the agent sees changed. */
  apply(e: ShellEvent): boolean {
    const rolled = this.roll(e.at);
    if (this.dayStart(e.at) < this.day) return rolled; // a view's clock behind midnight: not today's
    const key = `${e.profile}\u0000${e.ref ?? ''}`;
    switch (e.kind) {
      case 'interaction.offered':
        bounded(this.offered, key, callerOf(e));
        return rolled;
      case 'interaction.connected':
        if (e.ref === undefined || this.connected.has(key)) return rolled;
        bounded(this.connected, key, e.at);
        this.counters.taken++;
        return true;
      case 'message.inbound':
        if (!MESSAGE_MEDIA.has(e.media)) return rolled;
        this.messages.set(e.profile, (this.messages.get(e.profile) ?? 0) + 1);
        return true;
      default:
        break;
    }
    if (!ENDS.has(e.kind)) return rolled;
    const since = this.connected.get(key);
    if (since !== undefined) {
      this.connected.delete(key);
      this.counters.talkSeconds += Math.max(0, Math.round((e.at - since) / 1000));
    }
    if (e.kind !== 'interaction.missed') return since !== undefined || rolled;
    this.addMissed(e, { ...this.offered.get(key), ...callerOf(e) });
    return true;
  }

  private addMissed(e: ShellEvent, caller: Caller): void {
    this.counters.missed++;
    const who = caller.number ? caller.number.replace(/[^0-9+*#]/g, '') : caller.name ? `name:${caller.name}` : `ref:${e.ref ?? e.id}`;
    const key = `${e.profile}\u0000${who}`;
    const known = this.missedCalls.get(key);
    const entry: MissedCall = {
      // What an earlier attempt said (the queue, say) stays unless this one says otherwise.
      ...(known ? { name: known.name, number: known.number, queue: known.queue, media: known.media } : {}),
      ...caller,
      id: known?.id ?? `m${++this.seq}`,
      profile: e.profile,
      at: e.at,
      attempts: (known?.attempts ?? 0) + 1,
      seen: false,
    };
    this.missedCalls.delete(key);
    this.missedCalls.set(key, entry);
    this.unseenAttempts.set(key, (this.unseenAttempts.get(key) ?? 0) + 1);
    if (this.missedCalls.size > MISSED_MAX) {
      const oldest = this.missedCalls.keys().next().value!;
      this.missedCalls.delete(oldest);
      this.unseenAttempts.delete(oldest);
    }
  }

  /** The agent opened the profile: its missed calls and messages are seen. */
  seeProfile(profile: string): boolean {
    let changed = this.messages.delete(profile);
    for (const [key, m] of this.missedCalls) {
      if (m.profile === profile && !m.seen) {
        m.seen = true;
        this.unseenAttempts.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  /** The agent opened the Missed list: every missed call is seen. */
  seeMissed(): boolean {
    let changed = false;
    for (const m of this.missedCalls.values()) {
      if (!m.seen) {
        m.seen = true;
        changed = true;
      }
    }
    this.unseenAttempts.clear();
    return changed;
  }

  /** Missed calls (each attempt) and messages not seen, for the profile's badge in the rail. */
  unseen(profile: string): number {
    let n = this.messages.get(profile) ?? 0;
    for (const [key, m] of this.missedCalls) if (m.profile === profile && !m.seen) n += this.unseenAttempts.get(key) ?? 0;
    return n;
  }

  /** Newest attempt first. */
  missed(): MissedCall[] {
    return [...this.missedCalls.values()].reverse().map((m) => ({ ...m }));
  }

  find(id: string): MissedCall | undefined {
    for (const m of this.missedCalls.values()) if (m.id === id) return { ...m };
    return undefined;
  }

  today(): TodayCounters {
    return { ...this.counters };
  }
}
