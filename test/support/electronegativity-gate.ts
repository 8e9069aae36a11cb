/**
 * The security scan gate (issue 7): @doyensec/electronegativity through its programmatic API,
 * pinned to our Electron version. Its CLI exits 0 and skips unparsable files silently, so the
 * gate reads the result itself: any HIGH finding or any file it could not parse fails.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Finding {
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

const ROOT = join(import.meta.dirname, '../..');

export function pinnedElectronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies.electron!.replace(/^[^\d]*/, '');
}

export async function scan(input: string): Promise<{ high: Finding[]; unparsable: ScanResult['errors']; issues: Finding[] }> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  const result = await run({ input, electronVersionOverride: pinnedElectronVersion(), isRelative: true, parserPlugins: [] }, false);
  return {
    high: result.issues.filter((i) => i.severity?.name === 'HIGH'),
    unparsable: result.errors,
    issues: result.issues,
  };
}
