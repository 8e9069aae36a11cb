/**
 * The ShellEvent contract (DESIGN.md §2). Logs, the replay command, the forwarder and tests rely
 * on these names: add fields, never rename.
 */
import { z } from 'zod';

export const VENDOR_IDS = [
  'ringcentral-embeddable',
  'engage-digital',
  'ucontact',
  'huawei-aicc',
  'expertflow',
  'demo',
] as const;
export const VendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof VendorIdSchema>;

export const KINDS = [
  'interaction.offered',
  'interaction.outbound',
  'interaction.connected',
  'interaction.hold',
  'interaction.mute',
  'interaction.ended',
  'interaction.missed',
  'interaction.failed',
  'interaction.wrapup',
  'message.inbound',
  'message.outbound',
  'agent.state',
  'agent.session',
  'vendor.info',
  'vendor.other',
] as const;
export const KindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof KindSchema>;

export const MEDIA = ['voice', 'video', 'chat', 'sms', 'email', 'social', 'task', 'unknown'] as const;
export const MediaSchema = z.enum(MEDIA);
export type Media = z.infer<typeof MediaSchema>;

export const AGENT_STATES = ['available', 'busy', 'wrap-up', 'away', 'dnd', 'offline'] as const;
export const AgentStateSchema = z.enum(AGENT_STATES);
export type AgentState = z.infer<typeof AgentStateSchema>;

/** Upper bounds keep one event's size predictable whatever a vendor sends. */
export const FIELD_LIMITS = { id: 200, ref: 200, name: 200, number: 64, queue: 200, text: 2000, vendorEvent: 200 } as const;

export const PartySchema = z.strictObject({
  name: z.string().max(FIELD_LIMITS.name).optional(),
  number: z.string().max(FIELD_LIMITS.number).optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const ShellEventSchema = z.strictObject({
  id: z.string().min(1).max(FIELD_LIMITS.id),
  at: z.number().int().nonnegative(),
  profile: z.string().min(1),
  vendor: VendorIdSchema,
  kind: KindSchema,
  vendorEvent: z.string().min(1).max(FIELD_LIMITS.vendorEvent),
  ref: z.string().min(1).max(FIELD_LIMITS.ref).optional(),
  media: MediaSchema.optional(),
  party: PartySchema.optional(),
  queue: z.string().max(FIELD_LIMITS.queue).optional(),
  text: z.string().max(FIELD_LIMITS.text).optional(),
  state: AgentStateSchema.optional(),
  loggedIn: z.boolean().optional(),
  on: z.boolean().optional(),
  /** Set on events the core produced itself (e.g. RC's missed call), naming the rule. */
  derived: z.string().optional(),
  raw: z.unknown(),
});
export type ShellEvent = z.infer<typeof ShellEventSchema>;
