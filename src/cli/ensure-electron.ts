/**
 * `npm start` runs this before electron-vite: `tsx src/cli/ensure-electron.ts [--electron-dir DIR]`
 *
 * Since Electron 42 the `electron` npm package downloads its binary lazily, and nothing in
 * `npm install && npm start` triggers that, so electron-vite would stop with "Electron uninstall".
 * Binary present (checked as node_modules/electron/install.js `isInstalled()` does): nothing to do.
 * Missing: run the package's own installer (what its `install-electron` bin runs). That failing:
 * say what is needed, from where and how to retry, and exit 1 so electron-vite never starts.
 *
 * --electron-dir  the electron package directory (default: the one Node resolves from here);
 *                 the tests point it at fake packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const env = process.env;
const GITHUB_RELEASES = 'https://github.com/electron/electron/releases/download/';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

/** install.js getPlatformPath(): the executable inside dist/. */
function platformPath(): string | null {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return 'electron';
  return platform === 'win32' ? 'electron.exe' : null;
}

const readText = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);

/** install.js isInstalled(): dist/version is this version, path.txt names this platform's executable, and it exists. */
function isInstalled(dir: string, version: string): boolean {
  const exe = platformPath();
  if (readText(join(dir, 'dist', 'version'))?.replace(/^v/, '') !== version) return false;
  if (exe === null || readText(join(dir, 'path.txt')) !== exe) return false;
  return existsSync(env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist', exe));
}

/** Where @electron/get fetches this version from (its mirror variables, in its order). */
function downloadSource(version: string): { url: string; via: string } {
  const names = ['npm_config_electron_mirror', 'NPM_CONFIG_ELECTRON_MIRROR', 'npm_package_config_electron_mirror', 'ELECTRON_MIRROR'];
  const name = names.find((n) => env[n]);
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const nodeArch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const arch = nodeArch === 'arm' ? 'armv7l' : nodeArch;
  const file = `electron-v${version}-${platform}-${arch}.zip`;
  return { url: `${name ? env[name] : GITHUB_RELEASES}v${version}/${file}`, via: name ? `the mirror in ${name}` : 'GitHub releases' };
}

/** The installer's own error: its stderr without stack frames (install.js prints `err.stack`). */
function errorLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !/^\s+at /.test(l));
  return lines.slice(-5).map((l) => l.trimEnd());
}

/** One line when the installer said one thing, else its lines indented below the heading. */
const installerLines = (heading: string, why: string[]): string[] => (why.length === 1 ? [`${heading} ${why[0]}`] : [heading, ...why.map((l) => `    ${l}`)]);

const DEFAULT_CACHE: Partial<Record<NodeJS.Platform, string>> = {
  linux: '~/.cache/electron',
  darwin: '~/Library/Caches/electron',
  win32: '%LOCALAPPDATA%\\electron\\Cache',
};

const { values } = parseArgs({ options: { 'electron-dir': { type: 'string' } } });
let dir = values['electron-dir'];
try {
  dir ??= dirname(createRequire(import.meta.url).resolve('electron/package.json'));
} catch {
  fail(['npm start: the electron package is not installed; run `npm install` first.']);
}
const pkgFile = join(dir, 'package.json');
const version = existsSync(pkgFile) ? (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version?: unknown }).version : undefined;
if (typeof version !== 'string') fail([`npm start: no electron package at ${dir}; run \`npm install\` first.`]);

// electron-vite's own override: it runs that file and never looks at the package's dist/.
if (env.ELECTRON_EXEC_PATH) {
  if (existsSync(env.ELECTRON_EXEC_PATH)) process.exit(0);
  fail([`npm start: ELECTRON_EXEC_PATH is set to ${env.ELECTRON_EXEC_PATH}, which does not exist.`]);
}
if (isInstalled(dir, version)) process.exit(0);

const shown = (file: string): string => relative(process.cwd(), file) || file;
const installer = join(dir, 'install.js');
const source = downloadSource(version);
console.log(`npm start: the Electron ${version} binary is not installed yet; downloading it once (${shown(installer)}) from ${source.url}`);
const run = spawnSync(process.execPath, [installer], { cwd: dir, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (run.status === 0 && isInstalled(dir, version)) {
  if (run.stderr) process.stderr.write(run.stderr);
  console.log(`npm start: Electron ${version} installed.`);
  process.exit(0);
}

const expected = env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist', platformPath() ?? '(no Electron build for this platform)');
const why = run.error
  ? [run.error.message]
  : run.status === 0
    ? [`it exited without installing ${expected}`]
    : errorLines(run.stderr ?? '').concat(run.signal ? [`killed by ${run.signal}`] : []);
const cache = DEFAULT_CACHE[process.platform];
fail([
  `npm start: cannot start, the Electron binary is missing and its installer could not download it.`,
  `  needed:    Electron ${version} (the version in ${shown(pkgFile)})`,
  `  from:      ${source.url} (${source.via})`,
  ...installerLines(`  installer: node ${shown(installer)} failed:`, why.length ? why : [`exit status ${run.status}`]),
  `To retry, run \`npm start\` again with one of:`,
  `  - network access to github.com (Electron's GitHub releases)`,
  `  - ELECTRON_MIRROR=<URL of a mirror of Electron's releases, ending in />`,
  `  - electron_config_cache=<folder>: an Electron download cache copied from a machine that has downloaded Electron ${version}${cache ? ` (default ${cache})` : ''}`,
  `  - ELECTRON_EXEC_PATH=<an Electron ${version} executable you already have>`,
  `\`npm test\` does not need the Electron binary.`,
]);
