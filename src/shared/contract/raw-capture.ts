/**
 * What the capture bridge hands to main, and what a replay line describes: one message exactly as
 * the vendor client published it, plus where and when it was seen.
 */
import { z } from 'zod';
import { VendorIdSchema } from './shell-event';

export const TRANSPORTS = ['postMessage', 'socket.io'] as const;
export const TransportSchema = z.enum(TRANSPORTS);
export type Transport = z.infer<typeof TransportSchema>;

export const RawCaptureSchema = z.strictObject({
  profile: z.string().min(1).max(64),
  vendor: VendorIdSchema,
  origin: z.string().min(1).max(2048),
  transport: TransportSchema,
  /** socket.io only: 'in' = server → vendor page, 'out' = vendor page → server. */
  direction: z.enum(['in', 'out']).optional(),
  data: z.unknown(),
  at: z.number().int().nonnegative(),
});
export type RawCapture = z.infer<typeof RawCaptureSchema>;
