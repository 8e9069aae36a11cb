/**
 * Everything the shell UI shows, kept in main and sent as validated snapshots. Pure: glue feeds it
 * pipeline results, permission decisions, view health and DND, and forwards `snapshot()` to the UI.
 */
import type { Effect, ProfilePresence, TrayState } from '../../shared/contract/effects';
import type { Profile } from '../../shared/contract/profile';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { ActivityFold, ACTIVITY_MAX, type Activity } from '../../shared/activity/activity';
import type { DialQuestion, FeedEntry, MissedCallView, PresenceAllStatus, RawPayload, ServiceStatus, ShellDelta, ShellHead, ShellMark, ShellSnapshot, UnshownRing, ViewHealth } from '../../shared/ipc/shell-protocol';
import { DayTally, type MissedCall } from '../../shared/missed/day-tally';
import { describeDialSource, type PendingDial } from '../../shared/links/dial-confirmation';
import type { DndSnapshot } from '../../shared/tray/dnd';
import { setItThereText } from '../../shared/presence/set-all';
import { settableStates } from '../../shared/tray/vendor-presence';
import { ADAPTERS } from '../../shared/vendors/registry';
import { RINGTONE_DEFAULTS, type RingtoneSettings } from '../../shared/contract/settings-ringtone';
import { RingSound } from '../../shared/notifications/ring-sound';
import type { UnshownRingInput } from '../notifications/notifier';
import { RingList } from './ring-list';
import { RingingCallers } from './ringing-callers';

const FEED_MAX = 500;
const DETAIL_MAX = 8192;

export function summarizeEvent(e: ShellEvent): string {
  const who = e.party ? [e.party.name, e.party.number].filter(Boolean).join(' ') : '';
  const parts = [
    e.kind,
    e.state,
    e.loggedIn === undefined ? '' : e.loggedIn ? 'logged in' : 'logged out',
    e.on === undefined ? '' : e.on ? 'on' : 'off',
    who,
    e.queue ? `— ${e.queue}` : '',
    e.text ? `“${e.text.slice(0, 80)}”` : '',
    e.derived ? '(derived)' : '',
  ];
  return `${parts.filter(Boolean).join(' ')} [${e.vendorEvent}]`.slice(0, 500);
}

export function summarizeEffect(effect: Effect): string | null {
  switch (effect.type) {
    case 'notify':
      return `notify: ${effect.title} — ${effect.body}`.slice(0, 500);
    case 'suppress':
      return `suppressed ${effect.kind}: ${effect.reason}`;
    default:
      return null; // dismiss and presence show up in the UI itself
  }
}

/**
 * A raw payload pretty-printed, clipped — only when the agent opens it (rawPayload): printing
 * every event's payload as it arrived cost main more than the event itself at 1k events/s.
 */
function detailOf(value: unknown): string | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, 2);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 20)}\n… (clipped)` : text;
}

/** The number Call back dials: the caller's number without spaces and punctuation, when it is one. */
export function withDial(m: MissedCall): MissedCallView {
  const dial = m.number?.replace(/[\s().-]/g, '');
  return dial && /^\+?[0-9*#]{1,32}$/.test(dial) ? { ...m, dial } : m;
}

export class ShellState {
  private readonly health = new Map<string, { health: ViewHealth; detail?: string }>();
  private presence = new Map<string, ProfilePresence>();
  private readonly callers = new RingingCallers();
  private tray: TrayState = 'offline';
  private feed: FeedEntry[] = [];
  /** Raw payloads of the feed's event entries, by entry id, as captured (printed on request). */
  private readonly raw = new Map<string, unknown>();
  private readonly fold = new ActivityFold();
  /** Oldest first (by `started`); an interaction's changes replace it in place. */
  private activity: Activity[] = [];
  private readonly activityAt = new Map<string, number>();
  private activityRev = 0;
  private readonly problems: string[] = [];
  private seq = 0;
  private dnd: DndSnapshot = { mode: 'off' };
  private dndScheduled = false;
  private guide: boolean;
  private services: () => ServiceStatus = () => ({ forwarding: null, eventLog: { dropped: 0, problem: null } });
  private dialQuestion: DialQuestion | null = null;
  /** Rings the OS did not show, by toast key (notifier.ts), oldest first. */
  private readonly unshown = new Map<string, UnshownRing>();
  private ringSeq = 0;
  /** Today's counters, Missed list and unseen counts, from the events recorded here. */
  private readonly day = new DayTally();
  private presenceAll: () => PresenceAllStatus | null = () => null;
  /** Every call ringing now, for the ring surface (ring-list.ts). */
  readonly rings: RingList;
  /** Which rings the shell page's ringtone sounds for, and where it plays (issue 14). */
  private readonly ringSound = new RingSound();
  private ringtone: RingtoneSettings = RINGTONE_DEFAULTS;
  selected: string | null;

  constructor(
    private readonly profiles: readonly Profile[],
    private readonly firstRun: boolean,
    guideDismissed = false,
  ) {
    this.selected = profiles[0]?.id ?? null;
    this.rings = new RingList((id) => profiles.find((p) => p.id === id)?.name ?? id);
    this.guide = firstRun && !guideDismissed;
    for (const p of profiles) this.health.set(p.id, { health: 'loading' });
  }

  addProblem(problem: string): void {
    if (this.problems.length < 20 && !this.problems.includes(problem)) this.problems.push(problem.slice(0, 1000));
  }

  /** Where the snapshot reads the forwarder's and the event log's status (service-status.ts). */
  watchServices(source: () => ServiceStatus): void {
    this.services = source;
  }

  /** Where the snapshot reads the last "Set all to …" (presence-all-wiring.ts). */
  watchPresenceAll(source: () => PresenceAllStatus | null): void {
    this.presenceAll = source;
  }

  /** Events from earlier today (today-from-log.ts): counted, but not shown in the live feed again. */
  replayToday(events: Iterable<ShellEvent>): void {
    for (const e of events) this.day.apply(e);
  }

  /** The agent opened this profile: its badge clears. Returns whether anything changed. */
  seeProfile(profile: string): boolean {
    return this.day.seeProfile(profile);
  }

  /** The agent opened the Missed list. */
  seeMissed(): boolean {
    return this.day.seeMissed();
  }

  /** Midnight passed with no event: the day's counts start over (main's timer). */
  rollDay(now: number): boolean {
    return this.day.roll(now);
  }

  missedCall(id: string): (MissedCall & { dial?: string }) | undefined {
    const m = this.day.find(id);
    return m ? withDial(m) : undefined;
  }

  dismissGuide(): void {
    this.guide = false;
  }

  /** The call a link asks to place (null: the question closed). */
  setDialQuestion(pending: PendingDial | null): void {
    if (!pending) {
      this.dialQuestion = null;
      return;
    }
    const name = (id: string) => this.profiles.find((p) => p.id === id)?.name ?? id;
    this.dialQuestion = {
      id: pending.id,
      number: pending.number,
      ...(pending.extension ? { extension: pending.extension } : {}),
      profileName: pending.profileName.slice(0, 200),
      source: describeDialSource(pending.source, name).slice(0, 300),
    };
  }

  get asking(): boolean {
    return this.dialQuestion !== null;
  }

  /**
   * A ring whose toast the OS did not show (ring-fallback.ts): the window's banner names it until
   * clearUnshownRing. Returns true when the ring is new, false when it only has fresher text.
   */
  setUnshownRing(ring: UnshownRingInput): boolean {
    const known = this.unshown.get(ring.key);
    const entry: UnshownRing = {
      id: known?.id ?? `ring-${++this.ringSeq}`,
      profile: ring.profile.slice(0, 200),
      profileName: ring.profileName.slice(0, 200),
      headline: ring.headline.slice(0, 100),
      ...(ring.caller ? { caller: ring.caller.slice(0, 500) } : {}),
      why: ring.why,
    };
    this.unshown.set(ring.key, entry);
    // The schema caps the list: the oldest goes first (twenty rings nobody saw are not all news).
    if (this.unshown.size > 20) this.unshown.delete(this.unshown.keys().next().value!);
    return known === undefined;
  }

  /** The ring ended (or its toast showed after all). Returns whether it was in the banner. */
  clearUnshownRing(key: string): boolean {
    return this.unshown.delete(key);
  }

  hasUnshownRing(key: string): boolean {
    return this.unshown.has(key);
  }

  unshownRingKeys(): string[] {
    return [...this.unshown.keys()];
  }

  get unshownRingCount(): number {
    return this.unshown.size;
  }

  setDnd(dnd: DndSnapshot, scheduled: boolean): void {
    this.dnd = dnd;
    this.dndScheduled = scheduled;
    this.ringSound.setDnd(dnd.mode !== 'off');
  }

  /** The ringtone's settings, and whether calls ring through DND (at start and after every save). */
  setRingtone(ringtone: RingtoneSettings, ringThroughDnd: boolean): void {
    this.ringtone = ringtone;
    this.ringSound.configure({ untilAnswered: ringtone.untilAnswered, ringThroughDnd });
  }

  /** Time passes without effects: "ring until answered" rings out at its bound. True when that changed what sounds. */
  tickRings(now: number): boolean {
    const before = this.ringSound.ringing;
    this.ringSound.tick(now);
    return this.ringSound.ringing !== before;
  }

  /** The agent looked at the window: missed calls leave the badge. True when the badge changed. */
  ringsSeen(): boolean {
    const before = this.ringSound.badge;
    this.ringSound.seen();
    return this.ringSound.badge !== before;
  }

  /** What the taskbar badge counts: rings sounding and missed calls not seen yet. */
  get attention(): { ringing: number; badge: number } {
    return { ringing: this.ringSound.ringing, badge: this.ringSound.badge };
  }

  setHealth(profile: string, health: ViewHealth, detail?: string): void {
    this.health.set(profile, detail === undefined ? { health } : { health, detail: detail.slice(0, 500) });
    if (health !== 'ok' && health !== 'loading') this.push({ at: Date.now(), profile, type: 'health', summary: `view ${health}${detail ? `: ${detail}` : ''}` });
  }

  record(events: readonly ShellEvent[], effects: readonly Effect[], at: number, profile: string): void {
    this.rings.apply(events, effects, at);
    this.ringSound.record(events, effects, at);
    for (const e of events) {
      this.callers.apply(e);
      this.day.apply(e);
      const id = this.push({ at: e.at, profile: e.profile, type: 'event', kind: e.kind, summary: summarizeEvent(e), ...(e.raw === undefined ? {} : { hasRaw: true }) });
      if (e.raw !== undefined) this.raw.set(id, e.raw);
      const changed = this.fold.fold(e, ++this.activityRev);
      if (changed) this.upsertActivity(changed);
    }
    for (const effect of effects) {
      if (effect.type === 'presence') {
        this.tray = effect.state;
        this.presence = new Map(effect.profiles.map((p) => [p.profile, p]));
        // Presence says what rings (rings also expire there): a profile that stopped forgets its offers.
        for (const p of effect.profiles) if (p.state !== 'ringing') this.callers.clear(p.profile);
        continue;
      }
      const summary = summarizeEffect(effect);
      if (summary) this.push({ at, profile: effect.profile || profile, type: 'effect', kind: effect.type, summary });
    }
  }

  recordRejection(profile: string, reason: string, count: number, at: number): void {
    this.push({ at, profile, type: 'rejection', kind: 'rejection', summary: `rejected${count > 1 ? ` ×${count}` : ''}: ${reason}`.slice(0, 500) });
  }

  recordPermission(entry: { profile: string; permission: string; granted: boolean; reason: string; kind: string }, at: number): void {
    // Chromium re-checks permissions constantly; only requests are worth a line in the live feed.
    if (entry.kind !== 'request') return;
    this.push({ at, profile: entry.profile, type: 'permission', kind: 'permission', summary: entry.reason.slice(0, 500) });
  }

  /** A feed entry's raw payload, pretty-printed now; null once the entry left the feed. */
  rawPayload(id: string): RawPayload {
    if (!this.raw.has(id)) return null;
    const text = detailOf(this.raw.get(id));
    return text === undefined ? null : { text };
  }

  /** The newest feed seq and activity rev: what a snapshot taken now holds. */
  mark(): ShellMark {
    return { feed: this.seq, activity: this.activityRev };
  }

  /**
   * What changed since `since` (a mark an earlier snapshot or delta carried): the head, feed
   * entries newer than since.feed and activities changed after since.activity, newest first.
   */
  deltaSince(since: ShellMark): ShellDelta {
    const feed: FeedEntry[] = [];
    for (let i = this.feed.length - 1; i >= 0 && this.feed[i]!.seq > since.feed; i--) feed.push(this.feed[i]!);
    const activity: Activity[] = [];
    for (let i = this.activity.length - 1; i >= 0; i--) if (this.activity[i]!.rev > since.activity) activity.push(this.activity[i]!);
    return {
      since,
      mark: this.mark(),
      head: this.head(),
      feed,
      feedFrom: this.feed[0]?.seq ?? 0,
      activity,
      activityFrom: this.activity[0]?.started ?? 0,
    };
  }

  snapshot(): ShellSnapshot {
    return {
      ...this.head(),
      // Newest first, the one order ShellSnapshotSchema accepts (kept oldest first here: push is cheap).
      feed: [...this.feed].reverse(),
      activity: [...this.activity].reverse(),
      mark: this.mark(),
    };
  }

  private head(): ShellHead {
    return {
      profiles: this.profiles.map((p) => {
        const h = this.health.get(p.id) ?? { health: 'loading' as const };
        const presence = this.presence.get(p.id);
        const states = [...settableStates(p.vendor)];
        const state = presence?.state ?? ('offline' as const);
        const caller = state === 'ringing' ? this.callers.current(p.id) : undefined;
        const entry = {
          id: p.id,
          name: p.name,
          vendor: p.vendor,
          vendorLabel: ADAPTERS[p.vendor].label,
          state,
          agentState: presence?.agentState ?? null,
          health: h.health,
          settableStates: states,
          ...(states.length === 0 ? { presenceNote: setItThereText(p.name, p.vendor) } : {}),
          ...(caller ? { caller } : {}),
          unseen: this.day.unseen(p.id),
        };
        return h.detail === undefined ? entry : { ...entry, healthDetail: h.detail };
      }),
      selected: this.selected,
      tray: this.tray,
      dnd: this.dnd,
      dndScheduled: this.dndScheduled,
      firstRun: this.firstRun,
      guide: this.guide,
      problems: [...this.problems],
      services: this.services(),
      dialQuestion: this.dialQuestion,
      unshownRings: [...this.unshown.values()],
      missed: this.day.missed().map(withDial),
      today: this.day.today(),
      presenceAll: this.presenceAll(),
      rings: this.rings.list(),
      ringtone: { ringing: this.ringSound.ringing, device: this.ringtone.device, secondDevice: this.ringtone.secondDevice, volume: this.ringtone.volume },
    };
  }

  private push(entry: Omit<FeedEntry, 'id' | 'seq'>): string {
    const seq = ++this.seq;
    const id = `f${seq}`;
    this.feed.push({ id, seq, ...entry });
    if (this.feed.length > FEED_MAX) this.raw.delete(this.feed.shift()!.id);
    return id;
  }

  /** The fold changed `a`: replace it where it is (its start keeps its place), or add it. */
  private upsertActivity(a: Activity): void {
    const index = this.activityAt.get(a.id);
    if (index !== undefined && this.activity[index - this.activityBase]?.id === a.id) {
      this.activity[index - this.activityBase] = a;
      return;
    }
    // An interaction already pushed out by 500 newer ones stays out: re-adding it at the end
    // would break the list's order (newest first by `started`, ActivityListSchema).
    if (index === undefined && this.activity.length > 0 && a.started < this.activity[this.activity.length - 1]!.started) return;
    this.activityAt.set(a.id, this.activityBase + this.activity.length);
    this.activity.push(a);
    if (this.activity.length > ACTIVITY_MAX) {
      const gone = this.activity.shift()!;
      this.activityAt.delete(gone.id);
      this.activityBase++;
    }
  }
  private activityBase = 0;
}

