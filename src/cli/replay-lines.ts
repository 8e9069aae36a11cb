/**
 * Lines of a replay input, read from raw chunks with a length cap. readline would build each line
 * as one string first: a 600 MB line exceeds V8's longest string and stops the whole run, and even
 * a smaller one costs its size in memory. Here a line is kept only while it fits under the cap;
 * past it, its bytes are counted and dropped until the next newline, and the line is reported as
 * too long instead of being parsed.
 */

/** A captured message is at most 64 KiB (core/measure.ts); escaped as JSON, a replay line a few times that. */
export const MAX_LINE_BYTES = 1024 * 1024;

export type InputLine = { text: string } | { overlongBytes: number };

export async function* readCappedLines(input: AsyncIterable<Buffer | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let bytes = 0;
  let overlong = false;
  const finish = (): InputLine => {
    const line: InputLine = overlong ? { overlongBytes: bytes } : { text: decode(parts) };
    parts = [];
    bytes = 0;
    overlong = false;
    return line;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start < buf.length) {
      const newline = buf.indexOf(0x0a, start);
      const end = newline < 0 ? buf.length : newline;
      if (!overlong && bytes + (end - start) > maxBytes) {
        overlong = true;
        parts = [];
      }
      // Copied: a slice would keep the whole chunk alive for as long as the line is pending.
      if (!overlong && end > start) parts.push(Buffer.from(buf.subarray(start, end)));
      bytes += end - start;
      if (newline < 0) break;
      yield finish();
      start = newline + 1;
    }
  }
  // A last line without a newline still counts (as readline has it); a trailing newline adds none.
  if (bytes > 0) yield finish();
}

/** Decoded only once the line is whole, so a character split across chunks stays whole; CRLF ends a line too. */
function decode(parts: Buffer[]): string {
  const text = Buffer.concat(parts).toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

export function overlongReason(bytes: number, maxBytes = MAX_LINE_BYTES): string {
  return `line is ${bytes} bytes long, over the ${maxBytes / 1024 / 1024} MiB line limit: skipped without reading it (a captured message is at most 64 KiB)`;
}
