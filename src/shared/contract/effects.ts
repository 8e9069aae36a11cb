/**
 * What the core decides should happen; the notifier, tray and log modules in main carry it out.
 */
import type { AgentState, Media } from './shell-event';

/** The tray's single aggregate state; see core/presence.ts for the aggregation rule. */
export const TRAY_STATES = ['available', 'ringing', 'on-call', 'busy', 'wrap-up', 'away', 'dnd', 'offline'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export type NotifyAction = 'answer' | 'decline';
export type SuppressReason = 'dnd' | 'duplicate' | 'focused' | 'rate-limit' | 'rule';

export interface ProfilePresence {
  profile: string;
  /** Last routing state the vendor reported, or null when it never said. */
  agentState: AgentState | null;
  /** What this profile contributes to the tray. */
  state: TrayState;
}

export type Effect =
  | {
      type: 'notify';
      /** Which event asked for it: the notifier styles calls, misses and messages differently. */
      kind: 'interaction.offered' | 'interaction.missed' | 'message.inbound';
      /** Lets the notifier word a redacted toast ("Incoming call") without the party. */
      media?: Media;
      title: string;
      body: string;
      profile: string;
      ref?: string;
      actions: NotifyAction[];
      /**
       * A later event of the same ring named what the first one could not (Huawei's unnamed
       * AgentOther_PhoneAlerting, then AgentEvent_Ringing with the caller): the toast is replaced
       * without sounding again.
       */
      update?: true;
    }
  | { type: 'suppress'; reason: SuppressReason; ref?: string; profile: string; kind: string }
  /** The ringing notification for `ref` (absent: the profile's unnamed ring) is stale now. */
  /** `expired`: no vendor event ended the ring within the ring timeout (core/presence.ts). */
  | { type: 'dismiss'; profile: string; ref?: string; expired?: true }
  | { type: 'presence'; state: TrayState; profiles: ProfilePresence[] };
