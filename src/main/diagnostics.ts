/**
 * Diagnostics for the app itself: one JSON line per entry on stdout (so `npm start` shows what the
 * shell decided and why) and, once main has opened it, in the durable diagnostics log
 * (logs/diagnostics-log.ts). Callers keep using diag(); only main attaches the file. Once attached,
 * stdout shows what the file holds: numbers redacted as the setting says, line breakers escaped.
 */
import { jsonLine } from '../shared/core/json-line';
import type { DiagnosticsLog } from './logs/diagnostics-log';

export type DiagnosticCategory = 'app' | 'capture' | 'effect' | 'permission' | 'navigation' | 'view' | 'protocol' | 'settings';

let fileLog: Pick<DiagnosticsLog, 'info' | 'redact'> | null = null;

/** From now on diag() also writes to `log`; null detaches it (before closing the log). */
export function attachDiagnosticsLog(log: Pick<DiagnosticsLog, 'info' | 'redact'> | null): void {
  fileLog = log;
}

export function diag(category: DiagnosticCategory, message: string, data?: unknown): void {
  try {
    const shown = fileLog?.redact(message, data) ?? { message, data };
    const line = jsonLine({ at: new Date().toISOString(), category, message: shown.message, ...(shown.data === undefined ? {} : { data: shown.data }) });
    process.stdout.write(line);
  } catch {
    // No console (a packaged app on Windows, a closed pipe) or unserializable data: the file still gets it.
  }
  fileLog?.info(category, message, data);
}
