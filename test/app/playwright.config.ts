/**
 * The app tier (DESIGN.md §6): the real built main process under a strict model of Electron 45's
 * main-process API, with Debian's Chromium behind every view. `npm run test:app`.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './harness/build.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/app',
});
