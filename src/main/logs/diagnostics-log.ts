/**
 * The app's own diagnostics (startup, versions, decisions, errors) as a durable file log, kept apart
 * from the event log: `<dir>/diagnostics.YYYY-MM-DD.N.jsonl`, same rotation, retention, repair and
 * failure handling (rolling-sink.ts). One line per entry:
 *   {"level":"info","time":"2025-06-01T09:00:00.000Z","pid":123,"category":"app","data":{…},"msg":"starting"}
 * It is what a support engineer reads, so it keeps its words under every redaction level: callers
 * keep payloads out of it (diag() callers log decisions and origins). What callers do put in it is
 * numbers (the dial wiring names the number it dials, the command path logs each command), so the
 * event log's redaction setting applies to the numbers in `msg` and `data`: with `numbers` or
 * `full`, masked by the same function that masks events (redaction.ts), from the moment it changes.
 */
import pino from 'pino';
import type { Redaction } from '../../shared/contract/settings';
import { jsonLine } from '../../shared/core/json-line';
import { maskNumbers, maskNumbersDeep } from '../../shared/core/redaction';
import { openRollingSink, type RollingSinkOptions } from './rolling-sink';

export const DIAGNOSTICS_LOG_FAMILY = 'diagnostics';

export type DiagnosticsLogOptions = Omit<RollingSinkOptions, 'family' | 'maxFileMb' | 'retentionDays' | 'droppedLine'> & {
  maxFileMb?: number;
  retentionDays?: number;
  /** The event log's setting; default 'off'. */
  redaction?: Redaction;
};

type Write = (category: string, message: string, data?: unknown) => void;

export interface DiagnosticsLog {
  info: Write;
  warn: Write;
  error: Write;
  /** Settings changed: applies to lines written from now on. */
  setRedaction(level: Redaction): void;
  /** The message and data as this log would write them (diag() prints the same on stdout). */
  redact(message: string, data?: unknown): { message: string; data: unknown };
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Writes what waits, fdatasyncs and closes before returning (rolling-sink.ts closeNow). */
  closeNow(): void;
  readonly file: () => string;
  readonly problem: string | null;
  readonly dropped: number;
}

/**
 * Numbers in a diagnostics entry masked as redactEvent masks an event's text and raw payload
 * (`numbers`), with the same functions (redaction.ts), so every fix there reaches diagnostics too.
 * `full` masks the same way here: it removes an event's party and payload, and a diagnostics entry
 * has neither, only words.
 */
function maskEntry(message: string, data: unknown, level: Redaction): { message: string; data: unknown } {
  if (level === 'off') return { message, data };
  return { message: maskNumbers(message), data: data === undefined ? undefined : maskNumbersDeep(data) };
}

/** Never rejects; see createEventLog. */
export async function createDiagnosticsLog(options: DiagnosticsLogOptions): Promise<DiagnosticsLog> {
  const { redaction: initial = 'off', ...sinkOptions } = options;
  let redaction = initial;
  const sink = await openRollingSink({
    maxFileMb: 20,
    retentionDays: 30,
    ...sinkOptions,
    family: DIAGNOSTICS_LOG_FAMILY,
    droppedLine: (count) =>
      jsonLine({
        level: 'warn',
        time: new Date().toISOString(),
        pid: process.pid,
        category: 'app',
        data: { count },
        msg: `${count} lines could not be written to this log (disk full or not writable)`,
      }),
  });
  const logger = pino(
    {
      level: 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    sink.destination,
  );

  const redact = (message: string, data?: unknown) => {
    // An Error stringifies to {}: keep its name, message and stack instead.
    const detail = data instanceof Error ? pino.stdSerializers.err(data) : data;
    return maskEntry(message, detail, redaction);
  };

  let failed = 0;
  const at =
    (level: 'info' | 'warn' | 'error'): Write =>
    (category, message, data) => {
      try {
        const entry = redact(message, data);
        logger[level]({ category, data: entry.data }, entry.message);
      } catch {
        failed++;
      }
    };

  const log: DiagnosticsLog = {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setRedaction: (level) => void (redaction = level),
    redact,
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
  };
  for (const repair of sink.repairs) log.warn('app', 'repaired a torn last line (crash during the previous run)', repair);
  return log;
}
