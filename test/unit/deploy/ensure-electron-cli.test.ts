/**
 * `npm start`'s first step (issue 10): src/cli/ensure-electron.ts as a real child process against
 * fake electron packages (path.txt, dist/version, the executable, a fake install.js), and the
 * start script itself. Nothing here downloads anything or loads the real `electron` package.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const TSX = import.meta.resolve('tsx');
const VERSION = '45.4.1';
/** install.js getPlatformPath() for this machine. */
const EXE = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

async function ensureElectron(dir: string, extraEnv: Record<string, string> = {}): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  // vitest.config.ts sets ELECTRON_OVERRIDE_DIST_PATH for every test; these variables change
  // where the script looks or downloads from, so each test says which ones it wants.
  for (const name of ['ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_EXEC_PATH', 'ELECTRON_MIRROR', 'npm_config_electron_mirror', 'electron_config_cache']) {
    if (!(name in extraEnv)) delete env[name];
  }
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/ensure-electron.ts'), '--electron-dir', dir], { cwd: dir, env });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** What install.js leaves behind: dist/version, path.txt and the executable. */
const INSTALL_FILES = `
  const fs = require('fs'), path = require('path');
  fs.mkdirSync(path.join(__dirname, 'dist', path.dirname(${JSON.stringify(EXE)})), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'dist', 'version'), ${JSON.stringify(VERSION)});
  fs.writeFileSync(path.join(__dirname, 'dist', ${JSON.stringify(EXE)}), '#!/bin/sh\\n', { mode: 0o755 });
  fs.writeFileSync(path.join(__dirname, 'path.txt'), ${JSON.stringify(EXE)});
`;

/**
 * A fake electron package: its package.json and an install.js running `installer` (CommonJS, as
 * the real one) after recording that it ran; `installed` also writes the installed files.
 */
function fakeElectron(opts: { installed?: boolean; installer: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-electron-'));
  write(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION, main: 'index.js' }));
  write(join(dir, 'install.js'), `require('fs').writeFileSync(require('path').join(__dirname, 'installer-ran'), '');\n${opts.installer}\n`);
  if (opts.installed) {
    write(join(dir, 'dist', 'version'), VERSION);
    write(join(dir, 'path.txt'), EXE);
    write(join(dir, 'dist', EXE), '#!/bin/sh\n');
    chmodSync(join(dir, 'dist', EXE), 0o755);
  }
  return dir;
}

const installerRan = (dir: string): boolean => existsSync(join(dir, 'installer-ran'));

/** As install.js reports a failed download: the error's stack on stderr, exit 1. */
const FAILING_INSTALLER = `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async downloadArtifact (file:///x/index.js:154:12)'); process.exit(1);`;

describe('ensure-electron: the binary is present', () => {
  it('exits 0 at once, prints nothing and does not run the installer', async () => {
    const dir = fakeElectron({ installed: true, installer: 'process.exit(1);' });
    expect(await ensureElectron(dir)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(installerRan(dir)).toBe(false);
  });

  it('respects ELECTRON_OVERRIDE_DIST_PATH as install.js does: the binary lives there', async () => {
    const dir = fakeElectron({ installer: 'process.exit(1);' });
    write(join(dir, 'dist', 'version'), VERSION);
    write(join(dir, 'path.txt'), EXE);
    const elsewhere = mkdtempSync(join(tmpdir(), 'electron-dist-'));
    expect(await ensureElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toMatchObject({ code: 0, stdout: '' });
    expect(installerRan(dir)).toBe(false);
  });
});

describe('ensure-electron: the binary is missing', () => {
  it('runs the package\'s installer and exits 0 once it has installed the binary', async () => {
    const dir = fakeElectron({ installer: INSTALL_FILES });
    const { code, stdout } = await ensureElectron(dir);
    expect(installerRan(dir)).toBe(true);
    expect(code).toBe(0);
    expect(stdout).toContain(`Electron ${VERSION} installed.`);
    expect(readFileSync(join(dir, 'path.txt'), 'utf8')).toBe(EXE);
  });

  it('a dist/ of another version is not the binary: the installer runs', async () => {
    const dir = fakeElectron({ installed: true, installer: INSTALL_FILES });
    write(join(dir, 'dist', 'version'), 'v44.0.0');
    expect((await ensureElectron(dir)).code).toBe(0);
    expect(installerRan(dir)).toBe(true);
  });

  it('the installer failing: exit 1 with the version, the source, the installer\'s error and how to retry', async () => {
    const dir = fakeElectron({ installer: FAILING_INSTALLER });
    const { code, stderr } = await ensureElectron(dir);
    expect(installerRan(dir)).toBe(true);
    expect(code).toBe(1);
    expect(stderr).toContain(`Electron ${VERSION} (the version in package.json)`);
    const zip = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;
    expect(stderr).toContain(`from:      https://github.com/electron/electron/releases/download/v${VERSION}/${zip} (GitHub releases)`);
    expect(stderr).toContain('install.js failed: TypeError: fetch failed');
    expect(stderr).not.toContain('    at ');
    expect(stderr).toContain('ELECTRON_MIRROR=');
    expect(stderr).toContain('electron_config_cache=');
    expect(stderr).toContain('`npm test` does not need the Electron binary.');
  });

  it('names the mirror in ELECTRON_MIRROR as the source when one is set', async () => {
    const dir = fakeElectron({ installer: FAILING_INSTALLER });
    const { code, stderr } = await ensureElectron(dir, { ELECTRON_MIRROR: 'http://127.0.0.1:9/electron/' });
    expect(code).toBe(1);
    expect(stderr).toContain(`from:      http://127.0.0.1:9/electron/v${VERSION}/electron-v${VERSION}-`);
    expect(stderr).toContain('(the mirror in ELECTRON_MIRROR)');
  });

  it('an installer that exits 0 without installing is a failure too', async () => {
    const dir = fakeElectron({ installer: '' });
    const { code, stderr } = await ensureElectron(dir);
    expect(code).toBe(1);
    expect(stderr).toContain(`install.js failed: it exited without installing ${join(dir, 'dist', EXE)}`);
  });
});

describe('npm start', () => {
  it('makes sure of the Electron binary before electron-vite builds and previews', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start!.split('&&').map((step) => step.trim())).toEqual(['tsx src/cli/ensure-electron.ts', 'electron-vite build', 'electron-vite preview']);
  });
});

describe('npm run dev', () => {
  // Main serves the shell UI only from the built files through app:// (src/main/app/sessions.ts),
  // so electron-vite's dev server would start and never be used: no script may pretend otherwise.
  it('is not offered: no script starts electron-vite\'s dev server', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dev).toBeUndefined();
    expect(Object.entries(pkg.scripts).filter(([, command]) => /electron-vite\s+dev\b/.test(command))).toEqual([]);
  });
});
