/**
 * Starts the Chromium behind the model's views: Debian's /usr/bin/chromium, headless, on a fresh
 * profile directory, with DevTools on a loopback port the test process connects to as well (its
 * Playwright drives the pages the way an agent would: clicks, typing, reading the screen).
 * The flags are the browser tier's (test/browser/harness/chromium.ts) plus the debugging port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectCdp, type Cdp } from './cdp';
import { realClock } from './time-scale';

export const CHROMIUM = process.env.ELECTRON_MODEL_CHROMIUM ?? '/usr/bin/chromium';

export interface RunningChromium {
  cdp: Cdp;
  wsEndpoint: string;
  /** Ends the browser (and its renderers, as Electron's process does on exit). */
  kill(): void;
}

export async function startChromium(): Promise<RunningChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'electron-model-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--hide-scrollbars',
      '--mute-audio',
      // Electron's default for every webContents (docs/api/structures/web-preferences.md
      // `autoplayPolicy`: "Defaults to no-user-gesture-required"); Chrome's own needs a gesture.
      '--autoplay-policy=no-user-gesture-required',
      // Chrome's error pages reload themselves (its net-error auto-reloader, part of chrome/, not
      // content/); Electron has no such reloader, so a failed load stays failed until the app acts.
      '--disable-auto-reload',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      // The app tier's test network (host mapping, its test certificate): JSON array of switches.
      ...(JSON.parse(process.env.ELECTRON_MODEL_CHROMIUM_ARGS ?? '[]') as string[]),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = realClock.setTimeout(() => reject(new Error(`electron model: ${CHROMIUM} did not start within 20 s: ${seen.slice(-500)}`)), 20_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      seen += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`electron model: ${CHROMIUM} exited with ${code} before it was ready: ${seen.slice(-500)}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`electron model: cannot start ${CHROMIUM}: ${err.message}`));
    });
  });
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr!.resume();
  // However the process ends (process.exit from a quit, --help, a second instance), its browser
  // ends with it, as Electron's renderers and GPU process end with the main process.
  process.once('exit', () => child.kill('SIGKILL'));
  const cdp = await connectCdp(wsEndpoint);
  let killed = false;
  return {
    cdp,
    wsEndpoint,
    kill() {
      if (killed) return;
      killed = true;
      cdp.close();
      child.kill('SIGKILL');
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Chromium may still be writing as it dies; a stray temp folder is harmless.
      }
    },
  };
}
