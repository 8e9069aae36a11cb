/**
 * The only place webPreferences are written (DESIGN.md §5). Every view the app creates gets its
 * preferences from one of these factories, so the Electron security checklist is applied in one
 * reviewed spot instead of at each `new WebContentsView(...)`.
 *
 * The factories take exactly the values that legitimately vary (partition, preload) and nothing
 * else: there is no override parameter, so no caller can switch a hardening key off, and an object
 * with extra keys smuggled in through a cast is ignored rather than spread.
 */
import { isAbsolute } from 'node:path';
import type { WebPreferences } from 'electron';

const PARTITION_RE = /^persist:profile-[a-z0-9-]+$/;

/**
 * Keys shared by every view. Spellcheck is off everywhere because Chromium fetches dictionaries
 * from Google's CDN, which managed agent workstations should not be doing behind IT's back.
 */
function hardening(): WebPreferences {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The persistent session of one profile; two profiles never share cookies (DESIGN.md §1). */
export function profilePartition(profileId: string): string {
  return checkPartition(`persist:profile-${profileId}`);
}

/** A vendor client's view (the host page in framed mode, the vendor page itself in direct mode). */
export function vendorViewPreferences(opts: { partition: string; preload: string }): WebPreferences {
  return {
    ...hardening(),
    // Softphones keep SIP registrations and WebSocket heartbeats on timers; throttled timers in a
    // hidden view drop the registration and the agent misses calls on the profile they are not
    // looking at.
    backgroundThrottling: false,
    // A ringtone has to play before the agent ever clicked into that view.
    autoplayPolicy: 'no-user-gesture-required',
    partition: checkPartition(opts.partition),
    preload: checkPreload(opts.preload),
  };
}

/**
 * The shell UI's own session: in memory (it keeps nothing), apart from every profile's and from
 * the default session, with only our app:// handler and deny-all permission handlers on it.
 */
export const SHELL_PARTITION = 'shell';

/** Our own shell UI. Throttling and the default autoplay policy are fine: it plays nothing. */
export function shellViewPreferences(opts: { preload: string }): WebPreferences {
  return { ...hardening(), partition: SHELL_PARTITION, preload: checkPreload(opts.preload) };
}

/**
 * An in-app SSO/OAuth popup. It must share the profile's partition so the login cookies land where
 * the vendor client will look for them, and it gets no preload: an identity provider's page has
 * nothing to capture and must not see any of our code.
 */
export function popupPreferences(partition: string): WebPreferences {
  return { ...hardening(), partition: checkPartition(partition) };
}

// A bad partition or preload is a bug in our wiring, not user input, so it throws instead of
// falling back to the default session (which would silently merge profiles' cookies).
function checkPartition(partition: string): string {
  if (typeof partition !== 'string' || !PARTITION_RE.test(partition)) {
    throw new Error(`Invalid view partition ${JSON.stringify(partition)}: expected "persist:profile-<id>" (a-z, 0-9, "-")`);
  }
  return partition;
}

function checkPreload(preload: string): string {
  if (typeof preload !== 'string' || preload === '' || !isAbsolute(preload)) {
    throw new Error(`Invalid preload path ${JSON.stringify(preload)}: Electron needs an absolute path`);
  }
  return preload;
}
