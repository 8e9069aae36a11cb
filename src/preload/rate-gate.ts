/**
 * The bridge's rate caps, per one-second slot. A vendor page looping on postMessage must not
 * starve main, and a flood of one event must not crowd out another:
 *   - each event name (as the vendor's adapter reads it: shared/vendors/event-name.ts) gets a
 *     fifth of the overall cap, so a flood of one kind leaves room for four others;
 *   - rings (names the adapter maps to interaction.offered) have their own budget, outside the
 *     overall cap, so no flood of anything else — however many kinds it spreads over, however it
 *     dresses its envelope — can keep a ring from the agent. A flood of rings is capped by that
 *     budget alone.
 * Returns null when the message may pass, else the reason it may not.
 */
export interface RateGate {
  admit(now: number, name: string, offer: boolean): string | null;
  readonly kindCap: number;
  readonly ringCap: number;
}

/** Distinct names tracked per slot; names beyond it share the overall cap only. */
const MAX_TRACKED_NAMES = 1024;

export function createRateGate(maxPerSecond: number): RateGate {
  const kindCap = Math.max(1, Math.floor(maxPerSecond / 5));
  const ringCap = kindCap;
  let slot = -1;
  let inSlot = 0;
  let ringsInSlot = 0;
  const perName = new Map<string, number>();
  const overall = `more than ${maxPerSecond} messages per second, or ${kindCap} of one kind`;
  const rings = `more than ${ringCap} ring messages per second`;
  return {
    kindCap,
    ringCap,
    admit(now, name, offer) {
      const s = Math.floor(now / 1000);
      if (s !== slot) {
        slot = s;
        inSlot = 0;
        ringsInSlot = 0;
        perName.clear();
      }
      if (offer) return ++ringsInSlot <= ringCap ? null : rings;
      const n = (perName.get(name) ?? 0) + 1;
      if (perName.size < MAX_TRACKED_NAMES || perName.has(name)) perName.set(name, n);
      return n <= kindCap && ++inSlot <= maxPerSecond ? null : overall;
    },
  };
}
