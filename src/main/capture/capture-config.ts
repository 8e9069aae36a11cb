/**
 * The capture config main hands each vendor view's preload (CHANNELS.captureConfig): everything
 * the bridge needs to judge messages by itself, derived from the profile and its adapter.
 */
import type { Profile } from '../../shared/contract/profile';
import { DEFAULT_CAPTURE_LIMITS } from '../../shared/core/measure';
import { effectiveMode, effectiveOrigins, vendorTargetOrigin } from '../../shared/core/profile-defaults';
import type { CaptureConfig } from '../../shared/ipc/capture-protocol';
import { ADAPTERS } from '../../shared/vendors/registry';

/** Well above any real vendor's rate (a busy RC tab sends a few per second), far below a flood. */
export const BRIDGE_MAX_PER_SECOND = 500;

/** `secret`: 16+ random lowercase hex/alnum characters from main's CSPRNG, one per view. */
export function buildCaptureConfig(profile: Profile, secret: string): CaptureConfig {
  const adapter = ADAPTERS[profile.vendor];
  const handshake = (adapter.handshake?.() ?? []).flatMap((m) => (m.transport === 'postMessage' ? [m.data] : []));
  return {
    profile: profile.id,
    vendor: profile.vendor,
    mode: effectiveMode(profile),
    allowedOrigins: [...effectiveOrigins(profile, adapter)],
    targetOrigin: vendorTargetOrigin(profile) ?? null,
    maxBytes: DEFAULT_CAPTURE_LIMITS.maxBytes,
    maxDepth: DEFAULT_CAPTURE_LIMITS.maxDepth,
    handshake,
    socketTap: adapter.transport === 'socket.io',
    tapEventName: `sb-tap-${secret}`,
    maxPerSecond: BRIDGE_MAX_PER_SECOND,
  };
}
