/**
 * Who may send a capture to main (DESIGN.md §5, "IPC sender validation"). The capture channel is
 * the only way vendor data enters the app, so a message counts only if it comes from the top
 * frame of a known profile view that is at the page that view is supposed to show: its host page
 * in framed mode, the vendor client itself in direct mode.
 *
 * The caller reads `event.senderFrame` synchronously in the IPC listener: Electron sets it to null
 * once the frame navigates away or is destroyed, so a later read proves nothing.
 */
import type { Profile } from '../../shared/contract/profile';
import { compileOriginPolicy, urlOrigin } from '../../shared/core/origin-policy';
import { vendorTargetOrigin } from '../../shared/core/profile-defaults';
import { describeUrl, isHostPageUrl, originPolicyFor, type ViewMode } from '../security/navigation-policy';

export interface CaptureSender {
  frame: { url: string; isMainFrame: boolean; detached?: boolean } | null;
  webContentsId: number;
}

export interface RegisteredView {
  profile: Profile;
  mode: ViewMode;
}

export type SenderVerdict = { ok: true; profile: Profile; mode: ViewMode } | { ok: false; reason: string };

export function validateCaptureSender(sender: CaptureSender, views: ReadonlyMap<number, RegisteredView>): SenderVerdict {
  const view = views.get(sender.webContentsId);
  if (!view) return { ok: false, reason: `sender ${sender.webContentsId} is not a profile view` };
  const { profile, mode } = view;
  const { frame } = sender;
  if (frame === null) return { ok: false, reason: `profile ${profile.id}: the sending frame is gone (navigated away or destroyed)` };
  if (frame.detached === true) return { ok: false, reason: `profile ${profile.id}: the sending frame is detached` };
  // Preloads run only in the top frame, so a sub frame on this channel is not our bridge.
  if (!frame.isMainFrame) return { ok: false, reason: `profile ${profile.id}: the sender is a sub frame, not the view's top frame` };

  if (mode === 'framed') {
    return isHostPageUrl(frame.url, profile)
      ? { ok: true, profile, mode }
      : { ok: false, reason: `profile ${profile.id}: the sender is at ${describeUrl(frame.url)}, not this profile's host page` };
  }

  const origin = urlOrigin(frame.url);
  if (origin === undefined) return { ok: false, reason: `profile ${profile.id}: the sender's URL has no origin to check` };
  const own = vendorTargetOrigin(profile);
  if (own !== undefined && compileOriginPolicy([own])(origin).ok) return { ok: true, profile, mode };
  // Our app: pages (host page, error page, shell) never speak for a direct-mode vendor, whatever
  // origin patterns a profile lists; only the vendor URL's own origin above can be app: (the demo).
  const scheme = new URL(frame.url).protocol;
  if (scheme !== 'https:' && scheme !== 'http:') {
    return { ok: false, reason: `profile ${profile.id}: the sender is at ${origin}, not a vendor origin` };
  }
  const verdict = originPolicyFor(profile)(origin);
  return verdict.ok ? { ok: true, profile, mode } : { ok: false, reason: `profile ${profile.id}: ${verdict.reason}` };
}
