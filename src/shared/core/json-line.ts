/**
 * One JSON value per line, safe for any line-based reader. JSON.stringify leaves U+2028, U+2029,
 * U+0085 (NEL) and the other C1 controls (U+0080–U+009F) raw inside strings, which JSON allows,
 * but editors, log shippers and Python's str.splitlines() end a line there and cut the record in
 * two. They can only occur inside JSON strings (JSON's own whitespace is space, tab, CR and LF), so
 * replacing each with its \uXXXX escape keeps the same JSON value and leaves "\n" the only line end.
 */

const LINE_BREAKERS = /[\u0080-\u009f\u2028\u2029]/g;

const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `json` is JSON text (one or more complete values, newlines included); returns it escaped. */
export function escapeLineBreakers(json: string): string {
  return json.replace(LINE_BREAKERS, escape);
}

/** JSON.stringify(value) as one line: the characters above escaped, then '\n'. */
export function jsonLine(value: unknown): string {
  return `${escapeLineBreakers(JSON.stringify(value))}\n`;
}
