/**
 * Every vendor case in test/fixtures/replay/cases replays without a refused line unless its
 * expected file says so, and yields the kinds its .expected.txt lists (one line per captured
 * line, kinds comma-separated, "-" for a refused line). The vendor tests assert what each case
 * means for the agent (toasts, refs, parties); this keeps the fixtures and the replay honest.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayCase } from '../support/replay-case';

const DIR = new URL('../fixtures/replay/cases/', import.meta.url);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));

describe('replay cases', () => {
  it('the folder is not empty', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: every line names its source and yields the expected kinds', (name) => {
    const expectedFile = new URL(`${name}.expected.txt`, DIR);
    expect(existsSync(expectedFile), `${name}.expected.txt exists`).toBe(true);
    const expected = readFileSync(expectedFile, 'utf8').replace(/\n$/, '').split('\n');
    const run = replayCase(name);
    expect(run.lines.map((l) => (l.accepted ? l.events.map((e) => e.kind).join(',') : '-'))).toEqual(expected);
  });
});
