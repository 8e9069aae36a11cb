/**
 * Playwright fixtures for the browser tier: the local servers (one set per worker) and `shell`,
 * which opens vendor views for profiles and closes them after each test.
 */
import { test as base, type Frame, type Page } from '@playwright/test';
import type { ProfileInput } from '../../../src/shared/contract/profile';
import { profile } from '../../support/profiles';
import { ShellView, type OpenOptions } from './shell-view';
import { startServers, type Servers } from './servers';

export { expect } from '@playwright/test';

export interface Shell {
  servers: Servers;
  /** Validates the profile (ProfileSchema), opens its view and waits for the page to load. */
  open(input: Partial<ProfileInput> & Pick<ProfileInput, 'vendor'>, options?: OpenOptions): Promise<ShellView>;
}

let seq = 0;

export const test = base.extend<{ shell: Shell }, { servers: Servers }>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here
    async ({}, use) => {
      const servers = await startServers();
      await use(servers);
      await servers.close();
    },
    { scope: 'worker' },
  ],
  shell: async ({ context, servers }, use) => {
    const views: ShellView[] = [];
    await use({
      servers,
      async open(input, options) {
        const p = profile({ ...input, id: input.id ?? `p${++seq}-${input.vendor}` });
        const view = await ShellView.open(context, servers, p, options);
        views.push(view);
        return view;
      },
    });
    for (const view of views) await view.close();
  },
});

/** The host page's vendor iframe (id "vendor"), as a Playwright frame. */
export async function vendorFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe#vendor').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the host page has no loaded vendor frame');
  return frame;
}

type SimGlobals = Record<string, (...args: unknown[]) => unknown>;

/** Calls a function a simulator page defines (sim.js and the vendor's page script). */
export function simCall<T = unknown>(frame: Frame, fn: string, ...args: unknown[]): Promise<T> {
  return frame.evaluate(
    async ([name, list]) => {
      const f = (globalThis as unknown as SimGlobals)[name];
      if (typeof f !== 'function') throw new Error(`the simulator has no function ${name}`);
      return (await f(...list)) as T;
    },
    [fn, args] as const,
  );
}

export interface Received {
  data: unknown;
  origin: string;
  fromParent: boolean;
}

/** What the simulator page has received by postMessage so far. */
export function received(frame: Frame): Promise<Received[]> {
  return frame.evaluate(() => (globalThis as unknown as { received: Received[] }).received);
}

/** Waits (bounded) until the simulator has received a message matching `match`. */
export async function waitForReceived(frame: Frame, match: (r: Received) => boolean, timeout = 10_000): Promise<Received> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await received(frame);
    const hit = all.find(match);
    if (hit) return hit;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${timeout} ms waiting for the simulator to receive a matching message; got ${JSON.stringify(all)}`);
    // Resolves as soon as anything more arrives in the page.
    await frame.waitForFunction((n) => (globalThis as unknown as { received: unknown[] }).received.length > n, all.length, { timeout: left });
  }
}

let markers = 0;

/**
 * Proves everything posted before it has been judged: the vendor frame posts a marker and we wait
 * until the bridge forwarded it. Messages are handled in order, one outcome each (forwarded or
 * rejected), so whatever a test posted earlier has had its outcome recorded by then.
 */
export async function settle(view: ShellView, frame: Frame): Promise<void> {
  const marker = `marker-${++markers}`;
  await simCall(frame, 'emit', { marker });
  await view.waitForCapture((d) => typeof d === 'object' && d !== null && (d as { marker?: unknown }).marker === marker, `marker ${marker}`);
}

/** Whether any capture that reached the pipeline mentions `text` (a unique ref the test used). */
export const forwardedAny = (view: ShellView, text: string): boolean => view.captures().some((c) => JSON.stringify(c.data).includes(text));

interface MiniFrameElement {
  id: string;
  src: string;
  addEventListener(type: 'load', listener: () => void, options: { once: boolean }): void;
}
interface MiniWindow {
  document: { createElement(tag: 'iframe'): MiniFrameElement; body: { append(el: MiniFrameElement): void } };
}

/** Adds an iframe to the page from the page's own world (as a page script would) and returns its frame. */
export async function addIframe(page: Page, id: string, src: string): Promise<Frame> {
  await page.evaluate(
    ([frameId, url]) =>
      new Promise<void>((resolve) => {
        const doc = (globalThis as unknown as MiniWindow).document;
        const iframe = doc.createElement('iframe');
        iframe.id = frameId;
        iframe.addEventListener('load', () => resolve(), { once: true });
        iframe.src = url;
        doc.body.append(iframe);
      }),
    [id, src] as const,
  );
  const frame = await (await page.locator(`iframe#${id}`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`iframe #${id} did not load`);
  return frame;
}

/** An RC ring as the widget posts it, with a ref the test can look for. */
export const rcRing = (id: string) => ({ type: 'rc-call-ring-notify', call: { id, direction: 'Inbound', fromUserName: 'Eve', fromNumber: '+15550009999' } });
