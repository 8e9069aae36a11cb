/**
 * Who is calling, per profile: the party, number, queue and media of the offers still ringing,
 * newest last. Whether a profile rings is presence's call (src/shared/core/presence.ts, which
 * ShellState hears through presence effects); this only remembers each offer until an event about
 * it says it stopped ringing, so the caller shown is the newest offer not yet taken or ended.
 */
import type { ShellEvent } from '../../shared/contract/shell-event';
import type { Caller } from '../../shared/ipc/shell-protocol';

/** Offers without a ref (AICC PhoneAlerting) share one slot, as in presence.ts. */
const NO_REF = '\u0000no-ref';
/** A vendor that never reports ends must not grow this forever. */
const MAX_OFFERS = 64;

export function callerOf(e: ShellEvent): Caller {
  return {
    ...(e.party?.name ? { name: e.party.name } : {}),
    ...(e.party?.number ? { number: e.party.number } : {}),
    ...(e.queue ? { queue: e.queue } : {}),
    ...(e.media ? { media: e.media } : {}),
  };
}

const TAKES = new Set<ShellEvent['kind']>(['interaction.outbound', 'interaction.connected', 'interaction.hold', 'interaction.mute']);
const ENDS = new Set<ShellEvent['kind']>(['interaction.ended', 'interaction.missed', 'interaction.failed', 'interaction.wrapup']);

export class RingingCallers {
  private readonly offers = new Map<string, Map<string, Caller>>();
  /** Calls in progress per profile: presence does not let them ring again, nor does this. */
  private readonly taken = new Map<string, Set<string>>();

  apply(e: ShellEvent): void {
    this.track(e);
    const offers = this.offers.get(e.profile);
    const ref = e.ref ?? NO_REF;
    if (e.kind === 'interaction.offered') {
      if (e.ref !== undefined && this.taken.get(e.profile)?.has(e.ref)) return;
      const list = offers ?? new Map<string, Caller>();
      list.delete(ref); // a repeated ring moves to the end: it is the newest
      list.set(ref, callerOf(e));
      if (list.size > MAX_OFFERS) list.delete(list.keys().next().value!);
      this.offers.set(e.profile, list);
      return;
    }
    if (!offers) return;
    // An end without a ref, or a logout, finishes every offer (as presence treats them).
    if ((ENDS.has(e.kind) && e.ref === undefined) || (e.kind === 'agent.session' && e.loggedIn === false)) return this.clear(e.profile);
    // Anything else said about an offer (answered, held, picked up, ended) means it no longer rings.
    if (e.ref !== undefined && (e.kind.startsWith('interaction.') || e.kind === 'vendor.info')) {
      offers.delete(e.ref);
      if (e.kind !== 'vendor.info') offers.delete(NO_REF); // an unnamed ring was this call
    }
  }

  clear(profile: string): void {
    this.offers.delete(profile);
  }

  /** The newest offer's caller, when it names anyone. */
  current(profile: string): Caller | undefined {
    const offers = this.offers.get(profile);
    if (!offers || offers.size === 0) return undefined;
    const caller = [...offers.values()].at(-1)!;
    return caller.name || caller.number || caller.queue ? caller : undefined;
  }

  /** Remembers which calls are in progress (answered, held, dialled) until they end. */
  private track(e: ShellEvent): void {
    const taken = this.taken.get(e.profile) ?? new Set<string>();
    if (TAKES.has(e.kind) && e.ref !== undefined) {
      taken.add(e.ref);
      if (taken.size > MAX_OFFERS) taken.delete(taken.values().next().value!);
    } else if (ENDS.has(e.kind)) {
      if (e.ref === undefined) taken.clear();
      else taken.delete(e.ref);
    } else if (e.kind === 'agent.session' && e.loggedIn === false) taken.clear();
    this.taken.set(e.profile, taken);
  }
}
