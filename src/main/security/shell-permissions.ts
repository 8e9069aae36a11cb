/**
 * The shell UI's session grants nothing but what its ringtone needs (issue 14), and only to our
 * own shell page, app://shell: the permission CHECKS that let it list audio outputs with their
 * ids and labels and pick one with HTMLMediaElement.setSinkId. Every REQUEST stays denied (no
 * microphone, camera, notifications… for our own page).
 *
 * Why a check for 'media' (audio): Electron asks the check handler for media access through
 * WebContentsPermissionHelper::CheckMediaAccessPermission (electron/electron
 * shell/browser/web_contents_permission_helper.cc), which reports blink's AUDIO_CAPTURE check as
 * permission 'media' with details.mediaType 'audio' (shell/common/gin_converters/
 * content_converter.cc); Chromium runs that check before it tells a page the audio output
 * devices' ids and labels from enumerateDevices() or accepts a device id in setSinkId().
 * docs/api/session.md: check `media` — "Access to media devices such as camera, microphone and
 * speakers"; `speaker-selection` — "enumerate and select audio output devices". Without the
 * grant the page sees one unnamed default output and setSinkId(<headset>) is refused.
 */
import { APP_ORIGINS } from '../../shared/app-urls';
import { urlOrigin } from '../../shared/core/origin-policy';
import type { PermissionSession } from './permission-handlers';
import { describeUrl } from './navigation-policy';

export interface ShellCheck {
  permission: string;
  /** The frame's URL (details.requestingUrl) or, failing that, the requesting origin. */
  url: string | undefined;
  mediaType?: string;
}

export function decideShellCheck(check: ShellCheck): { granted: boolean; reason: string } {
  const origin = check.url ? urlOrigin(check.url) : undefined;
  const what = check.permission === 'media' ? `media (${check.mediaType ?? 'unknown'})` : check.permission;
  if (origin !== APP_ORIGINS.shell) return { granted: false, reason: `${what} denied to ${origin ?? 'a page without an origin'}: the shell UI's session grants only our shell page` };
  if (check.permission === 'speaker-selection') return { granted: true, reason: 'speaker-selection granted to the shell page: it plays the ringtone on the chosen output' };
  if (check.permission === 'media' && check.mediaType === 'audio') return { granted: true, reason: 'media (audio) check granted to the shell page: it lists audio outputs for the ringtone (no capture: requests are denied)' };
  return { granted: false, reason: `${what} denied: the shell page needs only audio output selection` };
}

export function installShellPermissionHandlers(session: PermissionSession, log: (message: string, data: object) => void): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(false);
    log(`${permission} denied: the shell UI requests no permission`, { kind: 'request', url: details.requestingUrl ? describeUrl(details.requestingUrl) : null });
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const decision = decideShellCheck({ permission, url: details.requestingUrl ?? requestingOrigin, ...(details.mediaType ? { mediaType: details.mediaType } : {}) });
    // Chromium checks on every enumeration: only refusals are worth a line.
    if (!decision.granted) log(decision.reason, { kind: 'check', origin: requestingOrigin });
    return decision.granted;
  });
}
