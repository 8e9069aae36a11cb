/**
 * The vendor subscription handshake in main's diagnostics log: how often the bridge sent it, when
 * the vendor answered with its first event, or that it stopped re-sending (preload/handshake-retry.ts).
 * Support staff read these lines when an AICC profile stays silent: "gave up" with no "answered"
 * means the bar never delivered an event after several eventposts.
 */
import type { HandshakeState } from './capture-service';
import { diag } from '../diagnostics';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

export function handshakeMessage(r: HandshakeState): string {
  switch (r.state) {
    case 'sent':
      return `handshake sent (attempt ${r.attempts}, ${seconds(r.elapsedMs)} after the vendor frame loaded)`;
    case 'answered':
      return `handshake answered: first vendor event ${seconds(r.elapsedMs)} after the vendor frame loaded, handshake sent ${times(r.attempts)}`;
    case 'gave-up':
      return `handshake gave up: no vendor event ${seconds(r.elapsedMs)} after the vendor frame loaded, handshake sent ${times(r.attempts)}; still listening (an idle bar may simply have nothing to report yet)`;
  }
}

export function logHandshake(profile: string, r: HandshakeState): void {
  diag('capture', handshakeMessage(r), { profile, state: r.state, attempts: r.attempts, elapsedMs: r.elapsedMs });
}
