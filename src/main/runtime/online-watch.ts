/**
 * "Network online" for main: Electron has no event for it in the main process, only
 * `net.isOnline()` (electron/electron docs/api/net.md), which reads Chromium's
 * NetworkChangeNotifier (shell/common/api/electron_api_net.cc `IsOnline` →
 * `!net::NetworkChangeNotifier::IsOffline()`): a cached answer, cheap to ask. Asked every 2 s, a
 * machine whose link comes back (Wi-Fi joined, cable in, VPN adapter up) is noticed within 2 s and
 * the views waiting for the network are tried at once instead of at the end of their backoff
 * (up to a minute). `true` is "inconclusive" (same page): a retry that still fails just goes back
 * to its backoff, so nothing is lost by trying.
 */

import type { IntervalTimers } from './node-timers';

export const ONLINE_POLL_MS = 2_000;

export interface OnlineWatchDeps<H> {
  isOnline(): boolean;
  timers: IntervalTimers<H>;
  /** Offline → online. */
  onOnline(): void;
  log(message: string): void;
  everyMs?: number;
}

export function watchOnline<H>(deps: OnlineWatchDeps<H>): { dispose(): void } {
  let online = deps.isOnline();
  const handle = deps.timers.setInterval(() => {
    const now = deps.isOnline();
    if (now === online) return;
    online = now;
    deps.log(now ? 'the network is back: views waiting for it try again now' : 'the network is gone');
    if (now) deps.onOnline();
  }, deps.everyMs ?? ONLINE_POLL_MS);
  return { dispose: () => deps.timers.clearInterval(handle) };
}
