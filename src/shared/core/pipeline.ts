/**
 * The core pipeline (DESIGN.md §1), pure and synchronous:
 *   RawCapture → profile → origin check → size cap → adapter → dedupe → derived events → effects
 * It never throws on bad input: every rejection is returned with a reason a support engineer can
 * act on, and counted. The same instance serves main (live captures) and the replay command.
 */
import type { Effect } from '../contract/effects';
import type { Profile } from '../contract/profile';
import type { RawCapture } from '../contract/raw-capture';
import type { ShellEvent } from '../contract/shell-event';
import type { VendorAdapter, VendorSession } from '../vendors/adapter';
import { AdapterMemory } from '../vendors/memory';
import { ADAPTERS } from '../vendors/registry';
import { DEFAULT_CONTEXT, decide, type DecideDeps, type DecisionContext } from './decide';
import { DedupeWindow } from './dedupe';
import { DEFAULT_CAPTURE_LIMITS, measureCapture, type CaptureLimits } from './measure';
import { compileOriginPolicy, type OriginVerdict } from './origin-policy';
import { DEFAULT_RING_TIMEOUT_MS, PresenceTracker } from './presence';
import { effectiveOrigins } from './profile-defaults';
import { RateLimiter } from './rate-limit';
import { RingBook } from './ring-book';

export interface PipelineOptions {
  profiles: readonly Profile[];
  adapters?: Readonly<Record<string, VendorAdapter>>;
  limits?: CaptureLimits;
  /** Same vendorEvent + ref within this window is a duplicate. */
  dedupeWindowMs?: number;
  /** A ring with no outcome stops counting as ringing after this long (see presence.ts). */
  ringTimeoutMs?: number;
  /** At most `max` notifications per profile per `windowMs`. */
  notifyRate?: { max: number; windowMs: number };
  /** Main gives every event a globally unique id; without it ids are deterministic (replay). */
  idFactory?: () => string;
  context?: Partial<DecisionContext>;
}

/** 'input': reading the capture itself threw (a getter, a Proxy trap): nothing else was judged. */
export type RejectStage = 'profile' | 'vendor' | 'origin' | 'size' | 'adapter' | 'input';

export type PipelineResult =
  | { accepted: true; events: ShellEvent[]; effects: Effect[] }
  | { accepted: false; stage: RejectStage; reason: string };

export interface PipelineStats {
  accepted: number;
  events: number;
  rejected: Record<RejectStage, number>;
}

interface ProfileRuntime {
  profile: Profile;
  adapter: VendorAdapter;
  originOk: (origin: string) => OriginVerdict;
  session: VendorSession;
  memory: AdapterMemory;
  /** Built once per profile; setContext() swaps its context. */
  deps: DecideDeps;
}

export interface Pipeline {
  process(capture: RawCapture): PipelineResult;
  setContext(patch: Partial<DecisionContext>): Effect[];
  /** How long a ring no vendor event ends keeps ringing (toast and tray); from the next tick. */
  setRingTimeout(ms: number): void;
  /** Time passes without captures (rings expire): call on a timer; returns a presence change. */
  tick(now: number): Effect[];
  readonly context: Readonly<DecisionContext>;
  session(profile: string): Readonly<VendorSession> | undefined;
  /** The profile's adapter memory, for commands that depend on what the vendor said (memory.ts). */
  memory(profile: string): AdapterMemory | undefined;
  presence(): Extract<Effect, { type: 'presence' }>;
  stats(): PipelineStats;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  const adapters = options.adapters ?? ADAPTERS;
  const limits = options.limits ?? DEFAULT_CAPTURE_LIMITS;
  const dedupe = new DedupeWindow(options.dedupeWindowMs ?? 5_000);
  const rate = options.notifyRate ?? { max: 6, windowMs: 10_000 };
  const limiter = new RateLimiter(rate.max, rate.windowMs);
  const profiles = options.profiles.filter((p) => adapters[p.vendor]);
  let ringTimeoutMs = options.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS;
  const presence = new PresenceTracker(
    profiles.map((p) => p.id),
    ringTimeoutMs,
  );
  const ringing = new RingBook();
  let nextRingExpiry = -Infinity;
  let context: DecisionContext = { ...DEFAULT_CONTEXT, ...options.context };
  const runtimes = new Map<string, ProfileRuntime>();
  for (const profile of profiles) {
    const adapter = adapters[profile.vendor]!;
    runtimes.set(profile.id, {
      profile,
      adapter,
      originOk: compileOriginPolicy(effectiveOrigins(profile, adapter)),
      session: {},
      memory: new AdapterMemory(),
      deps: { profile, adapter, presence, limiter, ringing, context },
    });
  }
  const stats: PipelineStats = { accepted: 0, events: 0, rejected: { profile: 0, vendor: 0, origin: 0, size: 0, adapter: 0, input: 0 } };

  const reject = (stage: RejectStage, reason: string): PipelineResult => {
    stats.rejected[stage]++;
    return { accepted: false, stage, reason };
  };

  const presenceEffect = (snap: ReturnType<PresenceTracker['snapshot']>) => ({ type: 'presence' as const, ...snap });

  // Whatever a vendor sends or fails to send, no ring toast outlives the ring timeout. Checked to
  // the second, like presence's own expiry, so the per-capture path pays for it once a second.
  const expireRings = (now: number, effects: Effect[]) => {
    nextRingExpiry = now + 1_000;
    for (const ring of ringing.expire(now, ringTimeoutMs)) {
      effects.push({ type: 'dismiss', profile: ring.profile, ...(ring.ref ? { ref: ring.ref } : {}), expired: true });
    }
  };

  // Callers hand in objects the pipeline did not build; a getter or Proxy trap that throws while
  // they are read is a rejection like any other, never an exception out of process(). Every
  // state change happens after the last read of foreign data, so a throw leaves no half-applied
  // capture behind.
  function process(capture: RawCapture): PipelineResult {
    try {
      return judge(capture);
    } catch (err) {
      return reject('input', `the capture could not be read: ${describeError(err)}`);
    }
  }

  function judge(capture: RawCapture): PipelineResult {
    const rt = runtimes.get(capture.profile);
    if (!rt) return reject('profile', `unknown profile "${capture.profile.slice(0, 64)}"`);
    if (capture.vendor !== rt.profile.vendor) {
      return reject('vendor', `profile "${rt.profile.id}" is a ${rt.profile.vendor} profile, but the capture says ${capture.vendor}`);
    }
    const origin = rt.originOk(capture.origin);
    if (!origin.ok) return reject('origin', origin.reason);
    const size = measureCapture(capture.data, limits);
    if (!size.ok) return reject('size', `message ${size.reason}`);
    const normalized = rt.adapter.normalize(capture, rt.memory);
    if ('reject' in normalized) return reject('adapter', normalized.reject);
    // What leaves here goes to the log, the forwarder and the UI: every payload an adapter returns
    // (parsed from a string, or built) is held to the same limits as the capture, so each event
    // serializes on its own and one bad message never costs a batch it shares.
    for (const e of normalized.events) {
      const bounded = measureCapture(e.raw, limits);
      if (!bounded.ok) return reject('adapter', `${rt.adapter.label} produced an event whose payload is ${bounded.reason}`);
    }
    if (normalized.session) Object.assign(rt.session, normalized.session);

    presence.tickThrottled(capture.at);
    const events: ShellEvent[] = [];
    const effects: Effect[] = [];
    if (capture.at >= nextRingExpiry) expireRings(capture.at, effects);
    for (const raw of normalized.events) {
      const event = options.idFactory ? { ...raw, id: options.idFactory() } : raw;
      if (event.ref !== undefined && dedupe.check(fingerprint(event), event.at)) {
        effects.push({ type: 'suppress', reason: 'duplicate', profile: event.profile, kind: event.kind, ref: event.ref });
        continue;
      }
      for (const e of withDerived(event, rt.adapter, presence)) {
        events.push(e);
        decide(e, rt.deps, effects);
        presence.apply(e);
      }
    }
    const changed = presence.changed(context.dnd);
    if (changed) effects.push(presenceEffect(changed));
    stats.accepted++;
    stats.events += events.length;
    return { accepted: true, events, effects };
  }

  return {
    process,
    setContext(patch) {
      context = { ...context, ...patch };
      for (const rt of runtimes.values()) rt.deps.context = context;
      const changed = presence.changed(context.dnd);
      return changed ? [presenceEffect(changed)] : [];
    },
    setRingTimeout(ms) {
      ringTimeoutMs = ms;
      presence.setRingTimeout(ms);
    },
    tick(now) {
      const effects: Effect[] = [];
      expireRings(now, effects);
      presence.tick(now);
      const changed = presence.changed(context.dnd);
      if (changed) effects.push(presenceEffect(changed));
      return effects;
    },
    get context() {
      return context;
    },
    session: (profile) => runtimes.get(profile)?.session,
    memory: (profile) => runtimes.get(profile)?.memory,
    presence: () => presenceEffect(presence.snapshot(context.dnd)),
    stats: () => structuredCloneStats(stats),
  };
}

function describeError(err: unknown): string {
  try {
    const text = err instanceof Error ? `${err.name}: ${err.message}` : `a thrown ${typeof err}`;
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'an error that cannot be described';
  }
}

/**
 * The dedupe identity: same vendor event about the same ref saying the same thing. The kind is
 * part of what it says: RingCentral's rc-active-call-notify reports Ringing, then CallConnected,
 * for one call under one event name, and ExpertFlow's CRM AGENT_TASK_STATE the offer,
 * then the accept, seconds apart.
 */
function fingerprint(e: ShellEvent): string {
  return `${e.profile}\u0000${e.kind}\u0000${e.vendorEvent}\u0000${e.ref}\u0000${e.on}\u0000${e.state}\u0000${e.loggedIn}\u0000${e.text ?? ''}`;
}

/**
 * Vendors without a missed-call event (RC) get one derived: a ref that was offered, still rings,
 * and now ends without ever connecting was missed. It follows the ended event.
 */
function withDerived(e: ShellEvent, adapter: VendorAdapter, presence: PresenceTracker): ShellEvent[] {
  if (!adapter.derivesMissed || e.kind !== 'interaction.ended' || e.ref === undefined) return [e];
  if (presence.phaseOf(e.profile, e.ref) !== 'ringing') return [e];
  const missed: ShellEvent = { ...e, id: `${e.id}:missed`, kind: 'interaction.missed', derived: 'offered-then-ended-unanswered' };
  return [e, missed];
}

function structuredCloneStats(s: PipelineStats): PipelineStats {
  return { accepted: s.accepted, events: s.events, rejected: { ...s.rejected } };
}
