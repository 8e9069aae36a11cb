/**
 * `launch` starts Switchboard in the app tier with a fresh user-data folder per test (or one the
 * test passes to restart on), and at the end of the test checks what the model saw: no member of
 * Electron the model lacks was reached and no exception went uncaught in main; then it stops
 * every process and keeps the app's output as test artifacts.
 */
import { writeFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { AppProcess, type LaunchOptions } from './app-process';

export { expect };

export const test = base.extend<{ launch: (options?: Partial<LaunchOptions>) => Promise<AppProcess> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here
  launch: async ({}, use, testInfo) => {
    const apps: AppProcess[] = [];
    await use(async (options = {}) => {
      const app = await AppProcess.launch({ userData: testInfo.outputPath('user-data'), ...options });
      apps.push(app);
      return app;
    });
    const problems: string[] = [];
    for (const [i, app] of apps.entries()) {
      let report = app.finalReport ?? app.terminationReport();
      if (app.exitCode === null) {
        const state = await app.state().catch(() => null);
        if (state) report = { gaps: state.gaps, uncaught: state.uncaught };
      }
      await app.kill();
      writeFileSync(testInfo.outputPath(`app-${i + 1}.stdout.log`), app.stdout.join('\n'));
      writeFileSync(testInfo.outputPath(`app-${i + 1}.stderr.log`), app.stderr.join(''));
      for (const gap of report?.gaps ?? []) if (!app.options.allowGaps?.includes(gap)) problems.push(`app ${i + 1} reached ${gap}, which the Electron model does not implement`);
      for (const error of report?.uncaught ?? []) problems.push(`app ${i + 1}: uncaught exception in main: ${error}`);
    }
    expect(problems, 'the model saw nothing it does not implement and no uncaught exception').toEqual([]);
  },
});
