import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // DESIGN.md §6: an accidental real `electron` import must fail fast, not try the network.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' },
    testTimeout: 20_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
