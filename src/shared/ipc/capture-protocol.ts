/**
 * The messages between the vendor-host preload (capture bridge) and main, as zod schemas: main
 * re-validates everything the preload sends, and the preload validates what main sends back.
 */
import { z } from 'zod';
import { TransportSchema } from '../contract/raw-capture';
import { VendorIdSchema } from '../contract/shell-event';

/** What main tells a vendor view's preload about itself (answer to CHANNELS.captureConfig). */
export const CaptureConfigSchema = z.strictObject({
  profile: z.string().min(1).max(64),
  vendor: VendorIdSchema,
  mode: z.enum(['framed', 'direct']),
  /** Origin patterns accepted as senders (see core/origin-policy.ts). */
  allowedOrigins: z.array(z.string()).max(32),
  /** Exact origin commands are posted to; null when the profile has no vendor URL. */
  targetOrigin: z.string().nullable(),
  maxBytes: z.number().int().positive(),
  maxDepth: z.number().int().positive(),
  /** Messages posted into the vendor frame each time it (re)loads, and again until it answers (AICC eventpost). */
  handshake: z.array(z.unknown()).max(16),
  /** ExpertFlow: tap the page's own Socket.IO WebSocket. */
  socketTap: z.boolean(),
  /** Per-view secret name of the DOM event the main-world tap uses to reach the bridge. */
  tapEventName: z.string().regex(/^sb-tap-[a-z0-9]{16,64}$/),
  /** Most messages per second the bridge forwards; the rest are counted as rejected. */
  maxPerSecond: z.number().int().positive(),
});
export type CaptureConfig = z.infer<typeof CaptureConfigSchema>;

/** preload → main on CHANNELS.capture */
export const CaptureMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('capture'),
    transport: TransportSchema,
    direction: z.enum(['in', 'out']).optional(),
    origin: z.string().max(2048),
    data: z.unknown(),
    at: z.number().int().nonnegative(),
  }),
  /** The bridge refused `count` messages for `reason` since its last report. */
  z.strictObject({ kind: z.literal('rejected'), reason: z.string().max(500), count: z.number().int().positive() }),
  /** A command from main could not be delivered into the vendor client. */
  z.strictObject({ kind: z.literal('undeliverable'), reason: z.string().max(500) }),
  /**
   * The subscription handshake (AICC eventpost), re-sent until the vendor answers with its first
   * message (preload/handshake-retry.ts): `sent` (attempt n), `answered`, `gave-up` (stopped
   * re-sending). `elapsedMs` counts from the vendor frame's load.
   */
  z.strictObject({
    kind: z.literal('handshake'),
    state: z.enum(['sent', 'answered', 'gave-up']),
    attempts: z.number().int().nonnegative().max(1000),
    elapsedMs: z.number().int().nonnegative().max(7 * 24 * 3_600_000),
  }),
]);
export type CaptureMessage = z.infer<typeof CaptureMessageSchema>;

/** main → preload on CHANNELS.vendorCommand */
export const VendorCommandSchema = z.strictObject({
  messages: z
    .array(
      z.discriminatedUnion('transport', [
        z.strictObject({ transport: z.literal('postMessage'), data: z.unknown() }),
        z.strictObject({ transport: z.literal('socket.io'), frame: z.string().max(64 * 1024) }),
      ]),
    )
    .min(1)
    .max(16),
});
export type VendorCommand = z.infer<typeof VendorCommandSchema>;

/** A liveness ping's number, main → preload and back (src/main/runtime/liveness.ts). */
export const LivenessSeqSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
