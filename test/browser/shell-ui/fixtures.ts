/**
 * Fixtures for the shell UI tests: one server per worker, and `openShell`, which loads the UI
 * with the fake ShellApi installed before its scripts and returns a handle to drive the fake.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { ShellDelta, ShellSnapshot } from '../../../src/shared/ipc/shell-protocol';
import type { MainCall, MainUpdate, ShellMain } from '../../support/shell-main';
import { fromRoot } from '../harness/bundles';
import { installFakeShellApi, MAIN_ANSWER_BINDING, MAIN_BINDING, RAW_BINDING, type ApiMethod, type FakeCall, type FakeControl, type FakeResponses } from '../harness/fake-shell-api';
import { startShellUiServer, type ShellUiServer } from '../harness/shell-ui-server';
import { responses } from './data';

export { expect } from '@playwright/test';

interface FakeWindow {
  __fakeShell: FakeControl;
}

export class ShellUi {
  constructor(
    readonly page: Page,
    /** main's side: change it as main would be changed, then update() the page. */
    readonly main: ShellMain,
  ) {}

  /** main pushes what changed since its last push (CHANNELS.shellUpdate: main's real delta). */
  update(): Promise<void> {
    return this.push(this.main.update());
  }

  calls(method?: ApiMethod): Promise<FakeCall[]> {
    return this.page.evaluate((m) => (globalThis as unknown as FakeWindow).__fakeShell.calls.filter((c) => m === undefined || c.method === m), method);
  }

  /** The arguments of every call of `method` so far. */
  async argsOf(method: ApiMethod): Promise<unknown[][]> {
    return (await this.calls(method)).map((c) => c.args);
  }

  /** Waits until `method` has been called `count` times in all. */
  async waitForCalls(method: ApiMethod, count = 1): Promise<FakeCall[]> {
    await this.page.waitForFunction(([m, n]) => (globalThis as unknown as FakeWindow).__fakeShell.calls.filter((c) => c.method === m).length >= n, [method, count] as const);
    return this.calls(method);
  }

  private push(update: MainUpdate): Promise<void> {
    return this.page.evaluate((u) => (globalThis as unknown as FakeWindow).__fakeShell.push(u), update);
  }

  /** The deltas main pushed so far, as they travelled. */
  deltas(): Promise<ShellDelta[]> {
    return this.page.evaluate(() => (globalThis as unknown as FakeWindow).__fakeShell.deltas);
  }

  snapshot(): Promise<ShellSnapshot> {
    return this.page.evaluate(() => (globalThis as unknown as FakeWindow).__fakeShell.snapshot);
  }

  respond<K extends keyof FakeResponses>(key: K, value: FakeResponses[K]): Promise<void> {
    return this.page.evaluate(([k, v]) => void ((globalThis as unknown as FakeWindow).__fakeShell.responses[k as K] = v as FakeResponses[K]), [key, value] as const);
  }

  violations(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as FakeWindow).__fakeShell.violations);
  }

  /** test-results/screenshots/<name>.png, the whole window. */
  async screenshot(name: string): Promise<void> {
    const dir = fromRoot('test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
  }

  /** axe's serious and critical violations on the page as it is now, as "id: help (n nodes)". */
  async seriousViolations(): Promise<string[]> {
    const result = await new AxeBuilder({ page: this.page }).analyze();
    if (process.env.AXE_ALL) console.log(`axe: ${result.passes.length} rules passed; all violations: ${JSON.stringify(result.violations.map((v) => [v.id, v.impact, v.nodes.length]))}`);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

/**
 * SHELL_UI_SLOW_FRAMES=1: every animation frame's callbacks run 60 ms late, as on a loaded
 * machine, so Preact's effects (which run after paint) trail the DOM by that much. A test that
 * reads the fake's calls before the effect that makes them fails then; used to check the suite.
 */
function slowFrames(): void {
  const w = globalThis as unknown as { requestAnimationFrame(cb: (t: number) => void): number; setTimeout(fn: () => void, ms: number): number; performance: { now(): number } };
  const raf = w.requestAnimationFrame.bind(w);
  w.requestAnimationFrame = (cb) => raf(() => w.setTimeout(() => cb(w.performance.now()), 60));
}

/** `page: 'ring-window'`: the page main's ring window loads (RING_WINDOW_URL, index.html#ring). */
export interface OpenOptions {
  page?: 'shell' | 'ring-window';
}

export const test = base.extend<{ openShell(main: ShellMain, answers?: Partial<FakeResponses>, options?: OpenOptions): Promise<ShellUi> }, { shellUiServer: ShellUiServer }>({
  shellUiServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here
    async ({}, use) => {
      const server = await startShellUiServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  viewport: { width: 1280, height: 800 },
  openShell: async ({ page, shellUiServer }, use) => {
    // The binding outlives navigations: a test that opens the shell again hands it another main.
    let current: ShellMain | null = null;
    await page.exposeFunction(MAIN_BINDING, (call: MainCall) => current!.handle(call));
    await page.exposeFunction(RAW_BINDING, (id: string) => current!.state.rawPayload(id));
    await page.exposeFunction(MAIN_ANSWER_BINDING, () => current!.lastAnswer);
    await use(async (main, answers = {}, options = {}) => {
      current = main;
      if (process.env.SHELL_UI_SLOW_FRAMES) await page.addInitScript(slowFrames);
      // main's first push (what the page's getState answers) marks what later deltas build on.
      await page.addInitScript(installFakeShellApi, { snapshot: main.update().snapshot, responses: responses(main, answers), mainBinding: MAIN_BINDING, rawBinding: RAW_BINDING, mainAnswerBinding: MAIN_ANSWER_BINDING });
      const ringWindow = options.page === 'ring-window';
      await page.goto(ringWindow ? `${shellUiServer.url}#ring` : shellUiServer.url);
      const ui = new ShellUi(page, main);
      // Rendered from the first snapshot.
      await page.locator(ringWindow ? 'main.ring-window' : 'header.top').waitFor();
      return ui;
    });
  },
});
