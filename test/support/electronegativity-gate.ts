/**
 * The security scan gate: @doyensec/electronegativity through its programmatic API, pinned to
 * our Electron version. Its CLI exits 0 and skips unparsable files silently, so the gate reads
 * the result itself and fails on:
 * - any HIGH finding (never allow-listed);
 * - any MEDIUM finding at a use (OPEN_EXTERNAL_JS_CHECK, PROTOCOL_HANDLER_JS_CHECK, …) that is not
 *   allow-listed next to it, with a reason, by a comment on its own line or on the line above:
 *       // electronegativity-allow OPEN_EXTERNAL_JS_CHECK: why this use is safe
 * - an allow comment with no reason, or one that matches no finding (it went stale: the code it
 *   excused moved or is gone, and it must not excuse whatever lands there next);
 * - any file it could not parse.
 * docs/security.md says which uses are listed and why.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Finding {
  id: string;
  file: string;
  severity?: { name: string };
  location?: { line: number; column: number };
  description?: string;
}
interface ScanResult {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}
type Run = (options: Record<string, unknown>, forCli?: boolean) => Promise<ScanResult>;

/** One allow comment: which finding it excuses, on which line, and why. */
export interface AllowEntry {
  file: string;
  /** The line of the comment (1-based). */
  line: number;
  /** The code line it excuses: its own line when code precedes it there, else the next code line. */
  target: number;
  id: string;
  reason: string;
}

export interface GateResult {
  high: Finding[];
  /** MEDIUM findings at a use in a file that no allow comment excuses. */
  unlisted: Finding[];
  /**
   * MEDIUM and HIGH findings about the whole app (file "N/A": no CSP anywhere, no permission
   * handler anywhere): nothing to allow-list; src must have none, partial fixtures do.
   */
  global: Finding[];
  /** Allow comments that excuse no finding, or give no reason. */
  badAllows: Array<AllowEntry & { problem: string }>;
  /** The allow comments that matched a finding. */
  allowed: AllowEntry[];
  unparsable: ScanResult['errors'];
  issues: Finding[];
}

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const ALLOW = /\/\/\s*electronegativity-allow\s+([A-Z_]+)\s*(?::\s*(.*))?$/;
/** Reasons shorter than this say nothing ("ok", "safe"). */
const MIN_REASON = 12;

export function pinnedElectronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies.electron!.replace(/^[^\d]*/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every allow comment under `input`, with file names relative to it (as the scanner reports them). */
export function readAllowList(input: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const path of sourceFiles(input)) {
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((text, i) => {
      const match = ALLOW.exec(text);
      if (!match) return;
      const before = text.slice(0, match.index).trim();
      let target = i;
      if (before === '') {
        target = i + 1;
        while (target < lines.length && (lines[target]!.trim() === '' || lines[target]!.trim().startsWith('//'))) target++;
      }
      entries.push({ file: relative(input, path), line: i + 1, target: target + 1, id: match[1]!, reason: (match[2] ?? '').trim() });
    });
  }
  return entries;
}

export async function scan(input: string): Promise<GateResult> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  const result = await run({ input, electronVersionOverride: pinnedElectronVersion(), isRelative: true, parserPlugins: [] }, false);
  const allows = readAllowList(input);
  const used = new Set<AllowEntry>();
  const unlisted: Finding[] = [];
  const isGlobal = (i: Finding) => i.file === 'N/A';
  for (const finding of result.issues.filter((i) => i.severity?.name === 'MEDIUM' && !isGlobal(i))) {
    const entry = allows.find((a) => a.file === finding.file && a.id === finding.id && a.target === finding.location?.line && a.reason.length >= MIN_REASON);
    if (entry) used.add(entry);
    else unlisted.push(finding);
  }
  const badAllows = allows
    .filter((a) => !used.has(a))
    .map((a) => ({ ...a, problem: a.reason.length < MIN_REASON ? `no reason given (at least ${MIN_REASON} characters)` : `no ${a.id} finding on line ${a.target}: the allow comment is stale` }));
  return {
    high: result.issues.filter((i) => i.severity?.name === 'HIGH'),
    unlisted,
    global: result.issues.filter((i) => isGlobal(i) && (i.severity?.name === 'MEDIUM' || i.severity?.name === 'HIGH')),
    badAllows,
    allowed: [...used],
    unparsable: result.errors,
    issues: result.issues,
  };
}
