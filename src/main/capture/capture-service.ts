/**
 * From a validated sender's IPC payload to pipeline results: the payload is zod-parsed again
 * (the preload is ours, but main trusts no renderer), the profile and vendor come from the view
 * that sent it — never from the payload — and every outcome reaches a sink. Never throws.
 */
import type { Effect } from '../../shared/contract/effects';
import { describeZodError } from '../../shared/contract/issues';
import type { Profile } from '../../shared/contract/profile';
import type { RawCapture } from '../../shared/contract/raw-capture';
import type { ShellEvent } from '../../shared/contract/shell-event';
import type { Pipeline } from '../../shared/core/pipeline';
import { CaptureMessageSchema, type CaptureMessage } from '../../shared/ipc/capture-protocol';

export interface CaptureSinks {
  accepted(profile: string, events: ShellEvent[], effects: Effect[], at: number): void;
  rejected(profile: string, reason: string, count: number, at: number): void;
  /** A command could not be delivered into the vendor client. */
  undeliverable(profile: string, reason: string): void;
  /** How the vendor's subscription handshake is going (capture/handshake-log.ts logs it). */
  handshake(profile: string, report: HandshakeState): void;
}

export type HandshakeState = Omit<Extract<CaptureMessage, { kind: 'handshake' }>, 'kind'>;

/** Capture times from the preload are used when plausible; a skewed clock falls back to main's. */
const MAX_PAST_MS = 60_000;
const MAX_FUTURE_MS = 5_000;

export function createCaptureService(pipeline: Pipeline, sinks: CaptureSinks, now: () => number = Date.now) {
  return {
    handle(profile: Profile, payload: unknown): void {
      const t = now();
      const parsed = CaptureMessageSchema.safeParse(payload);
      if (!parsed.success) return sinks.rejected(profile.id, `malformed capture IPC message: ${describeZodError(parsed.error)}`, 1, t);
      const msg = parsed.data;
      switch (msg.kind) {
        case 'rejected':
          return sinks.rejected(profile.id, `bridge: ${msg.reason}`, msg.count, t);
        case 'undeliverable':
          return sinks.undeliverable(profile.id, msg.reason);
        case 'handshake':
          return sinks.handshake(profile.id, { state: msg.state, attempts: msg.attempts, elapsedMs: msg.elapsedMs });
        case 'capture': {
          const at = msg.at >= t - MAX_PAST_MS && msg.at <= t + MAX_FUTURE_MS ? msg.at : t;
          const capture: RawCapture = {
            profile: profile.id,
            vendor: profile.vendor,
            origin: msg.origin,
            transport: msg.transport,
            ...(msg.direction ? { direction: msg.direction } : {}),
            data: msg.data,
            at,
          };
          const result = pipeline.process(capture);
          if (result.accepted) sinks.accepted(profile.id, result.events, result.effects, at);
          else sinks.rejected(profile.id, `${result.stage}: ${result.reason}`, 1, at);
          return;
        }
      }
    },
  };
}
