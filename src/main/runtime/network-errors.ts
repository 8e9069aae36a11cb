/**
 * Chromium net errors that mean "the network is not there (yet)" rather than "this page is
 * broken": the VPN not up at login, Wi-Fi joining, a proxy restarting. A view that fails to load
 * with one of these is retried with a backoff instead of waiting for the agent to notice
 * (numbers from Chromium's net/base/net_error_list.h).
 */
const NETWORK_ERRORS: ReadonlyMap<number, string> = new Map([
  [-7, 'TIMED_OUT'],
  [-21, 'NETWORK_CHANGED'],
  [-101, 'CONNECTION_RESET'],
  [-102, 'CONNECTION_REFUSED'],
  [-104, 'CONNECTION_FAILED'],
  [-105, 'NAME_NOT_RESOLVED'],
  [-106, 'INTERNET_DISCONNECTED'],
  [-109, 'ADDRESS_UNREACHABLE'],
  [-118, 'CONNECTION_TIMED_OUT'],
  [-130, 'PROXY_CONNECTION_FAILED'],
  [-137, 'NAME_RESOLUTION_FAILED'],
]);

export function isNetworkError(code: number): boolean {
  return NETWORK_ERRORS.has(code);
}

/** Seconds between load attempts while the network is away: soon at first, then once a minute. */
const DELAYS_MS = [2_000, 5_000, 10_000, 30_000, 60_000] as const;

export function networkRetryDelayMs(attempt: number): number {
  return DELAYS_MS[Math.min(Math.max(attempt, 1), DELAYS_MS.length) - 1]!;
}
