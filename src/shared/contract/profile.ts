/**
 * A profile is one configured vendor client (DESIGN.md §1). Settings, IT policy and the replay
 * command's --config all validate profiles with this schema.
 */
import { z } from 'zod';
import { originPatternProblem } from './origin-pattern';
import { VendorIdSchema } from './shell-event';

/** An origin pattern an agent or IT may configure (origin-pattern.ts says which, and why). */
export const OriginPatternSchema = z.string().superRefine((value, ctx) => {
  const problem = originPatternProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const HostnameSchema = z
  .string()
  .regex(/^(\*\.)?[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/, 'must be a lower-case host name, optionally starting with "*."');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https everywhere; plain http only on this machine (vendor simulators, local development). */
export function isVendorUrl(u: string): boolean {
  if (!URL.canParse(u)) return false;
  const url = new URL(u);
  // User info in a URL is how look-alikes are built (https://vendor.com@evil.example); no vendor needs it.
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

export const NotificationRulesSchema = z.strictObject({
  /** Ringing calls and offered tasks. */
  offered: z.boolean().default(true),
  missed: z.boolean().default(true),
  messages: z.boolean().default(true),
});
export type NotificationRules = z.infer<typeof NotificationRulesSchema>;

export const ProfileSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 characters of a–z, 0–9 and "-", starting with a letter or digit'),
    name: z.string().trim().min(1, 'must not be empty').max(60),
    vendor: VendorIdSchema,
    /** Where the vendor client is loaded from (the demo is served by the app itself). */
    url: z
      .string()
      .refine((u) => !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(u), 'must not contain a user name or password')
      .refine(isVendorUrl, 'must be an https:// URL (http:// only for localhost)')
      .optional(),
    /** Empty: the vendor adapter's default origins. */
    allowedOrigins: z.array(OriginPatternSchema).max(32).default([]),
    /** framed: our host page iframes the vendor. direct: the vendor page is the view's top frame. */
    mode: z.enum(['framed', 'direct']).optional(),
    media: z.strictObject({ audio: z.boolean().default(true), video: z.boolean().default(false) }).default({ audio: true, video: false }),
    /** Hosts whose popups (SSO/OAuth) open in-app, keeping window.opener. */
    authHosts: z.array(HostnameSchema).max(32).default([]),
    notifications: NotificationRulesSchema.default({ offered: true, missed: true, messages: true }),
  })
  .superRefine((profile, ctx) => {
    // The Socket.IO tap must run in the Agent Desk's own frame; preloads do not run in iframes.
    if (profile.vendor === 'expertflow' && profile.mode === 'framed') {
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'ExpertFlow needs "direct": its events are tapped from the Agent Desk page itself' });
    }
  });
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
