/**
 * How the browser tier starts Chromium: Debian's /usr/bin/chromium, never a Playwright download
 * (DESIGN.md §6). We run as root, hence --no-sandbox; the networking flags keep this machine's
 * closed network from adding background requests and error noise to the runs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM_EXECUTABLE,
  headless: true,
  args: [...CHROMIUM_ARGS],
};

/** Null when Chromium can run here, else why not (for the benchmark, which must not fail). */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_EXECUTABLE) ? null : `${CHROMIUM_EXECUTABLE} is not installed (apt-get install chromium)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}
