/**
 * Commands a vendor may drop without a word (outbound.ts CommandConfirmation) are watched here:
 * the events captured after the command either show it took effect in time, or the agent is told
 * it did not. Nothing is claimed as done on the vendor's silence.
 */
import type { CommandConfirmation } from '../../shared/contract/outbound';
import type { ShellEvent } from '../../shared/contract/shell-event';

export interface CommandWatchDeps {
  /** Runs `fn` after `ms`; returns a canceller (setTimeout in main, a fake clock in tests). */
  later(fn: () => void, ms: number): () => void;
  /** Tells the agent (the shell's problem list) and the diagnostics log. */
  tell(message: string, detail: { profile: string }): void;
}

interface Watched {
  confirm: CommandConfirmation;
  vendor: string;
  cancel: () => void;
}

/** A profile with this many unconfirmed commands forgets the oldest: a vendor that never answers must not grow this. */
const MAX_PER_PROFILE = 16;

export function createCommandWatch(deps: CommandWatchDeps) {
  const pending = new Map<string, Watched[]>();

  const drop = (profile: string, watched: Watched) => {
    const list = pending.get(profile);
    const at = list?.indexOf(watched) ?? -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) pending.delete(profile);
  };

  return {
    /** `vendor`: the vendor's name as the agent knows it ("RingCentral Embeddable"). */
    expect(profile: string, vendor: string, confirm: CommandConfirmation): void {
      const list = pending.get(profile) ?? [];
      pending.set(profile, list);
      const watched: Watched = {
        confirm,
        vendor,
        cancel: deps.later(() => {
          drop(profile, watched);
          const seconds = Math.round(confirm.withinMs / 1000);
          deps.tell(`${vendor} did not ${confirm.what} within ${seconds} s${confirm.hint ? ` (${confirm.hint})` : ''}.`, { profile });
        }, confirm.withinMs),
      };
      list.push(watched);
      if (list.length > MAX_PER_PROFILE) {
        const oldest = list.shift()!;
        oldest.cancel();
      }
    },
    /** Every event accepted for `profile`: any that confirms a watched command settles it. */
    events(profile: string, events: readonly ShellEvent[]): void {
      const list = pending.get(profile);
      if (!list || events.length === 0) return;
      for (const watched of [...list]) {
        if (!events.some((e) => watched.confirm.by(e))) continue;
        watched.cancel();
        drop(profile, watched);
      }
    },
    pendingCount: (profile: string) => pending.get(profile)?.length ?? 0,
  };
}

export type CommandWatch = ReturnType<typeof createCommandWatch>;
