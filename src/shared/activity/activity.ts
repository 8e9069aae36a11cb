/**
 * Interactions as an agent counts them: a call's ring, answer, hold and end — or a chat's
 * messages — fold into ONE Activity with its outcome. Pure and shared (no DOM, no Node): main
 * folds every accepted ShellEvent into the list it sends the shell UI, and anything else that
 * needs "one line per interaction" (missed list, today's counters) can fold the same way.
 */
import { z } from 'zod';
import { FIELD_LIMITS, KINDS, type Kind, type Media, type ShellEvent } from '../contract/shell-event';

export const ACTIVITY_CHANNELS = ['call', 'chat', 'sms', 'email', 'other'] as const;
export type ActivityChannel = (typeof ACTIVITY_CHANNELS)[number];

export const ACTIVITY_OUTCOMES = ['ringing', 'in progress', 'on hold', 'answered', 'missed', 'failed', 'ended', 'messages'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

export const ActivitySchema = z.strictObject({
  /** Stable for the interaction's life: list keys. */
  id: z.string().max(FIELD_LIMITS.ref + 100),
  /** main's order of the interaction's first event: the list is newest first by this. */
  started: z.number().int().positive(),
  /** main's order of its latest change: what a delta carries (ShellDelta.activity). */
  rev: z.number().int().positive(),
  at: z.number(),
  profile: z.string().max(200),
  channel: z.enum(ACTIVITY_CHANNELS),
  direction: z.enum(['in', 'out']),
  name: z.string().max(FIELD_LIMITS.name).optional(),
  number: z.string().max(FIELD_LIMITS.number).optional(),
  queue: z.string().max(FIELD_LIMITS.queue).optional(),
  outcome: z.enum(ACTIVITY_OUTCOMES),
  /** The latest message of a chat, clipped. */
  text: z.string().max(200).optional(),
  messages: z.number().int().nonnegative(),
});
export type Activity = z.infer<typeof ActivitySchema>;

const CHANNEL_OF: Record<Media, ActivityChannel> = { voice: 'call', video: 'call', chat: 'chat', social: 'chat', sms: 'sms', email: 'email', task: 'other', unknown: 'call' };

/** Kinds that belong to an interaction (interaction.*, message.*); agent state, sessions and vendor chatter do not. */
const INTERACTION_KINDS = new Set<Kind>(KINDS.filter((k) => k.startsWith('interaction.') || k.startsWith('message.')));

const FINAL = new Set<ActivityOutcome>(['answered', 'missed', 'failed', 'ended']);

export const ACTIVITY_MAX = 500;

/** The part of a ShellEvent an activity reads (so callers need not keep raw payloads). */
export type ActivityInput = Pick<ShellEvent, 'id' | 'at' | 'profile' | 'kind' | 'ref' | 'media' | 'party' | 'queue' | 'text'>;

interface Track {
  activity: Activity;
  /** Connected at some point: an end then means "answered", not "missed". */
  taken: boolean;
}

/**
 * The activity list, folded event by event. `fold` returns the activity an event changed (or
 * null: not about an interaction). `seq` is the caller's monotonic change counter.
 */
export class ActivityFold {
  private readonly tracks = new Map<string, Track>();

  constructor(private readonly max = ACTIVITY_MAX) {}

  fold(e: ActivityInput, seq: number): Activity | null {
    const key = `${e.profile}|${e.ref ?? (e.kind.startsWith('message.') ? `msg:${e.id}` : 'no-ref')}`;
    let track = this.tracks.get(key);
    // vendor.info about a known interaction (Engage's smcc:task:selected: the agent took the
    // task) moves it on, as RingingCallers reads it; vendor.info alone starts nothing.
    const about = e.kind === 'vendor.info' && e.ref !== undefined && track !== undefined;
    if (!INTERACTION_KINDS.has(e.kind) && !about) return null;
    // A ring on a slot whose interaction finished is a new interaction (vendors reuse refs, and
    // ref-less rings share one slot).
    if (track && FINAL.has(track.activity.outcome) && (e.kind === 'interaction.offered' || e.kind === 'interaction.outbound')) {
      this.tracks.delete(key);
      track = undefined;
    }
    if (!track) {
      // An end or a hold with no interaction we saw start still names one: show it.
      track = {
        taken: false,
        activity: {
          id: `a${seq}`,
          started: seq,
          rev: seq,
          at: e.at,
          profile: e.profile,
          channel: CHANNEL_OF[e.media ?? (e.kind.startsWith('message.') ? 'chat' : 'unknown')],
          direction: e.kind === 'interaction.outbound' || e.kind === 'message.outbound' ? 'out' : 'in',
          outcome: 'ringing',
          messages: 0,
        },
      };
      this.tracks.set(key, track);
      if (this.tracks.size > this.max) this.tracks.delete(this.tracks.keys().next().value!);
    }
    const a = { ...track.activity, rev: seq };
    if (e.media && a.channel === 'call' && CHANNEL_OF[e.media] !== 'call') a.channel = CHANNEL_OF[e.media];
    if (e.party?.name && !a.name) a.name = e.party.name;
    if (e.party?.number && !a.number) a.number = e.party.number;
    if (e.queue && !a.queue) a.queue = e.queue;
    a.outcome = nextOutcome(a, track, e);
    if (e.kind.startsWith('message.')) a.messages += 1;
    // What was said (a message, a chat offer's first words), never a rule's note on a call.
    if (e.text && (e.kind.startsWith('message.') || (e.kind === 'interaction.offered' && a.channel !== 'call'))) a.text = e.text.slice(0, 200);
    track.activity = a;
    return a;
  }
}

function nextOutcome(a: Activity, track: Track, e: ActivityInput): ActivityOutcome {
  const before = a.outcome;
  switch (e.kind) {
    case 'interaction.offered':
      return FINAL.has(before) ? before : track.taken ? before : 'ringing';
    case 'interaction.outbound':
    case 'interaction.connected':
      track.taken = true;
      return 'in progress';
    case 'interaction.hold':
      track.taken = true;
      return 'on hold';
    case 'interaction.mute':
      return before;
    case 'vendor.info':
      if (before !== 'ringing') return before;
      track.taken = true;
      return 'in progress';
    case 'interaction.missed':
      return 'missed';
    case 'interaction.failed':
      return before === 'missed' ? before : 'failed';
    case 'interaction.ended':
    case 'interaction.wrapup':
      if (before === 'missed' || before === 'failed') return before;
      // RC's derived missed follows its ended event (pipeline.ts withDerived): until then, ended.
      return track.taken && a.direction === 'in' ? 'answered' : 'ended';
    case 'message.inbound':
    case 'message.outbound':
      return before === 'ringing' ? 'messages' : before;
    default:
      return before;
  }
}
