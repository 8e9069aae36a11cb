/**
 * Which web permissions a profile's pages get (DESIGN.md §5). Pure, so every branch is tested
 * without Electron; permission-handlers.ts wires it to a session (compare Signal Desktop's
 * app/permissions.std.ts).
 *
 * Granted, and only to the profile's allowed origins:
 *   media                      microphone always if the profile allows audio; camera only if it
 *                              allows video
 *   speaker-selection          choosing the headset as ring/voice output
 *   clipboard-sanitized-write  "copy number" buttons
 *
 * Denied on purpose: notifications. Vendors' own web notifications are replaced by Switchboard's
 * (issue 4): one toast per call, closed when the call is answered, subject to DND and the
 * profile's rules. Letting RC's adapter or the Agent Desk toast too would mean two toasts for one
 * call, one of them deaf to DND. The vendor page sees the permission as denied and carries on.
 *
 * Denied, among the names Electron 45 can ask about: geolocation, geolocation-approximate, midi,
 * midiSysex, pointerLock, fullscreen, automatic-fullscreen, openExternal (external links go
 * through the popup policy instead), window-management, unknown, hid, serial, usb, nfc, sensors,
 * idle-detection, storage-access, top-level-storage-access, display-capture (no screen sharing),
 * captured-surface-control, keyboardLock, clipboard-read, deprecated-sync-clipboard-read,
 * fileSystem, mediaKeySystem, local-fonts, local-network-access, persistent-storage,
 * background-sync, background-fetch, periodic-background-sync, payment-handler, screen-wake-lock,
 * system-wake-lock, web-app-installation, web-printing, smart-card, ar, vr, hand-tracking — and
 * any name a later Electron adds, since this is an allowlist.
 */
import type { Profile } from '../../shared/contract/profile';
import { urlOrigin } from '../../shared/core/origin-policy';
import { originPolicyFor } from './navigation-policy';

export type MediaType = 'audio' | 'video';

export interface PermissionQuery {
  permission: string;
  requestingUrl: string | undefined;
  isMainFrame: boolean | undefined;
  /** Request handler: what getUserMedia asked for. */
  mediaTypes?: readonly MediaType[];
  /** Check handler: the one device kind being checked. */
  mediaType?: 'audio' | 'video' | 'unknown';
  kind: 'request' | 'check';
}

export interface PermissionDecision {
  granted: boolean;
  /** A plain sentence for the log. */
  reason: string;
  /** The origin the decision was about, when the requesting URL had one. */
  origin: string | undefined;
  /** For granted media: the device kinds granted. */
  mediaTypes?: readonly MediaType[];
}

const GRANTABLE: ReadonlySet<string> = new Set(['media', 'speaker-selection', 'clipboard-sanitized-write']);
export const VENDOR_NOTIFICATIONS_DENIED = "notifications denied: vendor web notifications are replaced by Switchboard's own (one toast per call, DND-aware)";

/**
 * A frame is judged by its own requesting URL, whatever frame embeds it: the host page
 * (app://host) must not lend a grant to the vendor iframe, nor the iframe to the host page.
 * `isMainFrame` is therefore not an input to the verdict.
 */
export function decidePermission(req: PermissionQuery, profile: Profile): PermissionDecision {
  const { permission } = req;
  if (permission === 'notifications') return { granted: false, reason: VENDOR_NOTIFICATIONS_DENIED, origin: req.requestingUrl ? urlOrigin(req.requestingUrl) : undefined };
  if (!GRANTABLE.has(permission)) {
    return { granted: false, reason: `${permission} denied: not a permission Switchboard grants`, origin: undefined };
  }
  const media = permission === 'media' ? requestedMedia(req) : undefined;
  const label = media ? `media (${media.join(', ')})` : permission;

  if (req.requestingUrl === undefined || req.requestingUrl === '') {
    return { granted: false, reason: `${label} denied: no requesting URL`, origin: undefined };
  }
  const origin = urlOrigin(req.requestingUrl);
  if (origin === undefined) {
    return { granted: false, reason: `${label} denied: the requesting URL has no origin Switchboard can check`, origin: undefined };
  }
  const deny = (why: string): PermissionDecision => ({ granted: false, reason: `${label} denied to ${origin}: ${why}`, origin });

  const mediaTypes: MediaType[] = [];
  if (media) {
    // Our own pages (host page, demo softphone, shell) never capture audio or video; a
    // configured "app://..." origin pattern must not change that.
    if (new URL(req.requestingUrl).protocol === 'app:') return deny('our own app pages never get media');
    for (const type of media) {
      if (type !== 'audio' && type !== 'video') return deny(`${type} is not a device kind Switchboard grants`);
      if (!profile.media[type]) return deny(`${type} is switched off for this profile`);
      mediaTypes.push(type);
    }
  }
  const verdict = originPolicyFor(profile)(origin);
  if (!verdict.ok) return deny(verdict.reason);
  return {
    granted: true,
    reason: `${label} granted to ${origin}: allowed origin`,
    origin,
    ...(media ? { mediaTypes } : {}),
  };
}

/**
 * The device kinds a media query is about. A check for 'unknown' and a request that names no
 * kind are treated as audio: the least a softphone needs, never more than the profile allows.
 */
function requestedMedia(req: PermissionQuery): string[] {
  if (req.kind === 'check') return [req.mediaType === 'video' ? 'video' : 'audio'];
  const types: readonly string[] = req.mediaTypes ?? [];
  return types.length === 0 ? ['audio'] : [...new Set(types)].sort();
}
