// Electron tier entry (DESIGN.md §6): runs the _electron tests where an Electron binary exists,
// and otherwise prints one line saying why they did not run. Never downloads anything.
// On Linux without a display the tests run under `xvfb-run -a` (Debian package `xvfb`).
// `node test/electron/run.mjs --binary` only answers whether there is a binary (its path, exit 0;
// else exit 1): .ci/run asks it before installing xvfb.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const pkg = join(import.meta.dirname, '../../node_modules/electron');
const pathFile = join(pkg, 'path.txt');
const found = existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const binary = found && existsSync(found) ? found : null;

if (process.argv.includes('--binary')) {
  if (binary) console.log(binary);
  process.exit(binary ? 0 : 1);
}
if (!binary) {
  console.log('electron tier: skipped, no Electron binary in node_modules/electron/dist (this machine cannot download it)');
  process.exit(0);
}

let command = ['npx', 'playwright', 'test', '-c', 'test/electron'];
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  const onPath = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'xvfb-run')));
  if (!onPath) {
    console.error('electron tier: no display (DISPLAY is unset) and no xvfb-run to make one; install xvfb (Debian: apt-get install xvfb) or run it in a desktop session');
    process.exit(1);
  }
  command = ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', ...command];
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_ELECTRON: binary } });
process.exit(run.status ?? 1);
