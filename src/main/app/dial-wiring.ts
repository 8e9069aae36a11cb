/**
 * Click-to-dial: a tel:, callto: or sip: link → the default softphone profile → its vendor's dial
 * command, queued until that softphone's dialer reports ready. Every outcome the agent needs to
 * know about (bad number, no profile can dial, timed out) is said in plain words.
 */
import type { Profile } from '../../shared/contract/profile';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { parseDialLink } from '../../shared/links/dial-link';
import { chooseDialProfile } from '../../shared/links/dial-profile';
import { DialQueue, isDialerReady, type DialRequest } from '../../shared/links/dial-queue';
import type { CommandOutcome, ShellCommand } from '../commands/command-router';
import { diag } from '../diagnostics';

export interface DialerDeps {
  profiles(): readonly Profile[];
  /** The profile links dial through (policy default or settings), if chosen. */
  preferred(): string | null;
  focus(profileId: string): void;
  command(profile: string, command: ShellCommand): CommandOutcome;
  tell(message: string): void;
}

export function createDialer(deps: DialerDeps) {
  const queue = new DialQueue();
  const dial = (request: DialRequest) => {
    const outcome = deps.command(request.profile, { type: 'dial', number: request.number });
    if (!outcome.ok) return deps.tell(`Could not call ${request.number}: ${outcome.reason}`);
    if (request.extension) deps.tell(`Calling ${request.number}: key in extension ${request.extension} when the call connects.`);
  };
  return {
    link(url: string): void {
      const parsed = parseDialLink(url);
      if ('error' in parsed) return deps.tell(`Cannot call from this link: ${parsed.error}`);
      const choice = chooseDialProfile(deps.profiles(), deps.preferred());
      if ('error' in choice) return deps.tell(choice.error);
      if (choice.note) diag('app', choice.note);
      deps.focus(choice.profile.id);
      const submitted = queue.submit({ profile: choice.profile.id, number: parsed.number, ...(parsed.extension ? { extension: parsed.extension } : {}), at: Date.now() });
      if ('dial' in submitted) dial(submitted.dial);
      else if ('error' in submitted) deps.tell(submitted.error);
      else diag('app', `call to ${parsed.number} queued until ${choice.profile.name} is ready`, { duplicate: submitted.duplicate });
    },
    /** Accepted events of a profile: its dialer may have become ready (or not). */
    events(profile: string, events: readonly ShellEvent[]): void {
      for (const e of events) {
        const ready = isDialerReady(e);
        if (ready !== undefined) queue.setReady(profile, ready).forEach(dial);
      }
    },
    notReady(profile: string): void {
      queue.setReady(profile, false);
    },
    tick(now: number): void {
      for (const request of queue.expire(now)) deps.tell(`The call to ${request.number} was not placed: its softphone did not become ready in time.`);
    },
  };
}
