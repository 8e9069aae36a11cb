/**
 * The frames below a page's main frame, as main sees them through WebFrameMain: `frame.frames`
 * (each frame's children, lib/browser/api/web-frame-main.ts over RenderFrameHost children),
 * each child's URL, origin and detached state, and `executeJavaScript` for a child that runs in
 * a process of its own (an out-of-process iframe: a cross-site frame under site isolation, which
 * is what a vendor frame in our host page is).
 *
 * Fed with the CDP events of the page's own session and of its out-of-process frames' sessions:
 * Page.frameAttached / frameNavigated / frameDetached. A frame that moves to another process is
 * detached with reason 'swap' in one session and navigates in the other; it stays the same frame.
 * When the main frame's document is replaced or its renderer dies, every child goes with it.
 *
 * Electron settles executeJavaScript only when the renderer answers: a frame replaced or killed
 * first drops the callback, and its promise stays pending (shell/browser/api/
 * electron_api_web_frame_main.cc `ExecuteJavaScript`; shell/common/gin_helper/promise.cc
 * `~PromiseBase() = default`). A frame whose main thread is stuck in a script never answers.
 * Both are what Chromium does here: Runtime.evaluate waits on the frame's main thread, and a
 * session that goes away is an error the model swallows, leaving the promise pending.
 */
import { browser } from './browser';
import { recordGap } from './strict';
import { webFrameMain, type WebFrameMain } from './web-frame';

interface Subframe {
  parentId: string;
  url: string;
  /** The CDP session whose renderer holds the frame's document. */
  session: string;
  detached: boolean;
  object: WebFrameMain;
}

export interface SubframeOwner {
  /** The main frame's id (the page target's), null before the page exists. */
  mainFrameId(): string | null;
  mainFrame(): WebFrameMain;
  /** The page's own CDP session (not its out-of-process frames'). */
  ownSession(): string | undefined;
  /** Electron emits 'did-frame-navigate' for every frame; the page's own session reports its in-process ones. */
  frameNavigated(url: string): void;
}

export class SubframeTree {
  private readonly frames = new Map<string, Subframe>();

  constructor(private readonly owner: SubframeOwner) {}

  event(method: string, params: Record<string, unknown>, sessionId: string): void {
    const own = sessionId === this.owner.ownSession();
    switch (method) {
      case 'Page.frameAttached': {
        const { frameId, parentFrameId } = params as { frameId: string; parentFrameId: string };
        if (!this.frames.has(frameId)) this.add(frameId, parentFrameId, sessionId);
        return;
      }
      case 'Page.frameNavigated': {
        const frame = params.frame as { id: string; parentId?: string; url: string; urlFragment?: string };
        if (frame.id === this.owner.mainFrameId()) return this.reset();
        // An out-of-process frame's own session may report it without its parent: it attached
        // in its parent's session first.
        const known = this.frames.get(frame.id);
        if (!known && !frame.parentId) return;
        const record = known ?? this.add(frame.id, frame.parentId!, sessionId);
        record.url = `${frame.url}${frame.urlFragment ?? ''}`;
        record.session = sessionId;
        if (!own) this.owner.frameNavigated(record.url);
        return;
      }
      case 'Page.frameDetached': {
        const { frameId, reason } = params as { frameId: string; reason?: string };
        if (reason !== 'swap') this.remove(frameId);
        return;
      }
      case 'Inspector.targetCrashed':
        if (own) this.reset();
        return;
    }
  }

  childrenOf(frameId: string | null): WebFrameMain[] {
    if (frameId === null) return [];
    return [...this.frames.entries()].filter(([, f]) => f.parentId === frameId && !f.detached).map(([, f]) => f.object);
  }

  /** The main frame's document is gone (replaced, or its renderer died): so are its children. */
  reset(): void {
    for (const id of [...this.frames.keys()]) this.remove(id);
  }

  private add(id: string, parentId: string, session: string): Subframe {
    const parent = () => (parentId === this.owner.mainFrameId() ? this.owner.mainFrame() : (this.frames.get(parentId)?.object ?? null));
    const record: Subframe = {
      parentId,
      url: '',
      session,
      detached: false,
      object: undefined as unknown as WebFrameMain,
    };
    record.object = webFrameMain({
      url: () => record.url,
      get parent() {
        return parent();
      },
      detached: () => record.detached,
      children: () => this.childrenOf(id),
      evaluate: (code, userGesture) => {
        if (record.session === this.owner.ownSession()) throw recordGap('WebFrameMain.executeJavaScript in a subframe that shares its parent\'s process');
        return evaluateIn(record.session, code, userGesture);
      },
    });
    this.frames.set(id, record);
    return record;
  }

  private remove(id: string): void {
    const record = this.frames.get(id);
    if (!record) return;
    record.detached = true;
    this.frames.delete(id);
  }
}

/** Runtime.evaluate in a session's main world; see the header for why a lost answer never settles. */
export function evaluateIn(session: string, code: string, userGesture: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    browser.cdp
      .send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', { expression: code, returnByValue: true, awaitPromise: true, userGesture }, session)
      .then(
        (answer) => (answer.exceptionDetails ? reject(new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text)) : resolve(answer.result.value)),
        () => undefined,
      );
  });
}
