/**
 * WebFrameMain, as much of it as IPC senders and navigation events carry: the frame's URL and
 * origin as main sees them (app:// for our pages), its parent, and whether it is detached.
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
  isDestroyed(): boolean;
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
    isDestroyed: () => source.detached(),
  };
  const proxy = strict(frame, 'WebFrameMain');
  return proxy;
}
