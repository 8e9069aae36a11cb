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

/**
 * The Chromium net error a Node socket failure stands for, for the model's net.fetch (named as in
 * net/base/net_error_list.h). A connection to the proxy that fails is the proxy's failure
 * (ERR_PROXY_CONNECTION_FAILED, whatever the socket said); a connection closed before any
 * response is ERR_EMPTY_RESPONSE (electron/electron spec/api-net-spec.ts expects it there).
 */
export function netErrorForSocket(err: NodeJS.ErrnoException, where: { toProxy: boolean; responded: boolean }): string {
  const code = err.code ?? '';
  if (CERT_AUTHORITY.has(code)) return 'ERR_CERT_AUTHORITY_INVALID';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'ERR_CERT_COMMON_NAME_INVALID';
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'ERR_CERT_DATE_INVALID';
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'ERR_SSL_PROTOCOL_ERROR';
  if (where.toProxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) return 'ERR_PROXY_CONNECTION_FAILED';
  switch (code) {
    case 'ECONNREFUSED':
      return 'ERR_CONNECTION_REFUSED';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'ERR_NAME_NOT_RESOLVED';
    case 'ETIMEDOUT':
      return 'ERR_CONNECTION_TIMED_OUT';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'ERR_ADDRESS_UNREACHABLE';
    case 'ECONNRESET':
    case 'EPIPE':
      return where.responded ? 'ERR_CONNECTION_RESET' : 'ERR_EMPTY_RESPONSE';
    default:
      return 'ERR_FAILED';
  }
}

const CERT_AUTHORITY = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);
