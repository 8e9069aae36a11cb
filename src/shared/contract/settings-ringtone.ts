/**
 * The ringtone's settings (issue 14): where the shell window plays its ring and how loud. Device
 * ids are what the shell page's navigator.mediaDevices.enumerateDevices() reports for
 * 'audiooutput' devices (opaque, salted per origin by Chromium), so only the shell page can turn
 * them into a device; 'default' is the system's default output. An id that is no longer
 * plugged in falls back to the default when the ring plays (renderer/shell/logic/ringtone-plan.ts).
 */
import { z } from 'zod';

/** Chromium's media device ids are 64 hex characters; 'default' and 'communications' are its named ones. */
const DeviceIdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => !/\p{Cc}/u.test(id), 'must not contain control characters');

export const RingtoneSettingsSchema = z.strictObject({
  /** The output the ring plays on (a headset, usually); 'default': the system's default output. */
  device: DeviceIdSchema.default('default'),
  /** Also ring here (the speakers while on a headset); null: only on `device`. */
  secondDevice: DeviceIdSchema.nullable().default(null),
  /** 0 silences the ringtone (the toast, flash and badge still alert). */
  volume: z.number().int().min(0).max(100).default(80),
  /**
   * Keep ringing past main's ring timer until the call is answered, declined, ended or missed
   * (bounded by RING_UNTIL_ANSWERED_MAX_MS, so a vendor that never says rings out in the end).
   */
  untilAnswered: z.boolean().default(false),
});
export type RingtoneSettings = z.infer<typeof RingtoneSettingsSchema>;
export const RINGTONE_DEFAULTS: RingtoneSettings = { device: 'default', secondDevice: null, volume: 80, untilAnswered: false };

/** "Ring until answered" never rings longer than this: the longest ring timeout IT may set (600 s). */
export const RING_UNTIL_ANSWERED_MAX_MS = 600_000;
