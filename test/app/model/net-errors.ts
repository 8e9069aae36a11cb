/**
 * Chromium's net error codes, as Electron reports them in did-fail-load (code, and
 * net::ErrorToShortString as the description: "ERR_NAME_NOT_RESOLVED"). CDP reports a failed
 * request as a Fetch.ErrorReason; this is that mapping, from net/base/net_error_list.h and
 * content/browser/devtools/protocol/network_handler.cc (NetErrorToString / ErrorReason).
 */
export interface NetError {
  code: number;
  name: string;
}

const BY_REASON: Record<string, NetError> = {
  Failed: { code: -2, name: 'ERR_FAILED' },
  Aborted: { code: -3, name: 'ERR_ABORTED' },
  TimedOut: { code: -7, name: 'ERR_TIMED_OUT' },
  AccessDenied: { code: -10, name: 'ERR_ACCESS_DENIED' },
  BlockedByClient: { code: -20, name: 'ERR_BLOCKED_BY_CLIENT' },
  BlockedByResponse: { code: -27, name: 'ERR_BLOCKED_BY_RESPONSE' },
  ConnectionClosed: { code: -100, name: 'ERR_CONNECTION_CLOSED' },
  ConnectionReset: { code: -101, name: 'ERR_CONNECTION_RESET' },
  ConnectionRefused: { code: -102, name: 'ERR_CONNECTION_REFUSED' },
  ConnectionAborted: { code: -103, name: 'ERR_CONNECTION_ABORTED' },
  ConnectionFailed: { code: -104, name: 'ERR_CONNECTION_FAILED' },
  NameNotResolved: { code: -105, name: 'ERR_NAME_NOT_RESOLVED' },
  InternetDisconnected: { code: -106, name: 'ERR_INTERNET_DISCONNECTED' },
  AddressUnreachable: { code: -109, name: 'ERR_ADDRESS_UNREACHABLE' },
};

export const ERR_ABORTED: NetError = BY_REASON.Aborted!;
export const ERR_FAILED: NetError = BY_REASON.Failed!;
export const ERR_UNEXPECTED: NetError = { code: -9, name: 'ERR_UNEXPECTED' };
export const ERR_UNKNOWN_URL_SCHEME: NetError = { code: -302, name: 'ERR_UNKNOWN_URL_SCHEME' };

export function fromErrorReason(reason: string): NetError {
  return BY_REASON[reason] ?? ERR_FAILED;
}
