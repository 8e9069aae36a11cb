/**
 * 'unresponsive' / 'responsive'. Chromium's hang monitor reports a renderer that stops
 * answering, and Electron forwards that as 'unresponsive' only when the view is visible and its
 * renderer initialized (lib/browser/api/web-contents.ts: `!event.shouldIgnore && event.visible
 * && event.rendererInitialized`), so a hung view that is hidden, or whose window is in the tray,
 * is never reported. The model measures the same thing: a probe the renderer's main thread must
 * answer; unanswered for ELECTRON_MODEL_HUNG_MS (default 15 s, Chromium's hung-renderer delay)
 * it is hung.
 */
import type { EventEmitter } from 'node:events';
import { browser } from './browser';
import { emitSafely, modelEvent } from './events';
import { realClock } from './time-scale';

const HUNG_MS = Number(process.env.ELECTRON_MODEL_HUNG_MS ?? 15_000);
const PROBE_EVERY_MS = Math.min(1_000, HUNG_MS / 4);

export interface HangWatched extends EventEmitter {
  sessionId(): string;
}

export class HangWatch {
  private visible = false;
  private initialized = false;
  private probeSince: number | null = null;
  private reported = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly contents: HangWatched) {
    this.timer = realClock.setInterval(() => this.tick(), PROBE_EVERY_MS);
    this.timer.unref();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  event(method: string, params: Record<string, unknown>): void {
    if (method === 'Page.lifecycleEvent' && params.name === 'load') this.initialized = true;
    if (method === 'Inspector.targetCrashed') {
      this.initialized = false;
      this.probeSince = null;
      this.reported = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    if (!this.initialized || !browser.running) return;
    if (this.probeSince !== null) {
      if (!this.reported && realClock.now() - this.probeSince >= HUNG_MS && this.visible) {
        this.reported = true;
        emitSafely(this.contents, 'unresponsive', modelEvent());
      }
      return;
    }
    let sessionId: string;
    try {
      sessionId = this.contents.sessionId();
    } catch {
      return;
    }
    this.probeSince = realClock.now();
    const answered = (): void => {
      this.probeSince = null;
      if (this.reported) {
        this.reported = false;
        emitSafely(this.contents, 'responsive', modelEvent());
      }
    };
    // Any reply, an error reply included, came from a renderer whose main thread is answering.
    browser.cdp.send('Runtime.evaluate', { expression: '0', returnByValue: true }, sessionId).then(answered, () => {
      // e.g. 'Cannot find default execution context' between documents.
      if (!browser.cdp.closed) answered();
    });
  }
}
