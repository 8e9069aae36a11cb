/**
 * Turns zod issues into the plain "where: what" lines users and support staff read, e.g.
 * `profiles[0].allowedOrigins[1]: "http://x" is not a serialized origin …`.
 */
import type { z } from 'zod';

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(top level)';
}

export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`);
}

export function describeZodError(error: z.ZodError, max = 5): string {
  const lines = issueLines(error);
  const shown = lines.slice(0, max).join('; ');
  return lines.length > max ? `${shown}; and ${lines.length - max} more` : shown;
}
