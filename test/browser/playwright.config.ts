/**
 * The browser tier (DESIGN.md §6): the real host page, capture bridge and socket tap in Debian's
 * Chromium, driven over CDP. Run with `npm run test:browser` (playwright test -c test/browser).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './harness/chromium';

export default defineConfig({
  testDir: '.',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: '../../test-results/browser',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'off',
  },
});
