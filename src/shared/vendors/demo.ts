/**
 * The built-in demo softphone (DESIGN.md §3): a page shipped with the app that speaks a documented
 * subset of RingCentral Embeddable's protocol, so a new user sees a working shell without any
 * vendor account. Its page (src/renderer/demo/softphone.ts) must emit only these types and obey
 * only RC's commands (ringcentral-commands.ts).
 *
 * Events the demo emits (same envelope and payloads as RC):
 *   rc-call-ring-notify, rc-call-start-notify, rc-call-hold-notify, rc-call-resume-notify,
 *   rc-call-mute-notify, rc-call-end-notify, rc-adapter-syncPresence, rc-inbound-message-notify,
 *   rc-login-status-notify, rc-dialer-status-notify, rc-call-init-notify
 * Commands it obeys: rc-adapter-set-presence, rc-adapter-control-call (answer, reject, hangup,
 *   hold, unhold), rc-adapter-new-call.
 */
import type { VendorAdapter } from './adapter';
import { rcLikeCommands } from './ringcentral-commands';
import { RC_MAPPING, normalizeRcLike } from './ringcentral-embeddable';

export const DEMO_EVENT_TYPES = [
  'rc-call-ring-notify',
  'rc-call-init-notify',
  'rc-call-start-notify',
  'rc-call-hold-notify',
  'rc-call-resume-notify',
  'rc-call-mute-notify',
  'rc-call-end-notify',
  'rc-adapter-syncPresence',
  'rc-inbound-message-notify',
  'rc-login-status-notify',
  'rc-dialer-status-notify',
] as const;

const KNOWN: ReadonlySet<string> = new Set(DEMO_EVENT_TYPES);

export const demo: VendorAdapter = {
  id: 'demo',
  label: 'Demo softphone',
  // Served by the app itself from its privileged scheme.
  defaultOrigins: ['app://demo'],
  transport: 'postMessage',
  defaultMode: 'framed',
  derivesMissed: true,
  mapping: RC_MAPPING.filter((row) => KNOWN.has(row.vendorEvent)).map((row) => ({ ...row, source: 'demo (RC subset)' })),
  normalize: (capture) => normalizeRcLike(capture, 'Demo softphone', KNOWN),
  // RC's command builders, unwatched: the demo page obeys or refuses each command on the spot.
  commands: rcLikeCommands(false),
};
