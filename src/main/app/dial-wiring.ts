/**
 * Click-to-dial: a tel:, callto: or sip: link → the default softphone profile → the agent's answer
 * in the shell window ("Call +19005550199 with Sales US?") → its vendor's dial command, queued
 * until that softphone's dialer reports ready. Links come from vendor views (any frame) and from
 * other apps through the OS; none is the agent's own action in Switchboard, so every one asks
 * (src/shared/links/dial-confirmation.ts). Every link dial — asked, refused, confirmed, cancelled,
 * expired — is logged with its profile and source, the number redacted as the event log's
 * redaction setting says. Every outcome the agent needs to know about is said in plain words.
 */
import type { Profile } from '../../shared/contract/profile';
import type { Redaction } from '../../shared/contract/settings';
import type { ShellEvent } from '../../shared/contract/shell-event';
import { redactText } from '../../shared/core/redaction';
import { DialConfirmations, type DialAnswer, type DialSource, type PendingDial } from '../../shared/links/dial-confirmation';
import { parseDialLink } from '../../shared/links/dial-link';
import { canDialLinks, chooseDialProfile } from '../../shared/links/dial-profile';
import { DialQueue, isDialerReady, type DialRequest } from '../../shared/links/dial-queue';
import type { Outcome } from '../../shared/ipc/shell-protocol';
import type { CommandOutcome, ShellCommand } from '../commands/command-router';
import { diag } from '../diagnostics';

export interface DialerDeps {
  profiles(): readonly Profile[];
  /** The profile links dial through (policy default or settings), if chosen. */
  preferred(): string | null;
  focus(profileId: string): void;
  command(profile: string, command: ShellCommand): CommandOutcome;
  tell(message: string): void;
  /** The question to show in the shell window (null: none), bringing the window forward when asking. */
  ask(pending: PendingDial | null): void;
  redaction(): Redaction;
  now?: () => number;
}

export function createDialer(deps: DialerDeps) {
  const queue = new DialQueue();
  const confirmations = new DialConfirmations();
  const now = deps.now ?? Date.now;
  const dial = (request: DialRequest) => {
    const outcome = deps.command(request.profile, { type: 'dial', number: request.number });
    if (!outcome.ok) return deps.tell(`Could not call ${request.number}: ${outcome.reason}`);
    if (request.extension) deps.tell(`Calling ${request.number}: key in extension ${request.extension} when the call connects.`);
  };
  const logDial = (outcome: 'asked' | 'refused' | 'confirmed' | 'cancelled' | 'expired', request: { number: string; profile: string; source: DialSource }, reason?: string) =>
    diag('app', `link dial ${outcome}`, {
      profile: request.profile,
      source: request.source,
      number: redactText(request.number, deps.redaction()),
      ...(reason ? { reason } : {}),
    });
  const place = (pending: PendingDial) => {
    deps.focus(pending.profile);
    const submitted = queue.submit({ profile: pending.profile, number: pending.number, ...(pending.extension ? { extension: pending.extension } : {}), at: now() });
    if ('dial' in submitted) dial(submitted.dial);
    else if ('error' in submitted) deps.tell(submitted.error);
    else diag('app', `call queued until ${pending.profileName} is ready`, { profile: pending.profile, duplicate: submitted.duplicate });
  };
  return {
    /** A dial link from a view or the OS: parsed, then asked about; nothing is dialled before the answer. */
    link(url: string, source: DialSource): void {
      const parsed = parseDialLink(url);
      if ('error' in parsed) return deps.tell(`Cannot call from this link: ${parsed.error}`);
      const choice = chooseDialProfile(deps.profiles(), deps.preferred());
      if ('error' in choice) return deps.tell(choice.error);
      if (choice.note) diag('app', choice.note);
      const request = { number: parsed.number, ...(parsed.extension ? { extension: parsed.extension } : {}), profile: choice.profile.id, profileName: choice.profile.name, source };
      const asked = confirmations.ask(request, now());
      if ('refused' in asked) return logDial('refused', request, asked.refused);
      logDial('asked', request);
      deps.ask(asked.ask);
    },
    /**
     * Call back a missed caller: asked exactly as a link is (same question, rate limit, expiry
     * and log), through the profile the call was missed on when it can dial, else the softphone
     * links dial through.
     */
    callBack(number: string, missedOn: string): Outcome {
      const own = deps.profiles().find((p) => p.id === missedOn);
      const choice = own && canDialLinks(own.vendor) ? { profile: own } : chooseDialProfile(deps.profiles(), deps.preferred());
      if ('error' in choice) return { ok: false, reason: choice.error };
      const source: DialSource = { kind: 'call-back', profile: missedOn };
      const request = { number, profile: choice.profile.id, profileName: choice.profile.name, source };
      const asked = confirmations.ask(request, now());
      if ('refused' in asked) {
        logDial('refused', request, asked.refused);
        return { ok: false, reason: 'Another call question is open or was just answered: try again in a moment.' };
      }
      logDial('asked', request);
      deps.ask(asked.ask);
      return { ok: true, detail: `asking to call ${number} with ${choice.profile.name}` };
    },
    /** The agent's answer from the shell window. */
    answer(id: string, answer: DialAnswer): Outcome {
      const result = confirmations.answer(id, answer, now());
      if ('error' in result) return { ok: false, reason: result.error };
      deps.ask(null);
      if ('cancelled' in result) {
        logDial('cancelled', result.cancelled);
        return { ok: true, detail: 'not called' };
      }
      logDial('confirmed', result.call);
      place(result.call);
      return { ok: true, detail: `calling with ${result.call.profileName}` };
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
    tick(at: number): void {
      const expired = confirmations.expire(at);
      if (expired) {
        logDial('expired', expired, 'nobody answered');
        deps.ask(null);
      }
      for (const request of queue.expire(at)) deps.tell(`The call to ${request.number} was not placed: its softphone did not become ready in time.`);
    },
  };
}
