/**
 * Remembers event fingerprints for a time window so the same vendor event for the same ref is
 * acted on once (RC fires call events in every tab; AICC may repeat alerts). Bounded: when full,
 * the oldest entries go first, so a flood cannot grow memory.
 *
 * Expiry walks a FIFO of (key, time) rather than iterating the Map: iterating a Map from its head
 * after many deletions has to skip their tombstones, which made every check O(deleted entries).
 */
export class DedupeWindow {
  private readonly seen = new Map<string, number>();
  /** Oldest first; a slot is cleared once its key leaves the window, so the string can go. */
  private keys: Array<string | undefined> = [];
  private times: number[] = [];
  private head = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** True when `key` was seen less than windowMs before `at`; records `at` when it was not. */
  check(key: string, at: number): boolean {
    const last = this.seen.get(key);
    if (last !== undefined && at - last >= 0 && at - last < this.windowMs) return true;
    this.seen.set(key, at);
    this.keys.push(key);
    this.times.push(at);
    this.evict(at);
    return false;
  }

  get size(): number {
    return this.seen.size;
  }

  /** How many key strings the FIFO still references (tests: nothing expired is held). */
  get held(): number {
    return this.keys.reduce((n, key) => (key === undefined ? n : n + 1), 0);
  }

  private evict(now: number): void {
    while (this.head < this.keys.length) {
      const at = this.times[this.head]!;
      if (this.seen.size <= this.maxEntries && now - at < this.windowMs) break;
      const key = this.keys[this.head]!;
      // Only the newest sighting of a key owns it; older queue entries for it are stale.
      if (this.seen.get(key) === at) this.seen.delete(key);
      // Let the string go now, not at the next compaction (up to 4096 keys later): a key is an
      // event's fingerprint, a chat's text included, and a shift sees thousands of them.
      this.keys[this.head] = undefined;
      this.head++;
    }
    if (this.head > 4096 && this.head * 2 > this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
