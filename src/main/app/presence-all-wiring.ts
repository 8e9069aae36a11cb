/**
 * The header's one presence control in main: "Set all to …" (src/shared/presence/set-all.ts)
 * runs one set-state command per profile that can follow, through the same command router as the
 * per-profile control, remembers what each was so a timed choice ("Break for 15 min") puts them
 * back when it ends, and keeps a plain-words summary for the shell window (which profiles
 * followed, which cannot and where to set them). Do not disturb follows too where a vendor can
 * take it (RingCentral's and the demo's Do not disturb presence): Switchboard's DND silences our
 * alerts, and for those vendors also stops them routing calls; it is undone when DND ends.
 */
import type { AgentState } from '../../shared/contract/shell-event';
import type { PresenceAllStatus } from '../../shared/ipc/shell-protocol';
import { planRestore, planSetAll, SET_ALL_LABELS, STATE_WORDS, takesDnd, type PresenceTarget, type SetAllChoice, type SetAllStep } from '../../shared/presence/set-all';
import type { CommandOutcome } from '../commands/command-router';
import { diag } from '../diagnostics';

export interface PresenceAllDeps {
  targets(): PresenceTarget[];
  setState(profile: string, state: AgentState): CommandOutcome;
  changed(): void;
  now?: () => number;
}

export function createPresenceAll(deps: PresenceAllDeps) {
  const now = deps.now ?? Date.now;
  let status: PresenceAllStatus | null = null;
  let pending: { steps: SetAllStep[]; until: number } | null = null;
  let dndSteps: SetAllStep[] | null = null;
  let dndActive: boolean | null = null;

  const run = (steps: readonly SetAllStep[]) =>
    steps.map((step) => {
      if ('cannot' in step) return { profile: step.profile, name: step.name, ok: false, text: step.cannot };
      const outcome = deps.setState(step.profile, step.state);
      return outcome.ok
        ? { profile: step.profile, name: step.name, ok: true, text: `${step.name}: ${STATE_WORDS[step.state]}` }
        : { profile: step.profile, name: step.name, ok: false, text: `${step.name} did not change: ${outcome.reason}`.slice(0, 500) };
    });

  const restore = (steps: readonly SetAllStep[], why: string) => {
    for (const back of planRestore(steps, deps.targets())) {
      const outcome = deps.setState(back.profile, back.state);
      diag('app', `presence back to ${back.state} (${why})`, { profile: back.profile, ok: outcome.ok });
    }
  };

  return {
    setAll(choice: SetAllChoice, minutes: number | null): PresenceAllStatus {
      const at = now();
      const steps = planSetAll(deps.targets(), choice);
      const lines = run(steps);
      const until = minutes === null ? null : at + minutes * 60_000;
      pending = until === null ? null : { steps, until };
      status = { choice, label: SET_ALL_LABELS[choice], until, lines };
      diag('app', `set all to ${choice}`, { minutes, followed: lines.filter((l) => l.ok).length, cannot: lines.filter((l) => !l.ok).map((l) => l.profile) });
      deps.changed();
      return status;
    },
    /** main's timer: a timed choice that is over puts each profile back. */
    tick(at: number): void {
      if (!pending || at < pending.until) return;
      const { steps } = pending;
      pending = null;
      restore(steps, 'the timed status ended');
      status = status ? { ...status, until: null, ended: true } : null;
      deps.changed();
    },
    /** DND changed (the tray, the shortcut, the schedule): vendors that can take it follow. */
    dnd(active: boolean): void {
      const was = dndActive;
      dndActive = active;
      if (was === null || was === active) return; // start-up, or no change
      if (active) {
        dndSteps = deps.targets().filter((p) => takesDnd(p.vendor)).map((p) => ({ profile: p.id, name: p.name, state: 'dnd' as const, previous: p.agentState }));
        run(dndSteps);
      } else if (dndSteps) {
        restore(dndSteps, 'do not disturb ended');
        dndSteps = null;
      }
    },
    status: () => status,
  };
}
