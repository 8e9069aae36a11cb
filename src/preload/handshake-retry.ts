/**
 * When to (re-)send a vendor's subscription handshake (AICC `eventpost`). The bar's own script
 * creates its listener some time after its frame loads (Huawei's 2024-08 integration sample wraps
 * the eventpost call in setTimeout, devg-agentlite-cec cec_05_1317), and the bar never
 * acknowledges a subscription: its first event is the only answer. So the handshake is sent on
 * load and again with backoff (0.5 s, 1 s, 2 s, … at most 8 s apart) until the first accepted
 * message from the vendor frame, for up to 30 s; each (re)load starts over. Every step is reported
 * (`sent` n, `answered`, `gave-up`) so main's diagnostics log shows what happened.
 *
 * No DOM here: the bridge passes in how to post and report, so this is unit-tested with a fake
 * clock (test/unit/preload/handshake-retry.test.ts) and proven in Chromium by
 * test/browser/handshake.spec.ts.
 */
import type { CaptureMessage } from '../shared/ipc/capture-protocol';

export type HandshakeReport = Extract<CaptureMessage, { kind: 'handshake' }>;

export const HANDSHAKE_FIRST_RETRY_MS = 500;
export const HANDSHAKE_MAX_RETRY_MS = 8_000;
export const HANDSHAKE_GIVE_UP_MS = 30_000;

export interface HandshakeClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

export interface HandshakeRetry {
  /** The vendor frame (re)loaded: subscribe its new document, forgetting the old one. */
  start(): void;
  /** A message from the vendor frame was accepted: the first one per document answers. */
  answered(): void;
}

/** `post` sends the handshake once and returns false when there is no vendor window to post to. */
export function createHandshakeRetry(post: () => boolean, report: (r: HandshakeReport) => void, clock: HandshakeClock): HandshakeRetry {
  // Timers are never cleared: each carries the generation (document) it was set for and does
  // nothing once another load started a new one or the bar answered.
  let generation = 0;
  let attempts = 0;
  let startedAt = 0;
  let retrying = false;
  let awaitingAnswer = false;

  const elapsed = () => Math.max(0, Math.round(clock.now() - startedAt));

  const attempt = (gen: number) => {
    if (gen !== generation || !retrying) return;
    if (post()) {
      attempts++;
      report({ kind: 'handshake', state: 'sent', attempts, elapsedMs: elapsed() });
    }
    const delay = Math.min(HANDSHAKE_FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), HANDSHAKE_MAX_RETRY_MS);
    const sinceStart = elapsed();
    if (sinceStart + delay < HANDSHAKE_GIVE_UP_MS) clock.setTimeout(() => attempt(gen), delay);
    else clock.setTimeout(() => giveUp(gen), Math.max(0, HANDSHAKE_GIVE_UP_MS - sinceStart));
  };

  const giveUp = (gen: number) => {
    if (gen !== generation || !retrying) return;
    retrying = false;
    report({ kind: 'handshake', state: 'gave-up', attempts, elapsedMs: elapsed() });
  };

  return {
    start() {
      generation++;
      attempts = 0;
      startedAt = clock.now();
      retrying = true;
      awaitingAnswer = true;
      attempt(generation);
    },
    answered() {
      // Also after giving up: a bar with nothing to say for a while still subscribed.
      if (!awaitingAnswer) return;
      awaitingAnswer = false;
      retrying = false;
      report({ kind: 'handshake', state: 'answered', attempts, elapsedMs: elapsed() });
    },
  };
}
