// Electron tier entry (DESIGN.md §6): runs the _electron tests where an Electron binary exists,
// and otherwise prints one line saying why they did not run. Never downloads anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = join(import.meta.dirname, '../../node_modules/electron');
const pathFile = join(pkg, 'path.txt');
const binary = existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !existsSync(binary)) {
  console.log('electron tier: skipped, no Electron binary in node_modules/electron/dist (this machine cannot download it)');
  process.exit(0);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['playwright', 'test', '-c', 'test/electron'], { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_ELECTRON: binary } });
process.exit(run.status ?? 1);
