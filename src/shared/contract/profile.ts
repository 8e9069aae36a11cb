/**
 * A profile is one configured vendor client (DESIGN.md §1). Settings, IT policy and the replay
 * command's --config all validate profiles with this schema.
 */
import { z } from 'zod';
import { parseOriginPattern } from '../core/origin-policy';
import { VendorIdSchema } from './shell-event';

export const OriginPatternSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseOriginPattern(value);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});

const HostnameSchema = z
  .string()
  .regex(/^(\*\.)?[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/, 'must be a lower-case host name, optionally starting with "*."');

export const NotificationRulesSchema = z.strictObject({
  /** Ringing calls and offered tasks. */
  offered: z.boolean().default(true),
  missed: z.boolean().default(true),
  messages: z.boolean().default(true),
});
export type NotificationRules = z.infer<typeof NotificationRulesSchema>;

export const ProfileSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 characters of a–z, 0–9 and "-", starting with a letter or digit'),
  name: z.string().trim().min(1, 'must not be empty').max(60),
  vendor: VendorIdSchema,
  /** Where the vendor client is loaded from; https only (the demo is served by the app itself). */
  url: z
    .string()
    .refine((u) => URL.canParse(u) && new URL(u).protocol === 'https:', 'must be an https:// URL')
    .optional(),
  /** Empty: the vendor adapter's default origins. */
  allowedOrigins: z.array(OriginPatternSchema).max(32).default([]),
  /** framed: our host page iframes the vendor. direct: the vendor page is the view's top frame. */
  mode: z.enum(['framed', 'direct']).optional(),
  media: z.strictObject({ audio: z.boolean().default(true), video: z.boolean().default(false) }).default({ audio: true, video: false }),
  /** Hosts whose popups (SSO/OAuth) open in-app, keeping window.opener. */
  authHosts: z.array(HostnameSchema).max(32).default([]),
  notifications: NotificationRulesSchema.default({ offered: true, missed: true, messages: true }),
});
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
