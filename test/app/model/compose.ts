/**
 * A photograph of an assembled window: every visible WebContentsView's page captured at its own
 * bounds and laid over the others in z-order (later children on top), on a window-sized canvas,
 * which is what the agent sees on screen. The composing happens in a plain page of Chromium's
 * own (not a model view), so nothing of it reaches the app.
 */
import { writeFileSync } from 'node:fs';
import { browser } from './browser';
import type { BaseWindow, View } from './window';
import { WebContentsView } from './window';

let compositor: { targetId: string; sessionId: string } | null = null;

async function compositorPage(): Promise<{ targetId: string; sessionId: string }> {
  if (compositor) return compositor;
  const { cdp } = browser;
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', newWindow: true, background: true });
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  await cdp.send('Page.enable', {}, sessionId);
  compositor = { targetId, sessionId };
  return compositor;
}

/** Made at start, before any view exists, so its attach never waits behind a view's. */
export async function prepareCompositor(): Promise<void> {
  await compositorPage();
}

function visibleViews(view: View, out: WebContentsView[]): WebContentsView[] {
  for (const child of view.children) {
    if (!child.getVisible()) continue;
    if (child instanceof WebContentsView) out.push(child);
    visibleViews(child, out);
  }
  return out;
}

export async function photographWindow(win: BaseWindow, path: string): Promise<{ width: number; height: number; views: number }> {
  const { cdp } = browser;
  const { width, height } = win.getContentBounds();
  const layers: string[] = [];
  const views = visibleViews(win.contentView, []);
  const debug = (m: string) => process.env.ELECTRON_MODEL_DEBUG && process.stderr.write(`[compose] ${m}\n`);
  for (const view of views) {
    const b = view.getBounds();
    debug(`capturing view ${view.webContents.id} ${JSON.stringify(b)}`);
    if (b.width <= 0 || b.height <= 0) continue;
    const shot = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false }, view.webContents.sessionId());
    layers.push(`<img style="position:absolute;left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px" src="data:image/png;base64,${shot.data}">`);
  }
  debug('composing');
  const page = await compositorPage();
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, page.sessionId);
  await cdp.send('Page.setDocumentContent', { frameId: page.targetId, html: `<!doctype html><body style="margin:0;overflow:hidden;background:#fff">${layers.join('')}</body>` }, page.sessionId);
  await cdp.send('Runtime.evaluate', { expression: 'Promise.all([...document.images].map((i) => i.decode()))', awaitPromise: true }, page.sessionId);
  const shot = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, page.sessionId);
  writeFileSync(path, Buffer.from(shot.data, 'base64'));
  return { width, height, views: layers.length };
}
