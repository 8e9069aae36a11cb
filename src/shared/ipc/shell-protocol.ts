/**
 * What the shell window's UI sees of main, as zod schemas: main builds snapshots, the shell
 * preload validates them before the page gets a copy, and main re-validates every UI request.
 */
import { z } from 'zod';
import { TRAY_STATES } from '../contract/effects';
import { VendorIdSchema } from '../contract/shell-event';

export const ViewHealthSchema = z.enum(['loading', 'ok', 'recovering', 'unresponsive', 'failed']);
export type ViewHealth = z.infer<typeof ViewHealthSchema>;

export const FeedEntrySchema = z.strictObject({
  at: z.number(),
  profile: z.string(),
  type: z.enum(['event', 'rejection', 'effect', 'health']),
  /** One line a person reads: "interaction.offered · Jane Doe (+1 650…) — Sales". */
  summary: z.string().max(500),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

export const ShellSnapshotSchema = z.strictObject({
  profiles: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      vendor: VendorIdSchema,
      state: z.enum(TRAY_STATES),
      health: ViewHealthSchema,
      healthDetail: z.string().max(500).optional(),
    }),
  ),
  selected: z.string().nullable(),
  tray: z.enum(TRAY_STATES),
  firstRun: z.boolean(),
  problems: z.array(z.string().max(1000)).max(20),
  feed: z.array(FeedEntrySchema).max(200),
});
export type ShellSnapshot = z.infer<typeof ShellSnapshotSchema>;

export const SelectProfileSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** The API the shell preload exposes to the shell page as `window.switchboard`. */
export interface ShellApi {
  getState(): Promise<ShellSnapshot>;
  selectProfile(id: string): void;
  /** Returns a function that stops the updates. */
  onUpdate(listener: (snapshot: ShellSnapshot) => void): () => void;
}
