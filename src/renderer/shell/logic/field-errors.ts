/**
 * Validation issues → the form fields they belong to. Issues come from zod in this page
 * (SettingsSchema/ProfileSchema) and from main's SaveResult ("profiles.0.url" or
 * "profiles[0].url"); both end up keyed by jsonPath of the field ("profiles[0].allowedOrigins"),
 * with an issue about one line of a one-per-line list folded into its field as "Line 2: …".
 */
import { jsonPath } from '../../../shared/contract/issues';
import { plainError } from './plain-errors';

export type FieldErrors = Readonly<Record<string, readonly string[]>>;
export type IssuePath = readonly (string | number)[];

export interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** Fields edited as one entry per line, whose item issues name the line. */
const LINE_FIELDS = new Set(['allowedOrigins', 'authHosts']);

/** The key of the whole form (issues with an empty path). */
export const FORM_KEY = jsonPath([]);

/** "profiles[0].allowedOrigins[1]", "profiles.0.url", 'a["b c"]' → path segments (numbers as numbers). */
export function parseIssuePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(`"${m[2]}"`) as string);
    else if (m[3] !== undefined) out.push(/^\d+$/.test(m[3]) ? Number(m[3]) : m[3]);
  }
  return out;
}

const normalize = (path: readonly PropertyKey[]): (string | number)[] =>
  path.map((p) => (typeof p === 'number' ? p : typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : String(p)));

/** The field key an issue at `path` is shown at, and the message as shown there. */
export function placeIssue(path: readonly PropertyKey[], message: string): { key: string; message: string } {
  const segments = normalize(path);
  const last = segments.at(-1);
  const parent = segments.at(-2);
  // An item of a list field: shown at the list (but a whole profile, profiles[0], stays itself).
  if (typeof last === 'number' && segments.length >= 2 && parent !== 'profiles') {
    const prefix = typeof parent === 'string' && LINE_FIELDS.has(parent) ? `Line ${last + 1}: ` : '';
    return { key: jsonPath(segments.slice(0, -1)), message: `${prefix}${message}` };
  }
  return { key: jsonPath(segments), message };
}

export function collectErrors(issues: readonly PathIssue[]): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    // Shown in the agent's words, with the fix (plain-errors.ts); the contract's text stays for logs and IT.
    const { key, message } = placeIssue(issue.path, message0(plainError(issue.message)));
    (out[key] ??= []).push(message);
  }
  return out;
}

const message0 = (m: string): string => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * Main's issues, whose profile segment may be an index or (like lock paths) a profile id:
 * ids are turned into the index the form shows that profile at.
 */
export function fromSaveIssues(issues: readonly { path: string; message: string }[], profileIds: readonly string[]): FieldErrors {
  return collectErrors(
    issues.map((issue) => {
      const path = parseIssuePath(issue.path);
      if (path[0] === 'profiles' && typeof path[1] === 'string') {
        const index = profileIds.indexOf(path[1]);
        if (index >= 0) path[1] = index;
      }
      return { path, message: issue.message };
    }),
  );
}

export const errorsAt = (errors: FieldErrors, path: IssuePath): readonly string[] => errors[jsonPath(path)] ?? [];

/** Whether any error is at `path` or below it (a profile card opens itself when one is). */
export function hasErrorsUnder(errors: FieldErrors, path: IssuePath): boolean {
  const key = jsonPath(path);
  return Object.keys(errors).some((k) => k === key || k.startsWith(`${key}.`) || k.startsWith(`${key}[`));
}

export function errorCount(errors: FieldErrors): number {
  return Object.values(errors).reduce((n, list) => n + list.length, 0);
}

/** The errors `shown` does not place at a field, as "where: what" (for the summary by the Save button). */
export function otherErrorLines(errors: FieldErrors, shown: (key: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shown(key))
    .flatMap(([key, list]) => list.map((m) => (key === FORM_KEY ? m : `${key}: ${m}`)));
}
