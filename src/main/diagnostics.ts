/**
 * Diagnostics for the app itself until the durable logs land (issue 4): one JSON line per entry on
 * stdout, so `npm start` shows what the shell decided and why.
 */
export type DiagnosticCategory = 'app' | 'capture' | 'effect' | 'permission' | 'navigation' | 'view' | 'protocol' | 'settings';

export function diag(category: DiagnosticCategory, message: string, data?: unknown): void {
  const line = JSON.stringify({ at: new Date().toISOString(), category, message, ...(data === undefined ? {} : { data }) });
  process.stdout.write(`${line}\n`);
}
