/**
 * The durable services main runs beside the views: diagnostics and event logs, the optional
 * forwarder. Opened before any view loads so the first captured event is already durable;
 * closed (flushed) on quit, and synchronously at the end of a Windows session.
 */
import { join } from 'node:path';
import type { Settings } from '../../shared/contract/settings';
import { attachDiagnosticsLog, diag } from '../diagnostics';
import { openDiskQueue } from '../forwarding/disk-queue';
import { createForwarder, type Forwarder } from '../forwarding/forwarder';
import type { FetchLike } from '../forwarding/http-delivery';
import { createDiagnosticsLog, type DiagnosticsLog } from '../logs/diagnostics-log';
import { createEventLog, type EventLog } from '../logs/event-log';
import { logDirProblem } from '../settings/log-dir-check';

export interface Services {
  eventLog: EventLog;
  diagnostics: DiagnosticsLog;
  forwarder: Forwarder | null;
  logDir: string;
  close(): Promise<void>;
  /** close() with nothing left to wait for when it returns: the end of a Windows session (session-end.ts). */
  closeNow(): void;
}

/**
 * `onStatusChange`: the forwarder's status changed (health, losses), for a new UI snapshot.
 * `fetch`: what the forwarder posts with (main: Chromium's, forwarding-fetch.ts; default Node's).
 */
export async function openServices(settings: Settings, userData: string, onProblem: (message: string) => void, onStatusChange: () => void = () => undefined, fetch?: FetchLike): Promise<Services> {
  const fallback = join(userData, 'logs');
  // A folder from settings or policy that cannot hold the logs is said, and the default used:
  // the app never runs without durable logs (log-dir-check.ts).
  const dirProblem = settings.logs.dir === null ? null : logDirProblem(settings.logs.dir);
  if (dirProblem) onProblem(`The log folder in settings cannot be used (${dirProblem}); logs are written to ${fallback} instead.`);
  const logDir = settings.logs.dir === null || dirProblem ? fallback : settings.logs.dir;
  const common = { dir: logDir, maxFileMb: settings.logs.maxFileMb, retentionDays: settings.logs.retentionDays, onProblem };
  const diagnostics = await createDiagnosticsLog({ ...common, redaction: settings.logs.redaction });
  attachDiagnosticsLog(diagnostics);
  const eventLog = await createEventLog({ ...common, redaction: settings.logs.redaction });
  for (const repair of eventLog.repairs) diag('app', 'event log: repaired a torn last line after an unclean exit', repair);

  let forwarder: Forwarder | null = null;
  const { forwarding } = settings;
  if (forwarding.endpoint) {
    // bad/ and rejected/ hold customer events: they are kept as long as the event log is.
    const queue = await openDiskQueue(join(userData, 'forwarding'), {
      maxEvents: forwarding.maxQueuedEvents,
      retentionDays: settings.logs.retentionDays,
      log: (m, d) => diag('app', `forwarding queue: ${m}`, d),
    });
    forwarder = createForwarder({
      endpoint: forwarding.endpoint,
      batchSize: forwarding.batchSize,
      timeoutMs: forwarding.timeoutMs,
      queue,
      redaction: settings.logs.redaction,
      log: (m, d) => diag('app', `forwarding: ${m}`, d),
      onChange: onStatusChange,
      ...(fetch ? { fetch } : {}),
    });
    forwarder.start();
  }

  return {
    eventLog,
    diagnostics,
    forwarder,
    logDir,
    async close() {
      await forwarder?.stop();
      await eventLog.close();
      attachDiagnosticsLog(null);
      await diagnostics.close();
    },
    closeNow() {
      forwarder?.stopNow();
      eventLog.closeNow();
      attachDiagnosticsLog(null);
      diagnostics.closeNow();
    },
  };
}
