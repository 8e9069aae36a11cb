/** What a command answered: a quiet status when it worked, an alert with the reason when not. */
import type { Outcome } from '../../../shared/ipc/shell-protocol';

export function OutcomeMessage({ outcome, failedPrefix = '' }: { outcome: Outcome | null; failedPrefix?: string }) {
  if (!outcome) return <p class="outcome" role="status" />;
  if (outcome.ok) {
    return (
      <p class="outcome ok" role="status">
        {outcome.detail}
      </p>
    );
  }
  return (
    <p class="outcome failed" role="alert">
      {failedPrefix}
      {outcome.reason}
    </p>
  );
}

/** A rejected promise as an Outcome, so a broken IPC call reads like any other failure. */
export function failure(err: unknown): Outcome {
  return { ok: false, reason: err instanceof Error ? err.message : String(err) };
}
