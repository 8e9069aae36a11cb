/**
 * esbuild builds of the code the browser tier injects or serves, made once per process: the
 * capture bridge (bridge-entry.ts, iife for an isolated world), the demo softphone page script,
 * and the source text of installSocketTap as Electron's executeInMainWorld would serialize it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import type { CaptureConfig } from '../../../src/shared/ipc/capture-protocol';
import { CONFIG_CONSTANT } from './names';

/** The repository root (npm scripts and Playwright both run from it or below it). */
export const ROOT = findRoot(process.cwd());

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'switchboard') return dir;
    if (path.dirname(dir) === dir) throw new Error(`not inside the switchboard repository: ${from}`);
  }
}

export const fromRoot = (...parts: string[]): string => path.join(ROOT, ...parts);

async function bundle(entry: string, format: 'iife' | 'esm', globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [fromRoot(entry)],
    bundle: true,
    format,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    ...(globalName ? { globalName } : {}),
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};

export const bridgeBundle = once(() => bundle('test/browser/harness/bridge-entry.ts', 'iife'));
export const demoBundle = once(() => bundle('src/renderer/demo/main.ts', 'esm'));

/**
 * `installSocketTap.toString()`, from the function compiled the way the app's build compiles it:
 * the module is bundled, evaluated in a bare VM context (it only defines the function), and the
 * function object serializes itself. Any reference it makes outside its body breaks in the page.
 */
export const socketTapSource = once(async () => {
  const code = await bundle('src/preload/socket-tap.ts', 'iife', '__socketTapModule');
  const mod = vm.runInNewContext(`${code}\n;__socketTapModule`, {}) as { installSocketTap?: unknown };
  if (typeof mod.installSocketTap !== 'function') throw new Error('socket-tap.ts no longer exports installSocketTap');
  return (mod.installSocketTap as (eventName: string) => void).toString();
});

/** The isolated-world source for one view: its config as a global constant, then the bridge. */
export async function bridgeSource(config: CaptureConfig): Promise<string> {
  return `const ${CONFIG_CONSTANT} = ${JSON.stringify(config)};\n${await bridgeBundle()}`;
}

/** The main-world source that installs the tap, as vendor-host.ts asks executeInMainWorld to. */
export async function socketTapInstaller(tapEventName: string): Promise<string> {
  return `(${await socketTapSource()})(${JSON.stringify(tapEventName)});`;
}
