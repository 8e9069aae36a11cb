/**
 * Quitting while a call rings or is under way asks the agent first. Switchboard closes the
 * vendor views without running their beforeunload handlers (webContents.close() does not wait
 * for them unless asked: electron/electron docs/api/web-contents.md `contents.close([opts])`,
 * `waitForBeforeUnload` defaults to false), so the vendor's own "a call is active" prompt never
 * shows: the shell asks instead, once, for every profile with a call.
 */
import type { ProfilePresence } from '../../shared/contract/effects';

/** One line per profile with a call, in the agent's words; empty when nothing would be cut off. */
export function callsAtRisk(profiles: readonly ProfilePresence[], name: (profile: string) => string): string[] {
  return profiles.flatMap((p) => (p.state === 'ringing' ? [`${name(p.profile)}: a call is ringing`] : p.state === 'on-call' ? [`${name(p.profile)}: a call is under way`] : []));
}

export interface QuitQuestion {
  message: string;
  detail: string;
  buttons: [stay: string, quit: string];
}

export function quitQuestion(calls: readonly string[]): QuitQuestion {
  return {
    message: calls.length === 1 ? 'A call is still active. Quit Switchboard?' : `${calls.length} calls are still active. Quit Switchboard?`,
    detail: `${calls.join('\n')}\n\nQuitting closes the softphone: the call may drop.`,
    buttons: ['Keep Switchboard open', 'Quit anyway'],
  };
}

export interface QuitGuard {
  /** 'before-quit': true when the quit must wait (the agent is being asked, or said stay). */
  holds(): boolean;
}

/**
 * ask() resolves true to quit. While it is open further quit requests are held, not asked again;
 * once the agent said quit, the next app.quit() goes through.
 */
export function createQuitGuard(deps: { calls(): string[]; ask(calls: string[]): Promise<boolean>; quit(): void; log(message: string): void }): QuitGuard {
  let asking = false;
  let confirmed = false;
  return {
    holds() {
      if (confirmed) return false;
      if (asking) return true;
      const calls = deps.calls();
      if (calls.length === 0) return false;
      asking = true;
      deps.log(`quit asked during ${calls.length === 1 ? 'a call' : `${calls.length} calls`}; asking the agent`);
      deps.ask(calls).then(
        (quit) => {
          asking = false;
          deps.log(quit ? 'the agent chose to quit during a call' : 'the agent kept Switchboard open');
          if (!quit) return;
          confirmed = true;
          deps.quit();
        },
        (err: unknown) => {
          asking = false;
          deps.log(`the quit question failed (${String(err)}); staying open`);
        },
      );
      return true;
    },
  };
}
