/**
 * Per-profile presence and the tray's aggregate state.
 *
 * A profile's own tray state, first match wins:
 *   1. a call/task is ringing (offered, not yet connected, ended or missed)   → ringing
 *   2. a call/task is connected, held or dialling out                        → on-call
 *   3. the vendor said the agent logged out                                   → offline
 *   4. the vendor reported a routing state                                    → that state
 *   5. the vendor never reports presence but has sent events (uContact,
 *      Engage: their embedded UIs have no presence events)                    → available
 *   6. nothing heard yet                                                      → offline
 *
 * The aggregate (one tray icon for all profiles) is the most urgent profile state in this order:
 *   ringing > on-call > dnd > wrap-up > busy > away > available > offline
 * so a call anywhere is never hidden, and "available" shows only when nothing restricts the agent.
 * Shell-level do-not-disturb turns every aggregate below on-call into dnd: a ringing or active call
 * still shows, because the tray icon itself disturbs nobody and hiding a live call would mislead.
 */
import type { ProfilePresence, TrayState } from '../contract/effects';
import type { AgentState, Media, ShellEvent } from '../contract/shell-event';

export const TRAY_PRIORITY: readonly TrayState[] = ['ringing', 'on-call', 'dnd', 'wrap-up', 'busy', 'away', 'available', 'offline'];

type CallPhase = 'ringing' | 'active';
interface Call {
  phase: CallPhase;
  /** When it started ringing or became active (capture time). */
  since: number;
  media: Media | undefined;
}

/**
 * An event about a named interaction may stand for the profile's unnamed ring (AICC names the
 * call only in the event after PhoneAlerting), but only when it is the same medium: closing an
 * SMS conversation says nothing about an unnamed voice call.
 */
export function couldBeSameInteraction(a: Media | undefined, b: Media | undefined): boolean {
  return a === undefined || b === undefined || a === 'unknown' || b === 'unknown' || a === b;
}

/**
 * Some vendors never say that an offer was taken (Engage's task ring, uContact's assignment have
 * no "connected" event): a ring older than this stops counting, so the tray cannot stick on
 * ringing. Real rings end far sooner (RONA timers are typically 15–60 s).
 */
export const DEFAULT_RING_TIMEOUT_MS = 90_000;
const EXPIRY_RESOLUTION_MS = 1_000;

/** Ref used for vendors that announce a call without an id (AICC AgentOther_PhoneAlerting). */
const NO_REF = '\u0000no-ref';
const MAX_CALLS_PER_PROFILE = 64;

class ProfileTrack {
  agentState: AgentState | null = null;
  loggedOut = false;
  heard = false;
  readonly calls = new Map<string, Call>();

  phaseOf(ref: string | undefined): CallPhase | undefined {
    return this.calls.get(ref ?? NO_REF)?.phase;
  }

  apply(e: ShellEvent): void {
    this.heard = true;
    const ref = e.ref ?? NO_REF;
    switch (e.kind) {
      case 'interaction.offered':
        if (this.phaseOf(e.ref) !== 'active') this.setCall(ref, 'ringing', e.at, e.media);
        break;
      case 'interaction.outbound':
      case 'interaction.connected':
      case 'interaction.hold':
      case 'interaction.mute':
        this.forgetUnnamed(e.media); // an unnamed ring (AICC PhoneAlerting) was this call
        if (this.phaseOf(e.ref) !== 'active') this.setCall(ref, 'active', e.at, e.media);
        break;
      case 'interaction.ended':
      case 'interaction.missed':
      case 'interaction.failed':
      case 'interaction.wrapup':
        // Without a ref we cannot tell which call finished: the vendor (AICC No_Answer) means all.
        if (e.ref === undefined) this.calls.clear();
        else {
          this.calls.delete(ref);
          this.forgetUnnamed(e.media);
        }
        break;
      case 'agent.state':
        if (e.state) this.agentState = e.state;
        if (e.state) this.loggedOut = e.state === 'offline';
        break;
      case 'agent.session':
        if (e.loggedIn === false) {
          this.loggedOut = true;
          this.calls.clear();
        } else if (e.loggedIn === true) this.loggedOut = false;
        break;
      case 'vendor.info':
        // The vendor says something more about a ringing offer (Engage's task:selected): the
        // agent has picked it up, so it no longer rings.
        if (e.ref !== undefined && this.phaseOf(e.ref) === 'ringing') this.calls.delete(ref);
        break;
      default:
        break;
    }
  }

  /** Drops rings older than `ringTimeoutMs`; true when something was dropped. */
  expireRings(now: number, ringTimeoutMs: number): boolean {
    let dropped = false;
    for (const [ref, call] of this.calls) {
      if (call.phase === 'ringing' && now - call.since >= ringTimeoutMs) {
        this.calls.delete(ref);
        dropped = true;
      }
    }
    return dropped;
  }

  private forgetUnnamed(media: Media | undefined): void {
    const unnamed = this.calls.get(NO_REF);
    if (unnamed && couldBeSameInteraction(unnamed.media, media)) this.calls.delete(NO_REF);
  }

  private setCall(ref: string, phase: CallPhase, since: number, media: Media | undefined): void {
    this.calls.set(ref, { phase, since, media });
    // A vendor that never reports ends must not grow this forever.
    if (this.calls.size > MAX_CALLS_PER_PROFILE) this.calls.delete(this.calls.keys().next().value!);
  }

  trayState(): TrayState {
    let active = false;
    for (const { phase } of this.calls.values()) {
      if (phase === 'ringing') return 'ringing';
      active = true;
    }
    if (active) return 'on-call';
    if (this.loggedOut) return 'offline';
    if (this.agentState) return this.agentState;
    return this.heard ? 'available' : 'offline';
  }
}

export function aggregate(states: readonly TrayState[], shellDnd: boolean): TrayState {
  let best = TRAY_PRIORITY.length - 1;
  for (const s of states) best = Math.min(best, TRAY_PRIORITY.indexOf(s));
  const top = TRAY_PRIORITY[best] ?? 'offline';
  if (shellDnd && best > TRAY_PRIORITY.indexOf('on-call')) return 'dnd';
  return top;
}

export class PresenceTracker {
  private readonly tracks = new Map<string, ProfileTrack>();
  private lastKey = '';
  /** Set by apply(); lets changed() skip rebuilding the snapshot when nothing happened. */
  private dirty = true;
  private lastDnd: boolean | null = null;
  /** Rings expire to the second; checking more often than that is wasted work per capture. */
  private nextExpiry = -Infinity;

  constructor(
    private readonly profileIds: readonly string[],
    private ringTimeoutMs = DEFAULT_RING_TIMEOUT_MS,
  ) {
    for (const id of profileIds) this.tracks.set(id, new ProfileTrack());
  }

  phaseOf(profile: string, ref: string | undefined): CallPhase | undefined {
    return this.tracks.get(profile)?.phaseOf(ref);
  }

  /** The medium of the profile's unnamed ring, when one rings (null: none rings). */
  unnamedRingMedia(profile: string): Media | undefined | null {
    const call = this.tracks.get(profile)?.calls.get(NO_REF);
    return call?.phase === 'ringing' ? call.media : null;
  }

  /** Refs ringing on a profile (NO_REF stands for an unnamed ring). */
  hasRinging(profile: string): boolean {
    const track = this.tracks.get(profile);
    if (!track) return false;
    for (const { phase } of track.calls.values()) if (phase === 'ringing') return true;
    return false;
  }

  setRingTimeout(ms: number): void {
    this.ringTimeoutMs = ms;
  }

  /** Expires stale rings on every profile; main calls this on a timer, the pipeline per capture. */
  tick(now: number): void {
    this.nextExpiry = now + EXPIRY_RESOLUTION_MS;
    for (const track of this.tracks.values()) if (track.expireRings(now, this.ringTimeoutMs)) this.dirty = true;
  }

  /** tick(), at most once a second of capture time: the per-capture path. */
  tickThrottled(now: number): void {
    if (now >= this.nextExpiry) this.tick(now);
  }

  apply(e: ShellEvent): void {
    const track = this.tracks.get(e.profile);
    if (!track) return;
    const before = track.trayState();
    const agentBefore = track.agentState;
    track.apply(e);
    if (track.trayState() !== before || track.agentState !== agentBefore) this.dirty = true;
  }

  snapshot(shellDnd: boolean): { state: TrayState; profiles: ProfilePresence[] } {
    const profiles = this.profileIds.map((profile) => {
      const track = this.tracks.get(profile)!;
      return { profile, agentState: track.agentState, state: track.trayState() };
    });
    return { state: aggregate(profiles.map((p) => p.state), shellDnd), profiles };
  }

  /** The snapshot when it differs from the last one returned here, else null. */
  changed(shellDnd: boolean): { state: TrayState; profiles: ProfilePresence[] } | null {
    if (!this.dirty && shellDnd === this.lastDnd) return null;
    this.dirty = false;
    this.lastDnd = shellDnd;
    const snap = this.snapshot(shellDnd);
    const key = `${snap.state}|${snap.profiles.map((p) => `${p.agentState}:${p.state}`).join(',')}`;
    if (key === this.lastKey) return null;
    this.lastKey = key;
    return snap;
  }
}
