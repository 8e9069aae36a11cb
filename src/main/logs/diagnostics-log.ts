/**
 * The app's own diagnostics (startup, versions, decisions, errors) as a durable file log, kept apart
 * from the event log: `<dir>/diagnostics.YYYY-MM-DD.N.jsonl`, same rotation, retention, repair and
 * failure handling (rolling-sink.ts). One line per entry:
 *   {"level":"info","time":"2025-06-01T09:00:00.000Z","pid":123,"category":"app","data":{…},"msg":"starting"}
 * It is what a support engineer reads, so it is not redacted: callers keep customer data out of it
 * (diag() callers log decisions and origins, not payloads).
 */
import pino from 'pino';
import { jsonLine } from '../../shared/core/json-line';
import { openRollingSink, type RollingSinkOptions } from './rolling-sink';

export const DIAGNOSTICS_LOG_FAMILY = 'diagnostics';

export type DiagnosticsLogOptions = Omit<RollingSinkOptions, 'family' | 'maxFileMb' | 'retentionDays' | 'droppedLine'> & {
  maxFileMb?: number;
  retentionDays?: number;
};

type Write = (category: string, message: string, data?: unknown) => void;

export interface DiagnosticsLog {
  info: Write;
  warn: Write;
  error: Write;
  flush(): Promise<void>;
  close(): Promise<void>;
  readonly file: () => string;
  readonly problem: string | null;
  readonly dropped: number;
}

/** Never rejects; see createEventLog. */
export async function createDiagnosticsLog(options: DiagnosticsLogOptions): Promise<DiagnosticsLog> {
  const sink = await openRollingSink({
    maxFileMb: 20,
    retentionDays: 30,
    ...options,
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

  let failed = 0;
  const at =
    (level: 'info' | 'warn' | 'error'): Write =>
    (category, message, data) => {
      try {
        // An Error stringifies to {}: keep its name, message and stack instead.
        const detail = data instanceof Error ? pino.stdSerializers.err(data) : data;
        logger[level]({ category, data: detail }, message);
      } catch {
        failed++;
      }
    };

  const log: DiagnosticsLog = {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    flush: () => sink.flush(),
    close: () => sink.close(),
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
