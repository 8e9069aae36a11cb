/**
 * Link dials wait for the agent's answer. A tel:, callto: or sip: link that did not come from the
 * agent's own action in Switchboard — a vendor page or a frame inside it (a third-party widget
 * included), or another app on the desktop through the OS — places no call until the agent says
 * "Call" in the shell window. The shell UI has no dial action of its own, so every link dial asks.
 *
 * Rate limit: one question at a time; a link that arrives while one is open, or within the
 * cooldown after the last one was answered or expired, is refused (the caller logs it). A
 * question nobody answers expires and dials nothing. Pure: the caller passes the time.
 */

/** Where a link dial came from, for the question and the diagnostics log. */
export type DialSource =
  | { kind: 'os' }
  /** Call back from the Missed list: the agent's own click, asked the same way (one path to a dial). */
  | { kind: 'call-back'; profile: string }
  | {
      kind: 'view';
      /** The profile whose view (or a frame in it) asked. */
      profile: string;
      /** How: window.open / target=_blank, a same-window link, or Chromium's external-protocol request. */
      via: 'window-open' | 'navigation' | 'external-protocol';
      /** The asking frame or page, as origin only; null when Electron does not say. */
      origin: string | null;
    };

export interface DialAsk {
  number: string;
  extension?: string;
  /** The profile that will place the call, and its name as the agent knows it. */
  profile: string;
  profileName: string;
  source: DialSource;
}

export interface PendingDial extends DialAsk {
  id: string;
  at: number;
}

export type AskResult = { ask: PendingDial } | { refused: string };
export type AnswerResult = { call: PendingDial } | { cancelled: PendingDial } | { error: string };

export interface DialConfirmationOptions {
  /** After a question closes, further link dials are refused for this long (default 3 s). */
  cooldownMs?: number;
  /** A question nobody answers is withdrawn after this long (default 60 s). */
  expireMs?: number;
}

export const DIAL_ANSWERS = ['call', 'cancel'] as const;
export type DialAnswer = (typeof DIAL_ANSWERS)[number];

export class DialConfirmations {
  private open: PendingDial | null = null;
  private closedAt = Number.NEGATIVE_INFINITY;
  private seq = 0;
  readonly cooldownMs: number;
  readonly expireMs: number;

  constructor(options: DialConfirmationOptions = {}) {
    this.cooldownMs = options.cooldownMs ?? 3_000;
    this.expireMs = options.expireMs ?? 60_000;
  }

  pending(): PendingDial | null {
    return this.open;
  }

  ask(request: DialAsk, now: number): AskResult {
    if (this.open) return { refused: 'another call is already waiting for the agent to answer' };
    const since = now - this.closedAt;
    if (since < this.cooldownMs) return { refused: `a link asked to call ${Math.round(since)} ms after the last question closed (at most one every ${this.cooldownMs} ms)` };
    this.open = { ...request, id: `dial-${++this.seq}`, at: now };
    return { ask: this.open };
  }

  /** The agent's answer to question `id`; an answer to any other question is refused. */
  answer(id: string, answer: DialAnswer, now: number): AnswerResult {
    const open = this.open;
    if (!open || open.id !== id) return { error: `there is no open question "${id.slice(0, 40)}"` };
    this.close(now);
    return answer === 'call' ? { call: open } : { cancelled: open };
  }

  /** Withdraws the open question once it is older than expireMs; returns it then. */
  expire(now: number): PendingDial | null {
    const open = this.open;
    if (!open || now - open.at < this.expireMs) return null;
    this.close(now);
    return open;
  }

  private close(now: number): void {
    this.open = null;
    this.closedAt = now;
  }
}

/** "a page in Support (https://widget.example)", "another app" — who asked, in the agent's words. */
export function describeDialSource(source: DialSource, profileName: (id: string) => string): string {
  if (source.kind === 'os') return 'a link opened in another app';
  if (source.kind === 'call-back') return `Call back on your Missed list (${profileName(source.profile)})`;
  const where = profileName(source.profile);
  const what = source.via === 'navigation' ? 'a link' : 'a page';
  return source.origin ? `${what} in ${where} (${source.origin})` : `${what} in ${where}`;
}
