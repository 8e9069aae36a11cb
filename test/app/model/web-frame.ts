/**
 * WebFrameMain, as much of it as IPC senders, navigation events and the liveness check use: the
 * frame's URL and origin as main sees them (app:// for our pages), its parent and children, whether
 * it is detached, and executeJavaScript (the frame tree and evaluation: subframes.ts).
 * Electron hands the same object out while the frame lives; `url` reads the frame's current
 * URL (lib/browser/api/web-frame-main.ts over the native RenderFrameHost).
 */
import { toMain } from './scheme';
import { strict } from './strict';

export interface FrameSource {
  /** The frame's current URL as the page has it (stand-in origins). */
  url(): string;
  parent: WebFrameMain | null;
  detached(): boolean;
  /** The frame's children, attached ones only. */
  children(): WebFrameMain[];
  /** Runs code in the frame's main world (subframes.ts `evaluateIn`). */
  evaluate(code: string, userGesture: boolean): Promise<unknown>;
}

export interface WebFrameMain {
  readonly url: string;
  readonly origin: string;
  readonly parent: WebFrameMain | null;
  readonly top: WebFrameMain;
  readonly detached: boolean;
  readonly name: string;
  readonly processId: number;
  readonly routingId: number;
  readonly frameTreeNodeId: number;
  readonly frames: WebFrameMain[];
  isDestroyed(): boolean;
  executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
}

let nextNode = 1;

export function webFrameMain(source: FrameSource): WebFrameMain {
  const node = nextNode++;
  const frame: WebFrameMain = {
    get url() {
      return toMain(source.url());
    },
    get origin() {
      const url = toMain(source.url());
      return URL.canParse(url) ? new URL(url).origin : 'null';
    },
    get parent() {
      return source.parent;
    },
    get top(): WebFrameMain {
      return source.parent ? source.parent.top : proxy;
    },
    get detached() {
      return source.detached();
    },
    name: '',
    processId: -1,
    routingId: -1,
    frameTreeNodeId: node,
    get frames() {
      return source.children();
    },
    isDestroyed: () => source.detached(),
    // electron_api_web_frame_main.cc WebFrameMain::ExecuteJavaScript: a non-boolean userGesture
    // is a TypeError; a frame whose render frame is gone rejects at once.
    executeJavaScript(code: string, userGesture?: boolean) {
      if (userGesture !== undefined && typeof userGesture !== 'boolean') throw new TypeError('userGesture must be a boolean');
      if (source.detached()) return Promise.reject(new Error('Render frame was disposed before WebFrameMain could be accessed'));
      return source.evaluate(String(code), userGesture ?? false);
    },
  };
  const proxy = strict(frame, 'WebFrameMain');
  return proxy;
}
