/** Where the app tier finds the repository, the built app and the built model. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'switchboard') return dir;
    if (dirname(dir) === dir) throw new Error(`not inside the switchboard repository: ${from}`);
  }
}

export const ROOT = findRoot(process.cwd());
export const MAIN_ENTRY = join(ROOT, 'out/main/index.js');
export const MODEL_BOOT = join(ROOT, 'out/app-model/boot.mjs');
export const ARTIFACTS = join(ROOT, 'test-results/app');
