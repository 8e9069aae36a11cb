/**
 * Which notification effects an event deserves. Checked in this order, first match wins, so the
 * logged reason is the most fundamental one:
 *   rule        the profile's notification rules turn this kind off
 *   duplicate   this ref already has a ringing notification (or an unnamed ring is up)
 *   dnd         shell do-not-disturb, unless it is a call and calls ring through DND
 *   focused     the agent is looking at this profile's view (option, off by default)
 *   rate-limit  too many notifications from this profile recently
 */
import { clip } from '../text';
import type { Effect, NotifyAction } from '../contract/effects';
import type { Profile } from '../contract/profile';
import type { Media, Party, ShellEvent } from '../contract/shell-event';
import type { VendorAdapter } from '../vendors/adapter';
import { couldBeSameInteraction, type PresenceTracker } from './presence';
import type { RateLimiter } from './rate-limit';
import type { RingBook } from './ring-book';

export interface DecisionContext {
  /** Shell-level do-not-disturb (manual, timed or scheduled; main resolves which). */
  dnd: boolean;
  /** Calls (voice/video offers and their misses) still notify during DND. */
  ringThroughDnd: boolean;
  /** Suppress notifications for the profile whose view is focused and visible. */
  suppressWhenFocused: boolean;
  focusedProfile: string | null;
}

export const DEFAULT_CONTEXT: DecisionContext = {
  dnd: false,
  ringThroughDnd: false,
  suppressWhenFocused: false,
  focusedProfile: null,
};

type NotifyKind = 'interaction.offered' | 'interaction.missed' | 'message.inbound';
const RULE_OF: Record<NotifyKind, keyof Profile['notifications']> = {
  'interaction.offered': 'offered',
  'interaction.missed': 'missed',
  'message.inbound': 'messages',
};

export const MEDIA_NOUN: Record<Media, string> = {
  voice: 'call',
  video: 'video call',
  chat: 'chat',
  sms: 'SMS',
  email: 'email',
  social: 'social message',
  task: 'task',
  unknown: 'interaction',
};

function who(party: Party | undefined, fallback: string): string {
  if (party?.name && party.number && party.name !== party.number) return `${party.name} (${party.number})`;
  return party?.name ?? party?.number ?? fallback;
}


export function notificationText(e: ShellEvent & { kind: NotifyKind }, profileName: string): { title: string; body: string } {
  const noun = MEDIA_NOUN[e.media ?? (e.kind === 'message.inbound' ? 'sms' : 'unknown')];
  switch (e.kind) {
    case 'interaction.offered': {
      const caller = who(e.party, noun === 'call' ? 'Unknown caller' : `New ${noun}`);
      return { title: e.queue ? `${caller} — ${e.queue}` : caller, body: `Incoming ${noun} · ${profileName}` };
    }
    case 'interaction.missed':
      return { title: `Missed ${noun}`, body: `${who(e.party, 'Unknown caller')}${e.queue ? ` — ${e.queue}` : ''} · ${profileName}` };
    case 'message.inbound':
      return { title: `${who(e.party, `New ${noun}`)} · ${profileName}`, body: e.text ? clip(e.text, 140) : `New ${noun}` };
  }
}

const isCall = (e: ShellEvent) => e.media === 'voice' || e.media === 'video';
const isNotifyKind = (e: ShellEvent): e is ShellEvent & { kind: NotifyKind } =>
  e.kind === 'interaction.offered' || e.kind === 'interaction.missed' || e.kind === 'message.inbound';

/**
 * An offer is a repeat when its ref is already ringing or active, when it has no ref and the
 * profile already rings, or when it names a call while an unnamed ring is up (AICC sends
 * AgentOther_PhoneAlerting, then AgentEvent_Ringing with the call id): never two toasts per call.
 */
function isRepeatOffer(e: ShellEvent, presence: PresenceTracker): boolean {
  if (e.ref === undefined) return presence.hasRinging(e.profile);
  if (presence.phaseOf(e.profile, e.ref) !== undefined) return true;
  const unnamed = presence.unnamedRingMedia(e.profile);
  return unnamed !== null && couldBeSameInteraction(unnamed, e.media);
}

type SuppressReason = Extract<Effect, { type: 'suppress' }>['reason'];

function suppressReason(e: ShellEvent & { kind: NotifyKind }, deps: DecideDeps): SuppressReason | null {
  const { profile, presence, context } = deps;
  if (!profile.notifications[RULE_OF[e.kind]]) return 'rule';
  if (e.kind === 'interaction.offered' && isRepeatOffer(e, presence)) return 'duplicate';
  if (context.dnd && !(context.ringThroughDnd && e.kind !== 'message.inbound' && isCall(e))) return 'dnd';
  if (context.suppressWhenFocused && context.focusedProfile === e.profile) return 'focused';
  if (!deps.limiter.allow(e.profile, e.at)) return 'rate-limit';
  return null;
}

export interface DecideDeps {
  profile: Profile;
  adapter: VendorAdapter;
  presence: PresenceTracker;
  limiter: RateLimiter;
  /** The ring notifications that are up (ring-book.ts). */
  ringing: RingBook;
  context: DecisionContext;
}

/**
 * A repeat offer that names what the ring's toast could not (the caller, the queue) replaces that
 * toast silently: AICC's AgentOther_PhoneAlerting has no caller, the AgentEvent_Ringing 150 ms
 * later does. Returns false when the repeat adds nothing, so it stays a suppressed duplicate.
 */
function updateRing(e: ShellEvent & { kind: NotifyKind }, deps: DecideDeps, effects: Effect[]): boolean {
  const { profile, ringing } = deps;
  if (!e.party && !e.queue) return false;
  const unnamed = e.ref !== undefined ? ringing.get(e.profile, undefined) : undefined;
  const prior = ringing.get(e.profile, e.ref) ?? (unnamed && couldBeSameInteraction(unnamed.media, e.media) ? unnamed : undefined);
  if (!prior) return false;
  const text = notificationText(e, profile.name);
  if (text.title === prior.title) return false;
  if (prior.ref !== e.ref) {
    ringing.take(e.profile, prior.ref);
    effects.push({ type: 'dismiss', profile: e.profile });
  }
  ringing.add({ profile: e.profile, ref: e.ref, since: prior.since, title: text.title, media: e.media ?? prior.media });
  effects.push({ ...notifyEffect(e, text), actions: offerActions(deps.adapter), update: true });
  return true;
}

function notifyEffect(e: ShellEvent & { kind: NotifyKind }, text: { title: string; body: string }): Extract<Effect, { type: 'notify' }> {
  return {
    type: 'notify',
    kind: e.kind,
    ...(e.media ? { media: e.media } : {}),
    ...text,
    profile: e.profile,
    ...(e.ref ? { ref: e.ref } : {}),
    actions: [],
  };
}

function offerActions(adapter: VendorAdapter): NotifyAction[] {
  const actions: NotifyAction[] = [];
  if (adapter.commands.answer) actions.push('answer');
  if (adapter.commands.decline) actions.push('decline');
  return actions;
}

/** Appends the effects of one event to `effects`; call before the event is applied to presence. */
export function decide(e: ShellEvent, deps: DecideDeps, effects: Effect[]): void {
  const { profile, adapter, ringing } = deps;

  if (e.kind !== 'interaction.offered' && (e.kind.startsWith('interaction.') || (e.kind === 'vendor.info' && e.ref))) {
    // Whatever happened to the call, its ringing toast is stale now. An unnamed ring (no ref) is
    // taken to be this call too: vendors that send one name the call in the next event.
    for (const ref of e.ref !== undefined ? [e.ref, undefined] : [undefined]) {
      const up = ringing.get(e.profile, ref);
      if (!up || (ref === undefined && e.ref !== undefined && !couldBeSameInteraction(up.media, e.media))) continue;
      ringing.take(e.profile, ref);
      effects.push({ type: 'dismiss', profile: e.profile, ...(ref ? { ref } : {}) });
    }
  }
  if (!isNotifyKind(e)) return;

  const reason = suppressReason(e, deps);
  if (reason === 'duplicate' && e.kind === 'interaction.offered' && updateRing(e, deps, effects)) return;
  if (reason) {
    effects.push({ type: 'suppress', reason, profile: e.profile, kind: e.kind, ...(e.ref ? { ref: e.ref } : {}) });
    return;
  }
  const text = notificationText(e, profile.name);
  const effect = notifyEffect(e, text);
  if (e.kind === 'interaction.offered') {
    effect.actions = offerActions(adapter);
    ringing.add({ profile: e.profile, ref: e.ref, since: e.at, title: text.title, media: e.media });
  }
  effects.push(effect);
}
