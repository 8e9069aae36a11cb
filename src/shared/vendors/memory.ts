/**
 * What an adapter remembers about one profile's traffic between captures. Vendors describe one
 * call in several messages that only make sense together (RingCentral links a web-phone ring to
 * its telephony session; ExpertFlow closes an offer by conversation id; Engage re-sends a task it
 * already announced), so `normalize` is pure given (capture, memory) rather than given the capture
 * alone. The pipeline owns one AdapterMemory per profile, so replaying a day's log rebuilds the
 * same memory in the same order and yields the same events.
 *
 * Each adapter declares its own typed slots; nothing else can read them. An adapter must bound
 * what it keeps (every slot here lives as long as the app runs).
 */
export interface MemorySlot<T> {
  readonly name: string;
  create(): T;
}

export function memorySlot<T>(name: string, create: () => T): MemorySlot<T> {
  return { name, create };
}

export class AdapterMemory {
  private readonly slots = new Map<MemorySlot<unknown>, unknown>();

  /** The slot's value for this profile, created on first use. */
  get<T>(slot: MemorySlot<T>): T {
    if (this.slots.has(slot)) return this.slots.get(slot) as T;
    const value = slot.create();
    this.slots.set(slot, value);
    return value;
  }
}

/**
 * Insertion-ordered map that forgets its oldest entry beyond `max`: what adapters use to remember
 * calls and tasks without growing for a whole shift.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (super.has(key)) super.delete(key);
    super.set(key, value);
    while (this.size > this.max) super.delete(this.keys().next().value as K);
    return this;
  }
}
