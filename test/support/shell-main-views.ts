/**
 * The vendor views' health as src/main/shell/profile-view.ts reports it: the real watchViewHealth
 * on a stand-in for each view's webContents (an EventEmitter: Electron's WebContents is one), with
 * its timers run by the test, and every state it reports handed to ShellState.setHealth.
 */
import { EventEmitter } from 'node:events';
import { watchViewHealth, type ViewHealthWatch } from '../../src/main/runtime/view-resilience';
import type { ShellState } from '../../src/main/shell/shell-state';

interface View {
  contents: EventEmitter & { getURL(): string };
  health: ViewHealthWatch;
  timers: Array<{ run: () => void; at: number } | null>;
}

export interface Clock {
  now(): number;
}

export class ShellViews {
  private readonly views = new Map<string, View>();

  constructor(
    private readonly state: ShellState,
    private readonly clock: Clock,
  ) {}

  add(profile: string): void {
    const contents = Object.assign(new EventEmitter(), { getURL: () => `app://host/profile/${profile}` });
    const timers: View['timers'] = [];
    const health = watchViewHealth(contents, {
      now: () => this.clock.now(),
      timers: { setTimeout: (run, ms) => timers.push({ run, at: this.clock.now() + ms }) - 1, clearTimeout: (i) => void (timers[i] = null) },
      reload: () => undefined,
      crashRenderer: () => undefined,
      showError: () => undefined,
      onState: (state, detail) => this.state.setHealth(profile, state, detail),
      log: () => undefined,
    });
    this.views.set(profile, { contents, health, timers });
  }

  emit(profile: string, event: 'did-finish-load' | 'unresponsive' | 'render-process-gone', ...args: unknown[]): void {
    this.view(profile).contents.emit(event, ...args);
  }

  /** Runs every timer that is due by now, as the event loop would. */
  runDue(): void {
    for (const view of this.views.values()) {
      view.timers.forEach((timer, i) => {
        if (!timer || timer.at > this.clock.now()) return;
        view.timers[i] = null;
        timer.run();
      });
    }
  }

  private view(profile: string): View {
    const view = this.views.get(profile);
    if (!view) throw new Error(`no view for "${profile}"`);
    return view;
  }
}
