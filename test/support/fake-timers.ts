/**
 * setTimeout/clearTimeout on a clock the test moves: advance() runs every timer due by then, in
 * order, each at its own time; sleep() is a machine that slept (time passes, no timer runs, then
 * the overdue ones run late). Fits runtime/view-resilience.ts and runtime/liveness.ts timers.
 */
export class FakeTimers {
  time = 0;
  private nextId = 1;
  readonly pending = new Map<number, { at: number; run: () => void }>();

  setTimeout(run: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + ms, run });
    return id;
  }

  clearTimeout(id: number): void {
    this.pending.delete(id);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }

  sleep(ms: number): void {
    const pending = [...this.pending.values()];
    this.time += ms;
    for (const t of pending) t.at = Math.max(t.at, this.time);
  }
}
