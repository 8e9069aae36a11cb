/**
 * The app tier's "electron" executable: `node boot.mjs <main script> [args]` runs the app's
 * real built main process (out/main/index.js, unchanged) as Electron would run
 * `electron <main script> [args]`:
 *   1. the process looks like Electron's main process: process.type 'browser',
 *      process.versions.electron, process.defaultApp and process.argv as Electron sets them
 *      (packaged: [exe, ...args]; from source: [exe, main script, ...args]), the modelled OS in
 *      process.platform;
 *   2. `import 'electron'` resolves to the model (hooks.ts);
 *   3. an uncaught exception is reported, not fatal (lib/browser/init.ts:22-37: "Don't quit on fatal
 *      error");
 *   4. Chromium starts while the main script loads; then 'will-finish-launching' and 'ready';
 *   5. with ELECTRON_MODEL_TIME_SCALE, main's clocks and timers run that many times as fast from
 *      just before the main script loads (time-scale.ts says what is and is not scaled).
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app } from './app';
import { browser } from './browser';
import { prepareCompositor } from './compose';
import { startControl } from './control';
import { defaultApplicationMenu } from './menu';
import { modelPlatform } from './platform';
import { allSessions, bindSessionPaths } from './session';
import { modelGaps, recordUncaught, uncaughtErrors } from './strict';
import { installTimeScale, timeScaleFromEnv } from './time-scale';

const here = dirname(fileURLToPath(import.meta.url));
const [, , mainArg, ...appArgs] = process.argv;
if (!mainArg) {
  process.stderr.write('usage: node boot.mjs <main script> [args]\n');
  process.exit(2);
}
const mainScript = resolvePath(mainArg);
process.env.ELECTRON_MODEL_MAIN = mainScript;
const root = process.env.ELECTRON_MODEL_ROOT ?? process.cwd();
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const mutableProcess = process as unknown as Record<string, unknown>;
Object.defineProperty(process, 'platform', { value: modelPlatform(), enumerable: true });
mutableProcess.type = 'browser';
Object.defineProperty(process.versions, 'electron', { value: electronVersion, enumerable: true });
if (process.env.ELECTRON_MODEL_PACKAGED === '1') {
  process.argv = [process.execPath, ...appArgs];
  mutableProcess.resourcesPath = process.env.ELECTRON_MODEL_RESOURCES ?? join(root, 'resources');
} else {
  mutableProcess.defaultApp = true;
  process.argv = [process.execPath, mainScript, ...appArgs];
  mutableProcess.resourcesPath = join(root, 'node_modules/electron/dist/resources');
}

process.on('uncaughtException', (err) => recordUncaught(err, 'the main process'));
process.on('unhandledRejection', (reason) => process.stderr.write(`electron model: unhandled rejection in the main process: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`));

register(pathToFileURL(join(here, 'hooks.mjs')), { data: { electron: pathToFileURL(join(here, 'electron.mjs')).href } });
bindSessionPaths(() => app.getPath('userData'));

const chromium = browser.start();
chromium.catch(() => undefined);
startControl();

const timeScale = timeScaleFromEnv();
if (timeScale) installTimeScale(timeScale);
await import(pathToFileURL(mainScript).href);

await app._boot(
  {
    defaultMenu: () => defaultApplicationMenu(),
    async shutdown() {
      for (const s of allSessions()) await s._persist().catch(() => undefined);
      await browser.stop();
      // Sent before exit, and waited for: the app tier fails a run that left gaps behind.
      await new Promise<void>((resolve) => (process.send ? process.send({ type: 'model-exit', gaps: [...modelGaps()], uncaught: [...uncaughtErrors()] }, () => resolve()) : resolve()));
    },
  },
  async () => {
    await chromium;
    await prepareCompositor();
    process.send?.({ type: 'model-ready', wsEndpoint: browser.wsEndpoint });
  },
);
