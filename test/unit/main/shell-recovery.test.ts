import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchShellRenderer } from '../../../src/main/runtime/shell-recovery';

function harness() {
  const contents = new EventEmitter();
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let now = 0;
  let nextId = 0;
  const reloads: number[] = [];
  watchShellRenderer(contents as never, {
    now: () => now,
    timers: { setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: ++nextId }), nextId), clearTimeout: (id) => void timers.splice(timers.findIndex((t) => t.id === id), 1) },
    reload: () => reloads.push(now),
    log: () => undefined,
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  const crash = () => contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
  return { contents, advance, crash, reloads };
}

describe('shell UI renderer recovery', () => {
  it('reloads after a crash, backing off, and never gives up', () => {
    const h = harness();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = h.reloads.length;
      h.crash();
      let waited = 0;
      while (h.reloads.length === before) {
        h.advance(500);
        waited += 500;
      }
      delays.push(waited);
    }
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
    expect(h.reloads).toHaveLength(8);
  });

  it('a clean exit is not a crash', () => {
    const h = harness();
    h.contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    h.advance(120_000);
    expect(h.reloads).toEqual([]);
  });
});
