/**
 * Which rings the ringtone sounds for, and the count the taskbar badge shows (issue 14). Pure: main
 * feeds it the pipeline's effects and events (src/main/shell/shell-state.ts) and the snapshot
 * carries the result to the shell page, which plays (renderer/shell/state/use-ringtone.ts).
 *
 * It follows the ring toasts, so it rings exactly when main alerts for a call (core/decide.ts has
 * already applied the profile's rules, DND with ring-through, focus and rate limits):
 *   starts  a `notify` for interaction.offered (not an `update` of a ring already up)
 *   stops   its `dismiss` (answered here or anywhere, declined, ended, missed — decide.ts dismisses
 *           on every other interaction.* event of the call), or do-not-disturb coming on (a call
 *           that rings through DND keeps ringing), or main's ring timer (`dismiss` with `expired`)
 *   ring until answered: an expired ring keeps sounding until a later interaction.* event of the
 *           call (the same ref; an unnamed ring: any for that profile), DND, or
 *           RING_UNTIL_ANSWERED_MAX_MS after it started.
 * The badge counts rings sounding plus missed calls since the agent last looked (`seen()`).
 */
import type { Effect } from '../contract/effects';
import type { Media, ShellEvent } from '../contract/shell-event';
import { RING_UNTIL_ANSWERED_MAX_MS } from '../contract/settings-ringtone';
import { toastKey } from './toast-model';

interface Sounding {
  profile: string;
  ref: string | undefined;
  since: number;
  media: Media | undefined;
  /** main's ring timer passed; kept only for "ring until answered". */
  expired: boolean;
}

const isCall = (media: Media | undefined) => media === 'voice' || media === 'video';
const MAX_SOUNDING = 64;

export class RingSound {
  private readonly rings = new Map<string, Sounding>();
  private missed = 0;
  private untilAnswered = false;
  private dnd = false;
  private ringThroughDnd = false;

  configure(options: { untilAnswered: boolean; ringThroughDnd: boolean }): void {
    this.untilAnswered = options.untilAnswered;
    this.ringThroughDnd = options.ringThroughDnd;
    if (!this.untilAnswered) for (const [key, ring] of this.rings) if (ring.expired) this.rings.delete(key);
    this.applyDnd();
  }

  /** Do-not-disturb on silences every ring but the calls that ring through it. */
  setDnd(on: boolean): void {
    this.dnd = on;
    this.applyDnd();
  }

  record(events: readonly ShellEvent[], effects: readonly Effect[], at: number): void {
    for (const e of events) {
      if (e.kind === 'interaction.offered' || !e.kind.startsWith('interaction.')) continue;
      // An expired ring is in no RingBook any more, so no dismiss will come for it: its call's next event ends it.
      for (const [key, ring] of this.rings) {
        if (ring.expired && ring.profile === e.profile && (ring.ref === undefined || ring.ref === e.ref)) this.rings.delete(key);
      }
    }
    for (const effect of effects) {
      if (effect.type === 'notify' && effect.kind === 'interaction.offered' && !effect.update) {
        if (this.rings.size >= MAX_SOUNDING) this.rings.delete(this.rings.keys().next().value!);
        this.rings.set(toastKey(effect.profile, effect.ref), { profile: effect.profile, ref: effect.ref, since: at, media: effect.media, expired: false });
      } else if (effect.type === 'notify' && effect.kind === 'interaction.missed' && isCall(effect.media ?? 'voice')) {
        this.missed++;
      } else if (effect.type === 'dismiss') {
        const key = toastKey(effect.profile, effect.ref);
        const ring = this.rings.get(key);
        if (!ring) continue;
        if (effect.expired && this.untilAnswered) ring.expired = true;
        else this.rings.delete(key);
      }
    }
    this.tick(at);
  }

  /** "Ring until answered" is bounded: a vendor that never says what became of the call rings out. */
  tick(now: number): void {
    for (const [key, ring] of this.rings) if (ring.expired && now - ring.since >= RING_UNTIL_ANSWERED_MAX_MS) this.rings.delete(key);
  }

  /** The agent looked at the window: the missed calls are seen. */
  seen(): void {
    this.missed = 0;
  }

  get ringing(): number {
    return this.rings.size;
  }

  /** What the taskbar badge counts. */
  get badge(): number {
    return this.rings.size + this.missed;
  }

  private applyDnd(): void {
    if (!this.dnd) return;
    for (const [key, ring] of this.rings) if (!(this.ringThroughDnd && isCall(ring.media))) this.rings.delete(key);
  }
}
