/**
 * Links that arrive before the chosen softphone can dial (the app was started by the link, or the
 * agent is still signing in) wait here until its dialer reports ready, the way RingCentral's own
 * desktop app gates queued tel: dialing on rc-dialer-status-notify. Bounded and timed out, so a
 * softphone that never becomes ready cannot collect calls the agent forgot about long ago.
 * Pure: the caller passes the time and does the dialing.
 */
import type { ShellEvent } from '../contract/shell-event';

export interface DialRequest {
  profile: string;
  number: string;
  extension?: string;
  /** When the link arrived (ms since epoch). */
  at: number;
}

export type SubmitResult =
  | { dial: DialRequest }
  | { queued: DialRequest; duplicate: boolean }
  | { error: string };

export interface DialQueueOptions {
  /** Links kept waiting at most (default 5). */
  max?: number;
  /** How long a link waits for its softphone (default 2 minutes: enough for a single sign-on). */
  timeoutMs?: number;
}

export class DialQueue {
  private readonly ready = new Map<string, boolean>();
  private waiting: DialRequest[] = [];
  private readonly max: number;
  readonly timeoutMs: number;

  constructor(options: DialQueueOptions = {}) {
    this.max = options.max ?? 5;
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  isReady(profile: string): boolean {
    return this.ready.get(profile) === true;
  }

  /** Dial now when the profile is ready; otherwise wait (a repeated click is not queued twice). */
  submit(request: DialRequest): SubmitResult {
    if (this.isReady(request.profile)) return { dial: request };
    const same = this.waiting.find((w) => w.profile === request.profile && w.number === request.number);
    if (same) return { queued: same, duplicate: true };
    if (this.waiting.length >= this.max) {
      return { error: `Not dialing ${request.number}: ${this.max} calls are already waiting for the softphone to be ready.` };
    }
    this.waiting.push(request);
    return { queued: request, duplicate: false };
  }

  /** Records the dialer's state; when it becomes ready, returns its waiting links, oldest first. */
  setReady(profile: string, ready: boolean): DialRequest[] {
    this.ready.set(profile, ready);
    if (!ready) return [];
    const released = this.waiting.filter((w) => w.profile === profile);
    this.waiting = this.waiting.filter((w) => w.profile !== profile);
    return released;
  }

  /** Removes and returns links that waited longer than the timeout (the agent is told). */
  expire(now: number): DialRequest[] {
    const expired = this.waiting.filter((w) => now - w.at >= this.timeoutMs);
    this.waiting = this.waiting.filter((w) => now - w.at < this.timeoutMs);
    return expired;
  }

  pending(): readonly DialRequest[] {
    return this.waiting;
  }
}

const RC_LIKE = new Set(['ringcentral-embeddable', 'demo']);

/**
 * What an accepted event says about its profile's dialer: true (ready), false (not ready), or
 * undefined (nothing). RingCentral and the demo report `rc-dialer-status-notify {ready}` (a
 * vendor.info event) and lose the dialer on logout; Huawei AICC can call out once the agent is in
 * service (AgentOther_InService) until AgentOther_ShutdownService.
 */
export function isDialerReady(event: Pick<ShellEvent, 'vendor' | 'kind' | 'vendorEvent' | 'raw' | 'loggedIn'>): boolean | undefined {
  if (RC_LIKE.has(event.vendor)) {
    if (event.kind === 'vendor.info' && event.vendorEvent === 'rc-dialer-status-notify') {
      const ready = event.raw && typeof event.raw === 'object' ? (event.raw as Record<string, unknown>).ready : undefined;
      return typeof ready === 'boolean' ? ready : undefined;
    }
    if (event.kind === 'agent.session' && event.loggedIn === false) return false;
    return undefined;
  }
  if (event.vendor === 'huawei-aicc' && event.kind === 'agent.session') {
    if (event.vendorEvent === 'AgentOther_InService' && event.loggedIn === true) return true;
    if (event.loggedIn === false) return false;
  }
  return undefined;
}
