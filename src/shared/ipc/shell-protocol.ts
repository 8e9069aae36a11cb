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
  /** Pretty-printed raw payload (events) or details, clipped to 8 KiB. */
  detail: z.string().max(8192).optional(),
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
  /**
   * The ringtone the shell page plays (renderer/shell/state/use-ringtone.ts): how many rings sound
   * now (core of it: shared/notifications/ring-sound.ts; 0: silent) and where and how loud.
   */
  ringtone: RingtoneSettingsSchema.omit({ untilAnswered: true }).extend({ ringing: z.number().int().nonnegative() }),
});
export type ShellSnapshot = z.infer<typeof ShellSnapshotSchema>;

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
  /** Returns a function that stops the updates. */
  onUpdate(listener: (snapshot: ShellSnapshot) => void): () => void;
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
}
