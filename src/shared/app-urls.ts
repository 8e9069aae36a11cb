/**
 * Our own pages are served from the privileged `app:` scheme (never file://), one host each, so
 * each is its own origin: the host page and the demo softphone are cross-origin to each other,
 * exactly like a real vendor frame.
 */
export const APP_SCHEME = 'app';

export const APP_HOSTS = {
  /** Per-profile host page that frames the vendor client: app://host/profile/<id> */
  host: 'host',
  /** The built-in demo softphone. */
  demo: 'demo',
  /** The shell window's UI. */
  shell: 'shell',
} as const;

export const APP_ORIGINS = {
  host: `${APP_SCHEME}://${APP_HOSTS.host}`,
  demo: `${APP_SCHEME}://${APP_HOSTS.demo}`,
  shell: `${APP_SCHEME}://${APP_HOSTS.shell}`,
} as const;

export const hostPageUrl = (profileId: string): string => `${APP_ORIGINS.host}/profile/${encodeURIComponent(profileId)}`;
/** Where a view shows why it could not load, with a link back to its host page. */
export const errorPageUrl = (profileId: string): string => `${APP_ORIGINS.host}/error/${encodeURIComponent(profileId)}`;
export const DEMO_URL = `${APP_ORIGINS.demo}/demo.html`;
export const SHELL_URL = `${APP_ORIGINS.shell}/index.html`;
/** The small always-on-top ring window: the shell UI's own page, showing only the ring surface. */
export const RING_WINDOW_URL = `${SHELL_URL}#ring`;
