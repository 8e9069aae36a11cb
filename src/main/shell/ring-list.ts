/**
 * The calls ringing now, for the ring surface (the window's banner and the ring window). A ring
 * lives exactly as long as its toast would: it starts with a core `notify` for
 * interaction.offered and ends with the `dismiss` for the same key — the call answered here or
 * elsewhere, ended, missed, or expired by main's ring timer (src/shared/core/presence.ts). So the
 * surface, the toast and the fallback banner can never disagree about what rings.
 */
import type { Effect } from '../../shared/contract/effects';
import type { ShellEvent } from '../../shared/contract/shell-event';
import type { Ring } from '../../shared/ipc/shell-protocol';
import { toastKey } from '../../shared/notifications/toast-model';

/** The snapshot's cap (RingSchema list): the oldest ring nobody took goes first. */
const MAX_RINGS = 20;

interface Entry {
  ring: Ring;
  ref: string | undefined;
}

export class RingList {
  private readonly rings = new Map<string, Entry>();
  private seq = 0;

  constructor(private readonly profileName: (id: string) => string) {}

  /** One capture's (or a tick's) events and effects, in the order the pipeline made them. */
  apply(events: readonly ShellEvent[], effects: readonly Effect[], at: number): void {
    for (const effect of effects) {
      if (effect.type === 'dismiss') this.rings.delete(toastKey(effect.profile, effect.ref));
      else if (effect.type === 'notify' && effect.kind === 'interaction.offered') this.offer(effect, events, at);
    }
  }

  private offer(effect: Extract<Effect, { type: 'notify' }>, events: readonly ShellEvent[], at: number): void {
    const key = toastKey(effect.profile, effect.ref);
    const known = this.rings.get(key);
    // The offer that asked for this toast names the caller (a later one of the same ring may name more).
    const offered = [...events].reverse().find((e) => e.kind === 'interaction.offered' && e.profile === effect.profile && e.ref === effect.ref);
    const party = offered?.party;
    const ring: Ring = {
      id: known?.ring.id ?? `ring-${++this.seq}`,
      profile: effect.profile.slice(0, 200),
      profileName: this.profileName(effect.profile).slice(0, 200),
      ...(party?.name ? { name: party.name } : known?.ring.name ? { name: known.ring.name } : {}),
      ...(party?.number ? { number: party.number } : known?.ring.number ? { number: known.ring.number } : {}),
      ...(offered?.queue ? { queue: offered.queue } : known?.ring.queue ? { queue: known.ring.queue } : {}),
      ...((offered?.media ?? effect.media) ? { media: offered?.media ?? effect.media } : {}),
      since: known?.ring.since ?? at,
      actions: [...effect.actions],
    };
    this.rings.set(key, { ring, ref: effect.ref });
    if (this.rings.size > MAX_RINGS) this.rings.delete(this.rings.keys().next().value!);
  }

  /** Oldest first. */
  list(): Ring[] {
    return [...this.rings.values()].map((e) => e.ring);
  }

  get size(): number {
    return this.rings.size;
  }

  /** Which call a ring id is, for the vendor's command (the toast's buttons take the same). */
  find(id: string): { profile: string; ref: string | undefined; actions: Ring['actions'] } | undefined {
    for (const e of this.rings.values()) if (e.ring.id === id) return { profile: e.ring.profile, ref: e.ref, actions: e.ring.actions };
    return undefined;
  }

  clear(): void {
    this.rings.clear();
  }
}
