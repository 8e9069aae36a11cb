/**
 * Everything the shell UI shows, kept in main and sent as validated snapshots. Pure: glue feeds it
 * pipeline results and view health, and forwards `snapshot()` to the UI.
 */
import type { Effect, TrayState } from '../../shared/contract/effects';
import type { Profile } from '../../shared/contract/profile';
import type { ShellEvent } from '../../shared/contract/shell-event';
import type { FeedEntry, ShellSnapshot, ViewHealth } from '../../shared/ipc/shell-protocol';

const FEED_MAX = 200;

export function summarizeEvent(e: ShellEvent): string {
  const who = e.party ? [e.party.name, e.party.number].filter(Boolean).join(' ') : '';
  const parts = [e.kind, e.state, e.loggedIn === undefined ? '' : e.loggedIn ? 'logged in' : 'logged out', e.on === undefined ? '' : e.on ? 'on' : 'off', who, e.queue ? `— ${e.queue}` : '', e.derived ? '(derived)' : ''];
  return `${parts.filter(Boolean).join(' ')} [${e.vendorEvent}]`.slice(0, 500);
}

export function summarizeEffect(effect: Effect): string | null {
  switch (effect.type) {
    case 'notify':
      return `notify: ${effect.title} — ${effect.body}`.slice(0, 500);
    case 'suppress':
      return `suppressed ${effect.kind}: ${effect.reason}`;
    default:
      return null; // dismiss and presence show up in the UI itself
  }
}

export class ShellState {
  private readonly health = new Map<string, { health: ViewHealth; detail?: string }>();
  private readonly states = new Map<string, TrayState>();
  private tray: TrayState = 'offline';
  private feed: FeedEntry[] = [];
  private readonly problems: string[] = [];
  selected: string | null;

  constructor(
    private readonly profiles: readonly Profile[],
    private readonly firstRun: boolean,
  ) {
    this.selected = profiles[0]?.id ?? null;
    for (const p of profiles) this.health.set(p.id, { health: 'loading' });
  }

  addProblem(problem: string): void {
    if (this.problems.length < 20) this.problems.push(problem.slice(0, 1000));
  }

  setHealth(profile: string, health: ViewHealth, detail?: string): void {
    this.health.set(profile, detail === undefined ? { health } : { health, detail: detail.slice(0, 500) });
    if (health !== 'ok' && health !== 'loading') this.push({ at: Date.now(), profile, type: 'health', summary: `view ${health}${detail ? `: ${detail}` : ''}` });
  }

  record(events: readonly ShellEvent[], effects: readonly Effect[], at: number, profile: string): void {
    for (const e of events) this.push({ at: e.at, profile: e.profile, type: 'event', summary: summarizeEvent(e) });
    for (const effect of effects) {
      if (effect.type === 'presence') {
        this.tray = effect.state;
        for (const p of effect.profiles) this.states.set(p.profile, p.state);
        continue;
      }
      const summary = summarizeEffect(effect);
      if (summary) this.push({ at, profile, type: 'effect', summary });
    }
  }

  recordRejection(profile: string, reason: string, count: number, at: number): void {
    this.push({ at, profile, type: 'rejection', summary: `rejected${count > 1 ? ` ×${count}` : ''}: ${reason}`.slice(0, 500) });
  }

  snapshot(): ShellSnapshot {
    return {
      profiles: this.profiles.map((p) => {
        const h = this.health.get(p.id) ?? { health: 'loading' as const };
        const entry = { id: p.id, name: p.name, vendor: p.vendor, state: this.states.get(p.id) ?? ('offline' as const), health: h.health };
        return h.detail === undefined ? entry : { ...entry, healthDetail: h.detail };
      }),
      selected: this.selected,
      tray: this.tray,
      firstRun: this.firstRun,
      problems: [...this.problems],
      feed: [...this.feed].reverse(),
    };
  }

  private push(entry: FeedEntry): void {
    this.feed.push(entry);
    if (this.feed.length > FEED_MAX) this.feed = this.feed.slice(-FEED_MAX);
  }
}
