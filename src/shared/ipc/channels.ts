/**
 * Every IPC channel, by name, in one place (compare Mattermost Desktop's communication.ts).
 * Preloads and main import these; a channel that is not here does not exist.
 */
export const CHANNELS = {
  /** vendor-host preload → main (sendSync): which profile am I, and how do I capture? */
  captureConfig: 'capture:config',
  /** vendor-host preload → main: one captured vendor message, or a bridge-side rejection. */
  capture: 'capture:message',
  /** main → vendor-host preload: deliver outbound messages into the vendor client. */
  vendorCommand: 'capture:command',
  /** main → vendor-host preload: are you answering? (a number; runtime/liveness.ts) */
  livenessPing: 'capture:ping',
  /** vendor-host preload → main: the same number back, from the page's main thread. */
  livenessPong: 'capture:pong',
  /** shell preload → main (invoke): current state of the shell for the UI. */
  shellState: 'shell:state',
  /** shell preload → main: select a profile's view. */
  shellSelectProfile: 'shell:select-profile',
  /** main → shell preload: something changed (events, presence, view health), as a ShellDelta. */
  shellUpdate: 'shell:update',
  /** shell preload → main (invoke): one feed entry's raw payload (RawPayloadIdSchema → RawPayload). */
  shellRawPayload: 'shell:raw-payload',
  /** shell preload → main (invoke) for each ShellApi call; payloads validated on both sides. */
  shellSetDnd: 'shell:set-dnd',
  shellSetPresence: 'shell:set-presence',
  shellGetSettings: 'shell:get-settings',
  shellSaveSettings: 'shell:save-settings',
  shellTestForwarding: 'shell:test-forwarding',
  shellExportLog: 'shell:export-log',
  shellOpenLogs: 'shell:open-logs',
  shellCopyText: 'shell:copy-text',
  /** The agent's answer to a link's "Call … with …?" question (DialAnswerSchema → Outcome). */
  shellAnswerDial: 'shell:answer-dial',
  /** Call back a missed caller (MissedCallSchema id → Outcome): asks the dial question first. */
  shellCallBack: 'shell:call-back',
  /** "Set all to …" (SetAllPresenceSchema → PresenceAllStatus). */
  shellSetAllPresence: 'shell:set-all-presence',
  /** Answer / Decline / Open on the ring surface (RingActionSchema → Outcome), from the shell UI or the ring window. */
  shellRingAction: 'shell:ring-action',
  /** shell preload → main (send). */
  shellDismissGuide: 'shell:dismiss-guide',
  shellSetOverlay: 'shell:set-overlay',
  shellMissedSeen: 'shell:missed-seen',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
