/**
 * `net`: only `net.fetch` is modelled, which is the default session's fetch
 * (electron/electron lib/browser/api/net.ts: `session.defaultSession.fetch(input, init)`; docs/api/net.md
 * "This method will issue requests from the default session"). Like every session it exists only
 * after 'ready' (net.md: "can be used only after the application emits the ready event").
 * `net.isOnline()` answers whether the machine has a link (system-network.ts; control `setOnline`),
 * as Chromium's NetworkChangeNotifier does (shell/common/api/electron_api_net.cc `IsOnline`). It
 * does not fail loads by itself: a test that takes the network away also makes the vendor
 * unreachable (vendor-site.ts), as a link that is down does.
 * net.request, net.resolveHost and net.WebSocket are ModelGaps.
 */
import { fromPartition } from './session';
import { isOnline } from './system-network';
import { strict } from './strict';

export const net = strict(
  {
    fetch: (input: string | URL | Request, init?: RequestInit) => fromPartition('').fetch(input, init),
    isOnline: () => isOnline(),
  },
  'net',
);
