/**
 * Where pipeline results go: toasts, the durable event log, the forwarder, the shell UI and the
 * tray. One place, so every accepted event and every rejection reaches every sink that wants it.
 */
import type { Effect } from '../../shared/contract/effects';
import type { ShellEvent } from '../../shared/contract/shell-event';

export interface EffectSinks {
  notifier: { handle(effects: readonly Effect[]): void };
  log: {
    event(e: ShellEvent): void;
    rejection(r: { at: number; profile: string; reason: string; count: number }): void;
  };
  forwarder: { enqueue(e: ShellEvent): void } | null;
  ui: {
    record(events: readonly ShellEvent[], effects: readonly Effect[], at: number, profile: string): void;
    recordRejection(profile: string, reason: string, count: number, at: number): void;
  };
  presence(effect: Extract<Effect, { type: 'presence' }>): void;
  changed(): void;
}

export function createEffectRouter(sinks: EffectSinks) {
  return {
    accepted(profile: string, events: readonly ShellEvent[], effects: readonly Effect[], at: number): void {
      for (const e of events) {
        sinks.log.event(e);
        sinks.forwarder?.enqueue(e);
      }
      sinks.notifier.handle(effects);
      for (const effect of effects) if (effect.type === 'presence') sinks.presence(effect);
      sinks.ui.record(events, effects, at, profile);
      sinks.changed();
    },
    rejected(profile: string, reason: string, count: number, at: number): void {
      sinks.log.rejection({ at, profile, reason, count });
      sinks.ui.recordRejection(profile, reason, count, at);
      sinks.changed();
    },
    /** Effects without a capture (DND toggled, rings expiring). */
    effects(effects: readonly Effect[], at: number): void {
      if (effects.length === 0) return;
      sinks.notifier.handle(effects);
      for (const effect of effects) if (effect.type === 'presence') sinks.presence(effect);
      sinks.ui.record([], effects, at, '');
      sinks.changed();
    },
  };
}
