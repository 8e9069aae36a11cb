import { describe, expect, it } from 'vitest';
import { callsAtRisk, createQuitGuard, quitQuestion } from '../../../src/main/app/quit-guard';

const names: Record<string, string> = { sales: 'Sales US', chat: 'Digital desk', idle: 'Back office' };

describe('callsAtRisk', () => {
  it('names every profile with a ringing or connected call, and no other', () => {
    const lines = callsAtRisk(
      [
        { profile: 'sales', agentState: 'busy', state: 'on-call' },
        { profile: 'chat', agentState: 'available', state: 'ringing' },
        { profile: 'idle', agentState: 'wrap-up', state: 'wrap-up' },
      ],
      (id) => names[id] ?? id,
    );
    expect(lines).toEqual(['Sales US: a call is under way', 'Digital desk: a call is ringing']);
    expect(quitQuestion(lines).message).toBe('2 calls are still active. Quit Switchboard?');
    expect(quitQuestion(lines.slice(0, 1)).detail).toBe('Sales US: a call is under way\n\nQuitting closes the softphone: the call may drop.');
  });
});

describe('createQuitGuard', () => {
  function setup(calls: string[]) {
    const asked: string[][] = [];
    let answer!: (quit: boolean) => void;
    let quits = 0;
    const guard = createQuitGuard({
      calls: () => calls,
      ask: (c) => {
        asked.push(c);
        return new Promise((resolve) => (answer = resolve));
      },
      quit: () => quits++,
      log: () => undefined,
    });
    return { guard, asked, answer: (q: boolean) => answer(q), quits: () => quits };
  }

  it('lets a quit through at once when no call is active', () => {
    const { guard, asked } = setup([]);
    expect(guard.holds()).toBe(false);
    expect(asked).toEqual([]);
  });

  it('holds a quit during a call, asks once however often quit is pressed, and stays when told to', async () => {
    const { guard, asked, answer, quits } = setup(['Sales US: a call is under way']);
    expect(guard.holds()).toBe(true);
    expect(guard.holds()).toBe(true);
    expect(asked).toHaveLength(1);
    answer(false);
    await Promise.resolve();
    expect(quits()).toBe(0);
    expect(guard.holds(), 'a later quit asks again').toBe(true);
    expect(asked).toHaveLength(2);
  });

  it('quits when the agent says so, and that quit is not held again', async () => {
    const { guard, answer, quits } = setup(['Sales US: a call is under way']);
    guard.holds();
    answer(true);
    await Promise.resolve();
    expect(quits()).toBe(1);
    expect(guard.holds()).toBe(false);
  });
});
