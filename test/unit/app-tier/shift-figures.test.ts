/** The long shift's rule for "main stayed flat" (test/app/harness/shift-figures.ts), on made-up hours. */
import { describe, expect, it } from 'vitest';
import { judgeFlat, type HourSample } from '../../app/harness/shift-figures';

const MB = 1024 * 1024;

function hours(heapMb: (hour: number) => number, listeners: (hour: number) => number = () => 42): HourSample[] {
  return Array.from({ length: 11 }, (_, hour) => ({
    hour,
    simAt: hour * 3600,
    heapUsed: heapMb(hour) * MB,
    listenersTotal: listeners(hour),
    listeners: { app: listeners(hour) },
    resources: { Timeout: 2 },
  })) as unknown as HourSample[];
}

describe('judgeFlat', () => {
  it('a flat shift passes, also with one hour sampled mid-work (+1.2 MB, as a CI run saw)', () => {
    expect(judgeFlat(hours(() => 17.1))).toEqual([]);
    expect(judgeFlat(hours((h) => (h === 5 ? 18.3 : 17.1)))).toEqual([]);
  });

  it('a leak of 1 KB per ring and chat (240 KB an hour) fails', () => {
    expect(judgeFlat(hours((h) => 17 + (h * 240) / 1024))).toContainEqual(expect.stringMatching(/^heap rises: median/));
  });

  it('a burst above hour 1 by more than 2 MB fails', () => {
    expect(judgeFlat(hours((h) => (h === 7 ? 19.5 : 17.1)))).toEqual(['hour 7: heap 19.50 MB, 17.10 MB at hour 1']);
  });

  it('one listener more per ring fails at hour 2', () => {
    expect(judgeFlat(hours(() => 17.1, (h) => 42 + Math.max(0, h - 1) * 60))[0]).toBe('hour 2: 102 listeners on app, 42 at hour 1');
  });
});
