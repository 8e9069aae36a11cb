/**
 * The shell UI's renderer comes back after it crashes: the agent's rail, header and settings are
 * the way to every softphone. Reloads back off exponentially (1 s, 2 s, 4 s … up to a minute) so a
 * renderer that crashes on load cannot pin a CPU, but never stop for good: a window without its
 * UI helps nobody. A load that stays up long enough resets the backoff.
 */
import { CrashBackoff } from './crash-backoff';
import type { ViewTimers } from './view-resilience';

export interface ShellRendererContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
}

export interface ShellRecoveryDeps<H> {
  now(): number;
  timers: ViewTimers<H>;
  reload(): void;
  log(message: string, data?: object): void;
  backoff?: CrashBackoff;
}

export function watchShellRenderer<H>(contents: ShellRendererContents, deps: ShellRecoveryDeps<H>): { dispose(): void } {
  const backoff = deps.backoff ?? new CrashBackoff({ maxCrashes: Number.POSITIVE_INFINITY });
  let reloadTimer: H | null = null;
  let stableTimer: H | null = null;
  let disposed = false;
  const clear = () => {
    if (reloadTimer !== null) deps.timers.clearTimeout(reloadTimer);
    if (stableTimer !== null) deps.timers.clearTimeout(stableTimer);
    reloadTimer = stableTimer = null;
  };

  contents.on('render-process-gone', (_event, details) => {
    if (disposed || details.reason === 'clean-exit') return;
    clear();
    const verdict = backoff.onCrash(deps.now());
    const delayMs = verdict.action === 'reload' ? verdict.delayMs : backoff.maxMs;
    deps.log(`shell UI renderer ${details.reason} (exit code ${details.exitCode}); reloading in ${Math.round(delayMs / 100) / 10} s`, { reason: details.reason });
    reloadTimer = deps.timers.setTimeout(() => {
      reloadTimer = null;
      if (!disposed) deps.reload();
    }, delayMs);
  });
  contents.on('did-finish-load', () => {
    if (disposed || backoff.state === 'ok' || stableTimer !== null) return;
    stableTimer = deps.timers.setTimeout(() => {
      stableTimer = null;
      backoff.onStable(deps.now());
      deps.log('shell UI stable again after a crash');
    }, backoff.stableMs);
  });
  return {
    dispose() {
      disposed = true;
      clear();
    },
  };
}
