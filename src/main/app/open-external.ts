/**
 * Handing a link to the OS (shell.openExternal) without losing a refusal. Electron's
 * shell.openExternal returns a Promise that rejects when the desktop cannot open the URL
 * (electron/electron docs/api/shell.md; shell/common/platform_util_linux.cc: "Failed to open
 * path" when xdg-open/xdg-email cannot be started; platform_util_win.cc: "Failed to open: …"
 * when ShellExecuteEx fails, no browser or mail app registered). Left unhandled, that rejection
 * would only reach the last-resort handler (runtime/last-resort.ts) and the agent who clicked the
 * link would see nothing happen. Here it is logged and the agent is told which site could not be
 * opened. Only the URL's origin and path are shown or logged (describeUrl): a query string can
 * carry a customer's data.
 */
import { describeUrl } from '../security/navigation-policy';

export interface ExternalOpenerDeps {
  /** shell.openExternal. */
  open(url: string): Promise<void>;
  log(message: string, data: Record<string, unknown>): void;
  /** Shown to the agent (the shell window's problems). */
  tell(message: string): void;
}

export function createExternalOpener(deps: ExternalOpenerDeps): (url: string) => void {
  return (url) => {
    let opening: Promise<void>;
    try {
      opening = deps.open(url);
    } catch (err) {
      opening = Promise.reject(err);
    }
    opening.catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      const shown = describeUrl(url);
      deps.log('the OS did not open a link', { url: shown, reason });
      deps.tell(`Your computer could not open ${shown} (${reason}). Open it in your browser yourself, or ask IT to set a default browser and mail app.`);
    });
  };
}
