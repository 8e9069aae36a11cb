/**
 * The replay CLI's line reader (src/cli/replay-lines.ts): lines split on raw bytes, decoded whole,
 * with a cap past which a line's bytes are counted and dropped instead of kept.
 */
import { describe, expect, it } from 'vitest';
import { readCappedLines, type InputLine } from '../../src/cli/replay-lines';

async function lines(chunks: Array<string | Buffer>, max?: number): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const line of readCappedLines((async function* () { yield* chunks; })(), max)) out.push(line);
  return out;
}

describe('replay line reader', () => {
  it('splits on newlines across chunks, keeps empty lines, ends CRLF lines, counts a last line without newline', async () => {
    expect(await lines(['a\nb', 'c\r\n\nd'])).toEqual([{ text: 'a' }, { text: 'bc' }, { text: '' }, { text: 'd' }]);
    expect(await lines(['a\n'])).toEqual([{ text: 'a' }]);
    expect(await lines([])).toEqual([]);
  });

  it('a character split across two chunks is decoded whole', async () => {
    const bytes = Buffer.from('☎ +1 650\n', 'utf8');
    expect(await lines([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)])).toEqual([{ text: '☎ +1 650' }]);
  });

  it('a line over the cap is reported with its byte count, and the lines around it are read', async () => {
    expect(await lines(['ok\n', 'x'.repeat(6), 'x'.repeat(6), '\nnext\n'], 10)).toEqual([{ text: 'ok' }, { overlongBytes: 12 }, { text: 'next' }]);
    expect(await lines(['x'.repeat(10), '\n'], 10)).toEqual([{ text: 'x'.repeat(10) }]);
  });
});
