/**
 * The replay format: one JSON object per line describing a captured vendor message, turned into
 * the same RawCapture the live bridge produces. Pure, so tests and the CLI share it.
 */
import { z } from 'zod';
import { describeZodError, issueLines } from '../contract/issues';
import { ProfileSchema, type Profile } from '../contract/profile';
import { RawCaptureSchema, TransportSchema, type RawCapture } from '../contract/raw-capture';
import { VENDOR_IDS, VendorIdSchema, type VendorId } from '../contract/shell-event';
import { ADAPTERS } from '../vendors/registry';

export const ReplayLineSchema = z.looseObject({
  vendor: VendorIdSchema,
  origin: z.string(),
  data: z.unknown(),
  at: z.number().int().nonnegative().optional(),
  profile: z.string().optional(),
  transport: TransportSchema.optional(),
  direction: z.enum(['in', 'out']).optional(),
});

export const ReplayConfigSchema = z
  .strictObject({
    profiles: z.array(ProfileSchema).min(1, 'list at least one profile'),
    dnd: z.boolean().optional(),
    ringThroughDnd: z.boolean().optional(),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.profiles.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `duplicate profile id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type ReplayConfig = z.infer<typeof ReplayConfigSchema>;

/** Origins the replay accepts per vendor when no --config names them (issue 2 §5). */
const REPLAY_DEFAULT_ORIGINS: Record<VendorId, string[]> = {
  'ringcentral-embeddable': ['https://apps.ringcentral.com'],
  'engage-digital': ['https://*.digital.ringcentral.com', 'https://*.engagement.dimelo.com'],
  ucontact: ['https://*.ucontactcloud.com'],
  'huawei-aicc': ['https://*'],
  expertflow: ['https://*'],
  demo: ['https://*', 'app://demo'],
};

/** One profile per vendor, its id the vendor id. */
export function defaultReplayProfiles(): Profile[] {
  return VENDOR_IDS.map((vendor) =>
    // Built-in, like the adapters' defaults: "https://*" and app://demo are not what a profile
    // may configure (src/shared/contract/origin-pattern.ts), so they are set after the parse.
    ({ ...ProfileSchema.parse({ id: vendor, name: ADAPTERS[vendor].label, vendor }), allowedOrigins: REPLAY_DEFAULT_ORIGINS[vendor] }),
  );
}

export function parseReplayConfig(json: unknown): { config: ReplayConfig } | { problems: string[] } {
  const parsed = ReplayConfigSchema.safeParse(json);
  return parsed.success ? { config: parsed.data } : { problems: issueLines(parsed.error) };
}

export type LineResult = { capture: RawCapture } | { reason: string };

/**
 * Reads one replay line. `previousAt` supplies the time for lines without `at` (one millisecond
 * later), which keeps output deterministic and keeps repeated lines inside the dedupe window.
 */
export function readReplayLine(text: string, profiles: readonly Profile[], previousAt: number): LineResult {
  if (text.trim() === '') return { reason: 'empty line' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { reason: `not JSON: ${(err as Error).message}` };
  }
  const line = ReplayLineSchema.safeParse(json);
  if (!line.success) return { reason: `not a replay line: ${describeZodError(line.error)}` };
  const { vendor, origin, data } = line.data;
  const profile = line.data.profile ?? profiles.find((p) => p.vendor === vendor)?.id;
  if (profile === undefined) return { reason: `no profile for vendor ${vendor}: add one to the config or name "profile" on the line` };
  const transport = line.data.transport ?? ADAPTERS[vendor].transport;
  const capture = RawCaptureSchema.safeParse({
    profile,
    vendor,
    origin,
    transport,
    ...(transport === 'socket.io' ? { direction: line.data.direction ?? 'in' } : {}),
    data,
    at: line.data.at ?? previousAt + 1,
  });
  if (!capture.success) return { reason: `not a capture: ${describeZodError(capture.error)}` };
  return { capture: capture.data };
}
