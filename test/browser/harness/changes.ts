/**
 * Awaiting things the test process observes (binding calls, Socket.IO packets) without sleeping:
 * whoever records something calls notify(), and until() re-checks its condition then, with a
 * bounded timeout whose error says what was awaited and what was seen instead.
 */
export const DEFAULT_WAIT_MS = 10_000;

export class Changes {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  until<T>(check: () => T | undefined, what: string, seen: () => string = () => '', timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const timer = setTimeout(() => {
        done();
        const saw = seen();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${saw ? `; saw: ${saw}` : ''}`));
      }, timeoutMs);
      const listener = () => {
        try {
          const value = check();
          if (value === undefined) return;
          done();
          resolve(value);
        } catch (err) {
          done();
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      };
      this.listeners.add(listener);
    });
  }
}
