/**
 * `net`: only `net.fetch` is modelled, which is the default session's fetch
 * (electron/electron lib/browser/api/net.ts: `session.defaultSession.fetch(input, init)`; docs/api/net.md
 * "This method will issue requests from the default session"). Like every session it exists only
 * after 'ready' (net.md: "can be used only after the application emits the ready event").
 * net.request, net.isOnline, net.resolveHost and net.WebSocket are ModelGaps.
 */
import { fromPartition } from './session';
import { strict } from './strict';

export const net = strict(
  {
    fetch: (input: string | URL | Request, init?: RequestInit) => fromPartition('').fetch(input, init),
  },
  'net',
);
