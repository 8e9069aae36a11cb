/**
 * Navigation and popup rules for every webContents the app will ever have: vendor views, their
 * sign-in popups, the shell UI, anything else. The listener must be in place before the first
 * view exists: Electron emits 'web-contents-created' synchronously inside the WebContentsView
 * constructor (lib/browser/api/web-contents.ts `_init`), so a view created before it never gets
 * guards or a window-open handler.
 */
import type { App, WebContents } from 'electron';
import type { DialSource } from '../../shared/links/dial-confirmation';
import { diag } from '../diagnostics';
import { installNavigationGuards, installShellNavigationGuards } from '../security/navigation-guards';
import type { ViewRegistry } from '../shell/view-registry';

export interface ViewLinks {
  /** http(s) and mailto: links the policy hands to the OS. */
  openExternal(url: string): void;
  /** Dial links from a view: asked in the shell window, never handed to the OS. */
  dial(url: string, source: DialSource): void;
}

export function guardEveryWebContents(app: Pick<App, 'on'>, registry: ViewRegistry, links: ViewLinks): void {
  const log = (entry: object) => diag('navigation', 'decision', entry);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const owner = registry.owner(contents);
    // The shell UI, and anything not on a profile's session: our shell page only, no popups.
    if (!owner) return installShellNavigationGuards(contents, log);
    const { entry, role } = owner;
    // An in-app SSO popup shares the view's partition, but its top frame is the sign-in page
    // itself: judged like a direct-mode view (vendor, allowed and auth hosts only).
    installNavigationGuards(contents, { profile: entry.profile, mode: role === 'view' ? entry.mode : 'direct', partition: entry.partition, openExternal: links.openExternal, dial: links.dial, log });
  });
}
