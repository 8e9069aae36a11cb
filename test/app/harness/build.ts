/**
 * What the app tier runs, built once per run (Playwright globalSetup): the app exactly as it
 * ships (`electron-vite build` → out/main, out/preload, out/renderer) and the Electron model
 * (test/app/model → out/app-model: boot.mjs, electron.mjs, hooks.mjs sharing one copy of the
 * model's state, and preload-runtime.js for the pages).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './paths';

export default async function buildAppTier(): Promise<void> {
  if (process.env.APP_TIER_SKIP_BUILD !== '1') {
    const app = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (app.status !== 0) throw new Error(`electron-vite build failed (exit ${app.status})`);
  }
  const outdir = join(ROOT, 'out/app-model');
  rmSync(outdir, { recursive: true, force: true });
  const model = join(ROOT, 'test/app/model');
  await build({
    entryPoints: { boot: join(model, 'boot.ts'), electron: join(model, 'electron.ts'), hooks: join(model, 'hooks.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['ws'],
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(model, 'page/preload-runtime.ts')],
    outfile: join(outdir, 'preload-runtime.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
}
