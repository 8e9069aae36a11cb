/**
 * Auto-away (settings.autoAway, off by default): when the screen locks (if onLock) or the machine
 * has had no input for idleMinutes, profiles whose vendor can be set to 'away' are set away; when
 * the agent is back (unlock, or input again) each is restored to the state it had before.
 *
 * A profile is changed only when all of these hold, so the shell never makes a state worse or
 * invents one it cannot undo:
 *   - its vendor can set 'away' AND can set the state it is in now (or restore would be impossible)
 *   - the vendor has reported a state, and it is not already away and not offline (setting a
 *     logged-out agent away would log them in on some vendors)
 *   - no call is ringing or active on it (presence state 'ringing' / 'on-call'); such a profile is
 *     set away once its call ends, if the agent is still away by then
 * On restore, a profile is left alone when its state was changed by someone else meanwhile (the
 * agent in the vendor window, a supervisor): it reported 'away' and then something else. Before
 * the vendor confirmed 'away' the previous state is re-sent only while it is still reported, which
 * undoes an away that was still on its way.
 *
 * The machine is pure: inputs are method calls, outputs the commands to send. Main's glue
 * (main/tray/auto-away-watch.ts) feeds it powerMonitor events and idle-time polls.
 */
import type { z } from 'zod';
import type { TrayState } from '../contract/effects';
import type { AutoAwaySettingsSchema } from '../contract/settings';
import type { AgentState, VendorId } from '../contract/shell-event';
import { settableStates } from './vendor-presence';

/** settings.autoAway after validation. */
export type AutoAwaySettings = z.infer<typeof AutoAwaySettingsSchema>;

export interface AutoAwayProfile {
  profile: string;
  vendor: VendorId;
  /** The profile's tray state: 'ringing' and 'on-call' mean a call is live. */
  state: TrayState;
  agentState: AgentState | null;
}

export interface AutoAwayCommand {
  profile: string;
  state: AgentState;
}

interface Changed {
  previous: AgentState;
  /** The vendor has reported 'away' since we asked for it. */
  sawAway: boolean;
}

const IN_CALL: ReadonlySet<TrayState> = new Set(['ringing', 'on-call']);

export class AutoAway {
  private settings: AutoAwaySettings;
  private locked = false;
  private idleSeconds = 0;
  private away = false;
  private readonly profiles = new Map<string, AutoAwayProfile>();
  /** Profiles we set away this time, with what to restore. */
  private readonly changed = new Map<string, Changed>();
  /** Eligible profiles skipped because of a live call: set away when it ends. */
  private readonly afterCall = new Set<string>();

  constructor(
    settings: AutoAwaySettings,
    private readonly settable: (vendor: VendorId) => readonly AgentState[] = settableStates,
  ) {
    this.settings = { ...settings };
  }

  /** True while the agent is considered away (the shell has acted on it). */
  get isAway(): boolean {
    return this.away;
  }

  /** Turning auto-away off while away restores at once. */
  setSettings(settings: AutoAwaySettings): AutoAwayCommand[] {
    this.settings = { ...settings };
    return this.step();
  }

  lock(): AutoAwayCommand[] {
    this.locked = true;
    return this.step();
  }

  /** Unlocking is input: the idle time last polled (it grew while locked) no longer holds. */
  unlock(): AutoAwayCommand[] {
    this.locked = false;
    this.idleSeconds = 0;
    return this.step();
  }

  /** Seconds since the last keyboard or mouse input (powerMonitor.getSystemIdleTime()). */
  idle(idleSeconds: number): AutoAwayCommand[] {
    this.idleSeconds = idleSeconds;
    return this.step();
  }

  /** The current presence of every profile (replaces the previous list). */
  presence(profiles: readonly AutoAwayProfile[]): AutoAwayCommand[] {
    this.profiles.clear();
    for (const p of profiles) this.profiles.set(p.profile, { ...p });
    for (const id of [...this.changed.keys(), ...this.afterCall]) {
      if (!this.profiles.has(id)) {
        this.changed.delete(id);
        this.afterCall.delete(id);
      }
    }
    for (const [id, entry] of this.changed) {
      const now = this.profiles.get(id)?.agentState;
      if (now === 'away') entry.sawAway = true;
      else if (entry.sawAway) this.changed.delete(id); // someone else changed it: not ours to restore
    }
    if (!this.away) return [];
    const out: AutoAwayCommand[] = [];
    for (const id of this.afterCall) {
      const p = this.profiles.get(id)!;
      const verdict = this.eligibility(p);
      if (verdict === 'in-call') continue;
      this.afterCall.delete(id);
      if (verdict === 'yes') out.push(this.setAway(p));
    }
    return out;
  }

  private wantsAway(): boolean {
    const s = this.settings;
    if (!s.enabled) return false;
    return (s.onLock && this.locked) || this.idleSeconds >= s.idleMinutes * 60;
  }

  private step(): AutoAwayCommand[] {
    const want = this.wantsAway();
    if (want === this.away) return [];
    this.away = want;
    return want ? this.goAway() : this.restore();
  }

  private eligibility(p: AutoAwayProfile): 'yes' | 'no' | 'in-call' {
    const states = this.settable(p.vendor);
    const current = p.agentState;
    if (!states.includes('away') || current === null || current === 'away' || current === 'offline') return 'no';
    if (!states.includes(current)) return 'no';
    return IN_CALL.has(p.state) ? 'in-call' : 'yes';
  }

  private setAway(p: AutoAwayProfile): AutoAwayCommand {
    this.changed.set(p.profile, { previous: p.agentState!, sawAway: false });
    return { profile: p.profile, state: 'away' };
  }

  private goAway(): AutoAwayCommand[] {
    const out: AutoAwayCommand[] = [];
    for (const p of this.profiles.values()) {
      const verdict = this.eligibility(p);
      if (verdict === 'yes') out.push(this.setAway(p));
      else if (verdict === 'in-call') this.afterCall.add(p.profile);
    }
    return out;
  }

  private restore(): AutoAwayCommand[] {
    const out: AutoAwayCommand[] = [];
    for (const [id, { previous, sawAway }] of this.changed) {
      const now = this.profiles.get(id)?.agentState;
      if (now === 'away' || (!sawAway && now === previous)) out.push({ profile: id, state: previous });
    }
    this.changed.clear();
    this.afterCall.clear();
    return out;
  }
}
