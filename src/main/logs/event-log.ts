/**
 * The durable local event log (DESIGN.md §1 "event log → JSONL on disk, rotated, redacted").
 * One JSON object per line, each tagged with `type`:
 *   event       a ShellEvent, every field kept, `type` added and nothing else at the top level
 *               (a line minus `type` validates against ShellEventSchema)
 *   rejection   {at, profile, reason, count}: a capture the core refused
 *   permission  {at, profile, permission, origin, granted, reason, kind}: a permission decision
 *   dropped     {at, count}: `count` lines before this one could not be written (disk full,
 *               unwritable; in this run or one before it), see rolling-sink.ts
 * Files: `<dir>/events.YYYY-MM-DD.N.jsonl` (see log-files.ts), rotated by size and day, swept by
 * age; durability and failure handling are rolling-sink.ts's (read its header). U+2028, U+2029 and
 * C1 controls in values are written as \uXXXX escapes (shared/core/json-line.ts), so no line reader
 * splits a record.
 *
 * Redaction is applied here, before a line exists: redactEvent for events, redactText for
 * rejection reasons (they quote vendor payloads). Permission lines hold origins and policy
 * reasons, never customer data, so they are written as decided.
 */
import pino from 'pino';
import type { Redaction } from '../../shared/contract/settings';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { jsonLine } from '../../shared/core/json-line';
import { redactEvent, redactText } from '../../shared/core/redaction';
import type { PermissionLogEntry } from '../security/permission-handlers';
import { openRollingSink, type RollingSinkOptions } from './rolling-sink';

export const EVENT_LOG_FAMILY = 'events';

export interface RejectionLogEntry {
  at: number;
  profile: string;
  reason: string;
  count: number;
}

export type EventLogOptions = Omit<RollingSinkOptions, 'family' | 'droppedLine'> & { redaction: Redaction };

export interface EventLog {
  event(e: ShellEvent): void;
  rejection(r: RejectionLogEntry): void;
  permission(p: PermissionLogEntry & { at: number }): void;
  /** Settings changed: applies to lines written from now on. */
  setRedaction(level: Redaction): void;
  /** Resolves once every line handed over so far is written and fdatasync'ed. Never rejects. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Writes what waits, fdatasyncs and closes before returning (rolling-sink.ts closeNow). */
  closeNow(): void;
  /** Path of the file being written ('' while the directory cannot be opened). */
  readonly file: () => string;
  /** What keeps the log from writing (reported once through onProblem), or null. */
  readonly problem: string | null;
  /** Lines of this run that could not be written (directory unusable, disk full past the buffer cap, at quit). */
  readonly dropped: number;
  /** Torn last lines cut at start (a crash during the previous run). */
  readonly repairs: ReadonlyArray<{ file: string; droppedBytes: number }>;
}

/**
 * Line types are pino levels: the level label is written as `type` first on the line (pino's
 * per-level prefix cache), with no time, pid or hostname, so pino serializes the object as given.
 */
const LINE_TYPES = { event: 30, rejection: 31, permission: 32 } as const;
type LineType = keyof typeof LINE_TYPES;

/** Never rejects: a directory that cannot be used yields a log that counts instead (see `problem`). */
export async function createEventLog(options: EventLogOptions): Promise<EventLog> {
  const { redaction: initial, ...sinkOptions } = options;
  let redaction = initial;
  const sink = await openRollingSink({
    ...sinkOptions,
    family: EVENT_LOG_FAMILY,
    droppedLine: (count) => jsonLine({ type: 'dropped', at: Date.now(), count }),
  });
  const logger = pino<LineType, true>(
    {
      customLevels: LINE_TYPES,
      useOnlyCustomLevels: true,
      level: 'event',
      base: null,
      timestamp: false,
      formatters: { level: (label) => ({ type: label }) },
    },
    sink.destination,
  );

  // Write failures are the sink's (counted there); this catches the unexpected (a throwing getter
  // in a payload, say), because the contract is that logging never throws into the pipeline.
  let failed = 0;
  const guard = (write: () => void) => {
    try {
      write();
    } catch {
      failed++;
    }
  };

  return {
    event: (e) => guard(() => logger.event(redactEvent(e, redaction))),
    rejection: (r) =>
      guard(() => logger.rejection({ at: r.at, profile: r.profile, reason: redactText(r.reason, redaction), count: r.count })),
    permission: (p) =>
      guard(() =>
        logger.permission({
          at: p.at,
          profile: p.profile,
          permission: p.permission,
          origin: p.origin,
          granted: p.granted,
          reason: p.reason,
          kind: p.kind,
        }),
      ),
    setRedaction: (level) => void (redaction = level),
    flush: () => sink.flush(),
    close: () => sink.close(),
    closeNow: () => sink.closeNow(),
    file: () => sink.file(),
    get problem() {
      return sink.problem;
    },
    get dropped() {
      return sink.dropped + failed;
    },
    repairs: sink.repairs,
  };
}
