/**
 * The ring notifications that are up, per profile and ref (no ref: the profile's unnamed ring).
 * decide.ts adds one per ring toast and removes it when anything else happens to the call; the
 * pipeline's tick closes those no vendor event ever ended, so no ring toast outlives its ring
 * whatever a vendor sends or fails to send.
 */
import type { Media } from '../contract/shell-event';

export interface RingEntry {
  profile: string;
  ref: string | undefined;
  /** Capture time the toast went up. */
  since: number;
  /** What the toast says, so a later event of the same ring can tell whether it adds anything. */
  title: string;
  media: Media | undefined;
}

const MAX_RINGING = 256;

export class RingBook {
  private readonly entries = new Map<string, RingEntry>();

  private static key(profile: string, ref: string | undefined): string {
    return `${profile}\u0000${ref ?? ''}`;
  }

  get(profile: string, ref: string | undefined): RingEntry | undefined {
    return this.entries.get(RingBook.key(profile, ref));
  }

  add(entry: RingEntry): void {
    const key = RingBook.key(entry.profile, entry.ref);
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_RINGING) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Removes and returns the entry, if one was up. */
  take(profile: string, ref: string | undefined): RingEntry | undefined {
    const key = RingBook.key(profile, ref);
    const entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    return entry;
  }

  /** Removes and returns every ring up for at least `timeoutMs` at `now`. */
  expire(now: number, timeoutMs: number): RingEntry[] {
    const expired: RingEntry[] = [];
    for (const [key, entry] of this.entries) {
      if (now - entry.since < timeoutMs) continue;
      this.entries.delete(key);
      expired.push(entry);
    }
    return expired;
  }

  get size(): number {
    return this.entries.size;
  }
}
