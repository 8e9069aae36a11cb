/**
 * The shell window's API (window.switchboard) and what flows through it, as zod schemas: main
 * builds snapshots, the shell preload validates them before the page gets a copy, and main
 * re-validates every request the page makes. The page never sees ipcRenderer or Electron objects.
 */
import { z } from 'zod';
import { TRAY_STATES } from '../contract/effects';
import { SettingsSchema, type Settings } from '../contract/settings';
import { RingtoneSettingsSchema } from '../contract/settings-ringtone';
import { AgentStateSchema, FIELD_LIMITS, KindSchema, MediaSchema, VendorIdSchema, type AgentState } from '../contract/shell-event';
import { DndSnapshotSchema, DND_MODES, type DndMode } from '../tray/dnd';
import { ActivitySchema, ACTIVITY_MAX } from '../activity/activity';

export const ViewHealthSchema = z.enum(['loading', 'ok', 'recovering', 'unresponsive', 'failed']);
export type ViewHealth = z.infer<typeof ViewHealthSchema>;

export const FeedEntrySchema = z.strictObject({
  /** Stable across snapshots, for list keys and expansion state. */
  id: z.string().max(200),
  /**
   * The order main recorded it in: ShellState numbers entries 1, 2, 3, … as they happen. Capture
   * times (`at`) cannot order the feed: they come from each view's clock and may tie.
   */
  seq: z.number().int().positive(),
  at: z.number(),
  profile: z.string(),
  type: z.enum(['event', 'rejection', 'effect', 'permission', 'health']),
  /** ShellEvent kind for events; effect type for effects. */
  kind: z.string().max(64).optional(),
  /** One line a person reads: "interaction.offered Jane Doe +1 650… — Sales [rc-call-ring-notify]". */
  summary: z.string().max(500),
  /**
   * The entry has a raw payload main keeps: the page asks for it (ShellApi.rawPayload) when the
   * agent opens it, instead of main pretty-printing every event into every update.
   */
  hasRaw: z.boolean().optional(),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

/**
 * The feed's one order on the wire is newest first (strictly decreasing `seq`), and the UI shows it
 * as it arrives. The shell preload parses every snapshot with this schema, so a producer that sends
 * another order is refused at the boundary instead of showing the agent the day's oldest events.
 */
export const FeedSchema = z
  .array(FeedEntrySchema)
  .max(500)
  .superRefine((feed, ctx) => {
    for (let i = 1; i < feed.length; i++) {
      const before = feed[i - 1]!.seq;
      const entry = feed[i]!.seq;
      if (entry >= before) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'seq'],
          message: `the feed must be newest first (strictly decreasing seq), but entry ${i} has seq ${entry} after seq ${before}`,
        });
        return;
      }
    }
  });

/**
 * The activity list (src/shared/activity/activity.ts): one line per interaction, newest first
 * (strictly decreasing `started`), as main's ActivityFold made them.
 */
export const ActivityListSchema = z
  .array(ActivitySchema)
  .max(ACTIVITY_MAX)
  .superRefine((list, ctx) => {
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.started >= list[i - 1]!.started) {
        ctx.addIssue({ code: 'custom', path: [i, 'started'], message: `the activity list must be newest first, but entry ${i} started at ${list[i]!.started} after ${list[i - 1]!.started}` });
        return;
      }
    }
  });

/** How far a copy of main's state reaches: the newest feed seq and activity rev it holds. */
export const ShellMarkSchema = z.strictObject({ feed: z.number().int().nonnegative(), activity: z.number().int().nonnegative() });
export type ShellMark = z.infer<typeof ShellMarkSchema>;

/** Who a ringing profile's newest offer is from (its interaction.offered event), and how it comes. */
export const CallerSchema = z.strictObject({
  name: z.string().max(FIELD_LIMITS.name).optional(),
  number: z.string().max(FIELD_LIMITS.number).optional(),
  queue: z.string().max(FIELD_LIMITS.queue).optional(),
  media: MediaSchema.optional(),
});
export type Caller = z.infer<typeof CallerSchema>;

export const ProfileViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  vendor: VendorIdSchema,
  vendorLabel: z.string(),
  state: z.enum(TRAY_STATES),
  agentState: AgentStateSchema.nullable(),
  health: ViewHealthSchema,
  healthDetail: z.string().max(500).optional(),
  /** States the header's presence control can set for this profile; empty when it cannot. */
  settableStates: z.array(AgentStateSchema),
  /** Why presence cannot be set from Switchboard, when settableStates is empty. */
  presenceNote: z.string().max(300).optional(),
  /** Only while `state` is 'ringing', and only when the offer names a party, number or queue. */
  caller: CallerSchema.optional(),
  /** Missed calls and inbound chats/SMS the agent has not seen (src/shared/missed/day-tally.ts): the rail's badge. ShellState always sends it. */
  unseen: z.number().int().nonnegative().optional(),
}).refine((p) => p.caller === undefined || p.state === 'ringing', { path: ['caller'], message: 'a caller is shown only while the profile rings' });
export type ProfileView = z.infer<typeof ProfileViewSchema>;

const count = z.number().int().nonnegative();

/** The forwarder's status, as main's forwarder reports it (src/main/forwarding/forwarder.ts). */
export const ForwardingStatusSchema = z.strictObject({
  /** Origin and path only: a token in the URL's query or user info is never shown. */
  endpoint: z.string().max(2048).nullable(),
  state: z.enum(['idle', 'sending', 'backing-off', 'disabled']),
  lastError: z.string().max(1000).optional(),
  /** ms since epoch, while backing off. */
  nextAttemptAt: z.number().optional(),
  queuedEvents: count,
  /** Lost: queue full or not writable. */
  dropped: count,
  /** Events the endpoint refused for their content, kept aside. */
  rejected: count,
  delivered: count,
  /** Unreadable queue files set aside. */
  bad: count,
  /** Set-aside files deleted by the log retention. */
  expired: count,
});
export type ForwardingStatus = z.infer<typeof ForwardingStatusSchema>;

/** The durable services beside the views: what they lost and why, for the agent and IT to see. */
export const ServiceStatusSchema = z.strictObject({
  /** null: forwarding is off (no endpoint configured). */
  forwarding: ForwardingStatusSchema.nullable(),
  eventLog: z.strictObject({
    /** Lines the event log could not write since the app started. */
    dropped: count,
    problem: z.string().max(1000).nullable(),
  }),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;
/**
 * A link asks to place a call (src/shared/links/dial-confirmation.ts): the shell window asks
 * "Call <number> with <profile>?" and nothing is dialled until the agent answers Call.
 */
export const DialQuestionSchema = z.strictObject({
  id: z.string().regex(/^dial-\d{1,12}$/),
  /** Exactly what will be dialled: "+", digits, "*" and "#" (dial-link.ts). */
  number: z.string().regex(/^\+?[0-9*#]{1,32}$/),
  extension: z.string().regex(/^[0-9*#]{1,16}$/).optional(),
  /** The profile that will place the call. */
  profileName: z.string().max(200),
  /** Who asked, in the agent's words: "a page in Support (https://widget.example)". */
  source: z.string().max(300),
});
export type DialQuestion = z.infer<typeof DialQuestionSchema>;

export const DialAnswerSchema = z.strictObject({ id: DialQuestionSchema.shape.id, answer: z.enum(['call', 'cancel']) });
export type DialAnswerRequest = z.infer<typeof DialAnswerSchema>;

/**
 * A ringing call whose system notification could not be shown — the OS refused it (Notification
 * 'failed': an unsigned macOS build, a Windows toast dropped, no notification daemon) or this
 * system has no notifications — so the shell window rings instead: a banner until the ring ends.
 * The text is the toast's, redacted as the toast is (src/shared/notifications/toast-model.ts).
 */
export const UnshownRingSchema = z.strictObject({
  id: z.string().regex(/^ring-\d{1,12}$/),
  profile: z.string().max(200),
  profileName: z.string().max(200),
  /** "Incoming call", "Incoming chat", … */
  headline: z.string().max(100),
  /** Who and from which queue, as the toast's title says it; absent under full redaction. */
  caller: z.string().max(500).optional(),
  why: z.enum(['failed', 'unsupported']),
});
export type UnshownRing = z.infer<typeof UnshownRingSchema>;

/** One caller on today's Missed list (src/shared/missed/day-tally.ts). */
export const MissedCallSchema = z.strictObject({
  id: z.string().regex(/^m\d{1,12}$/),
  profile: z.string().max(200),
  name: z.string().max(FIELD_LIMITS.name).optional(),
  number: z.string().max(FIELD_LIMITS.number).optional(),
  queue: z.string().max(FIELD_LIMITS.queue).optional(),
  media: MediaSchema.optional(),
  at: z.number(),
  attempts: z.number().int().positive(),
  seen: z.boolean(),
  /** The number Call back would dial ("+", digits, "*", "#"); absent when there is none to dial. */
  dial: z.string().regex(/^\+?[0-9*#]{1,32}$/).optional(),
});
export type MissedCallView = z.infer<typeof MissedCallSchema>;

export const TodaySchema = z.strictObject({
  taken: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  talkSeconds: z.number().int().nonnegative(),
});
export type Today = z.infer<typeof TodaySchema>;

export const SET_ALL_CHOICE_VALUES = ['available', 'break', 'away', 'offline'] as const;

/** What the last "Set all to …" did, per profile, in plain words (src/main/app/presence-all-wiring.ts). */
export const PresenceAllStatusSchema = z.strictObject({
  choice: z.enum(SET_ALL_CHOICE_VALUES),
  label: z.string().max(40),
  /** When a timed choice puts everyone back (ms since epoch); null: until changed. */
  until: z.number().nullable(),
  /** The timed choice is over and the profiles were put back. */
  ended: z.boolean().optional(),
  lines: z.array(z.strictObject({ profile: z.string().max(200), name: z.string().max(200), ok: z.boolean(), text: z.string().max(500) })).max(20),
});
export type PresenceAllStatus = z.infer<typeof PresenceAllStatusSchema>;

export const SetAllPresenceSchema = z.strictObject({
  choice: z.enum(SET_ALL_CHOICE_VALUES),
  minutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).nullable(),
});
export const CallBackSchema = MissedCallSchema.shape.id;

/**
 * A call ringing now, as the ring surface shows it (the window's banner, the ring window): one per
 * ringing toast main raised (a core `notify` for interaction.offered), until its `dismiss` —
 * answered here or elsewhere, ended, missed or expired by main's ring timer (core/presence.ts).
 * `actions` are the vendor adapter's own commands (core/decide.ts offerActions): none means the
 * agent answers in the profile's own window.
 */
export const RingSchema = z.strictObject({
  id: z.string().regex(/^ring-\d{1,12}$/),
  profile: z.string().max(200),
  profileName: z.string().max(200),
  name: z.string().max(FIELD_LIMITS.name).optional(),
  number: z.string().max(FIELD_LIMITS.number).optional(),
  queue: z.string().max(FIELD_LIMITS.queue).optional(),
  media: MediaSchema.optional(),
  /** main's clock (ms since epoch) when it started ringing: the surface counts from it. */
  since: z.number(),
  actions: z.array(z.enum(['answer', 'decline'])).max(2),
});
export type Ring = z.infer<typeof RingSchema>;

/** The agent's choice on the ring surface: the vendor's command, or open the profile's view. */
export const RingActionSchema = z.strictObject({ id: RingSchema.shape.id, action: z.enum(['answer', 'decline', 'open']) });
export type RingActionRequest = z.infer<typeof RingActionSchema>;

export const ShellSnapshotSchema = z.strictObject({
  profiles: z.array(ProfileViewSchema).max(20),
  selected: z.string().nullable(),
  tray: z.enum(TRAY_STATES),
  dnd: DndSnapshotSchema,
  /** DND is on because of the weekly schedule (not a manual choice). */
  dndScheduled: z.boolean(),
  firstRun: z.boolean(),
  /** Show the first-run guide (first run with the demo, until dismissed). */
  guide: z.boolean(),
  problems: z.array(z.string().max(1000)).max(20),
  /** Newest first: see FeedSchema. */
  feed: FeedSchema,
  services: ServiceStatusSchema,
  /** The call a link asks to place, waiting for the agent's answer; null when none. */
  dialQuestion: DialQuestionSchema.nullable(),
  /** Rings the OS did not show, oldest first; the window's banner names each until it ends. */
  unshownRings: z.array(UnshownRingSchema).max(20),
  /** One line per interaction, newest first: see ActivityListSchema. */
  activity: ActivityListSchema,
  /** What this snapshot holds, for the deltas that follow it. */
  mark: ShellMarkSchema,
  /** Today's missed callers, newest first. */
  missed: z.array(MissedCallSchema).max(100),
  /** Today's counters. */
  today: TodaySchema,
  /** The last "Set all to …", or null. */
  presenceAll: PresenceAllStatusSchema.nullable(),
  /** Every call ringing now, oldest first (RingSchema): the ring surface shows the newest. */
  rings: z.array(RingSchema).max(20),
  /**
   * The ringtone the shell page plays (renderer/shell/state/use-ringtone.ts): how many rings sound
   * now (core of it: shared/notifications/ring-sound.ts; 0: silent) and where and how loud.
   */
  ringtone: RingtoneSettingsSchema.omit({ untilAnswered: true }).extend({ ringing: z.number().int().nonnegative() }),
});
export type ShellSnapshot = z.infer<typeof ShellSnapshotSchema>;

/** Everything in a snapshot but its two long lists: small, so a delta carries it whole. */
export const ShellHeadSchema = ShellSnapshotSchema.omit({ feed: true, activity: true, mark: true });
export type ShellHead = z.infer<typeof ShellHeadSchema>;

/**
 * What main pushes on CHANNELS.shellUpdate instead of whole snapshots: the head, plus only the
 * feed entries and activities that changed since `since` (what main sent before). A page that
 * holds at least `since` applies it (src/shared/ipc/shell-delta.ts applyDelta); one that holds
 * less asks for a whole snapshot (getState). Validated by the shell preload like a snapshot.
 */
export const ShellDeltaSchema = z.strictObject({
  since: ShellMarkSchema,
  mark: ShellMarkSchema,
  head: ShellHeadSchema,
  /** New feed entries (seq > since.feed), newest first. */
  feed: FeedSchema,
  /** Entries with a lower seq are gone from main's feed (its cap); 0: none dropped. */
  feedFrom: z.number().int().nonnegative(),
  /** Activities that changed (rev > since.activity), newest first by `started`. */
  activity: ActivityListSchema,
  /** Activities that started before this are gone from main's list. */
  activityFrom: z.number().int().nonnegative(),
}).refine((d) => d.mark.feed >= d.since.feed && d.mark.activity >= d.since.activity, { path: ['mark'], message: 'a delta never goes back' });
export type ShellDelta = z.infer<typeof ShellDeltaSchema>;

/** A feed entry's raw payload, asked for by id when the agent opens it. */
export const RawPayloadIdSchema = z.string().regex(/^f\d{1,15}$/);
export const RawPayloadSchema = z.strictObject({ text: z.string().max(64 * 1024) }).nullable();
export type RawPayload = z.infer<typeof RawPayloadSchema>;

export const SelectProfileSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export const DndModeSchema = z.enum(DND_MODES);
export const SetPresenceSchema = z.strictObject({ profile: SelectProfileSchema, state: AgentStateSchema });
export const CopyTextSchema = z.string().max(1024 * 1024);
export const EndpointSchema = z.string().max(2048);

/** A settings path such as "logs.redaction" or "profiles" → why IT locked it. */
export const LocksSchema = z.record(z.string().max(200), z.string().max(500));
export type Locks = z.infer<typeof LocksSchema>;

export const SettingsViewSchema = z.strictObject({ settings: SettingsSchema, locks: LocksSchema });
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const SaveResultSchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), issues: z.array(z.strictObject({ path: z.string(), message: z.string() })) }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const OutcomeSchema = z.union([z.strictObject({ ok: z.literal(true), detail: z.string() }), z.strictObject({ ok: z.literal(false), reason: z.string() })]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/**
 * What every invoke channel answers instead when main could not serve the request (a malformed
 * argument, a sender that is not the shell UI, a failure inside main): the reason, as data. The
 * shell preload turns it into a rejected promise carrying that reason.
 */
export const RefusedSchema = z.strictObject({ refused: z.string().max(1000) });
export type Refused = z.infer<typeof RefusedSchema>;

export const ConnectionTestSchema = z.strictObject({ ok: z.boolean(), status: z.number().optional(), message: z.string() });
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

/** Feed kinds the filter offers. */
export const FEED_KINDS = [...KindSchema.options, 'rejection', 'permission'] as const;

/** What the shell preload exposes to the shell page as `window.switchboard`. */
export interface ShellApi {
  getState(): Promise<ShellSnapshot>;
  /** main's changes as deltas against what it sent before. Returns a function that stops them. */
  onUpdate(listener: (delta: ShellDelta) => void): () => void;
  /** A feed entry's raw payload, pretty-printed by main on request; null when main no longer has it. */
  rawPayload(id: string): Promise<RawPayload>;
  selectProfile(id: string): void;
  setDnd(mode: DndMode): Promise<void>;
  setPresence(profile: string, state: AgentState): Promise<Outcome>;
  getSettings(): Promise<SettingsView>;
  /** Main validates again; locked fields keep their policy values. */
  saveSettings(settings: Settings): Promise<SaveResult>;
  testForwarding(endpoint: string): Promise<ConnectionTest>;
  /** Main asks where to save (native dialog) and copies the current event log file there. */
  exportLog(): Promise<Outcome>;
  openLogsFolder(): Promise<Outcome>;
  copyText(text: string): Promise<void>;
  dismissGuide(): void;
  /** A full-page panel (settings, expanded feed) is open: main hides the vendor view under it. */
  setOverlay(open: boolean): void;
  /** The agent's answer to the snapshot's dialQuestion: only "call" dials. */
  answerDial(id: string, answer: DialAnswerRequest['answer']): Promise<Outcome>;
  /** The agent opened the Missed list: its calls are seen. */
  missedSeen(): void;
  /** Call back a missed caller: main asks the dial question first (nothing dials before "Call"). */
  callBack(id: string): Promise<Outcome>;
  /** "Set all to …" for every profile that can follow, for `minutes` or until changed (null). */
  setAllPresence(choice: PresenceAllStatus['choice'], minutes: 15 | 30 | 60 | null): Promise<PresenceAllStatus>;
  /** Answer or decline a ring (the vendor's command, as the toast's buttons), or open its profile. */
  ringAction(id: string, action: RingActionRequest['action']): Promise<Outcome>;
}
