/**
 * Snapshots, settings and answers for the shell UI tests, built from the contract's schemas so
 * a fixture that drifts from ShellApi fails here rather than passing against a wrong shape.
 */
import { SettingsSchema, type SettingsInput } from '../../../src/shared/contract/settings';
import type { VendorId } from '../../../src/shared/contract/shell-event';
import {
  FeedEntrySchema,
  ProfileViewSchema,
  SettingsViewSchema,
  ShellSnapshotSchema,
  type FeedEntry,
  type Locks,
  type ProfileView,
  type SettingsView,
  type ShellSnapshot,
} from '../../../src/shared/ipc/shell-protocol';
import { noPresenceReason, settableStates } from '../../../src/shared/tray/vendor-presence';
import { ADAPTERS } from '../../../src/shared/vendors/registry';
import type { FakeInit, FakeResponses } from '../harness/fake-shell-api';

export function profileView(over: Partial<ProfileView> & { id: string; vendor: VendorId }): ProfileView {
  const settable = [...settableStates(over.vendor)];
  return ProfileViewSchema.parse({
    name: over.id,
    vendorLabel: ADAPTERS[over.vendor].label,
    state: 'available',
    agentState: 'available',
    health: 'ok',
    settableStates: settable,
    ...(settable.length === 0 ? { presenceNote: noPresenceReason(over.vendor) } : {}),
    ...over,
  });
}

export function snapshot(over: Partial<ShellSnapshot> = {}): ShellSnapshot {
  return ShellSnapshotSchema.parse({
    profiles: [],
    selected: null,
    tray: 'available',
    dnd: { mode: 'off' },
    dndScheduled: false,
    firstRun: false,
    guide: false,
    problems: [],
    feed: [],
    ...over,
  });
}

/** First start with no profile: main shows the demo softphone and the guide. */
export const firstRun = (): ShellSnapshot =>
  snapshot({ profiles: [profileView({ id: 'demo', name: 'Demo softphone', vendor: 'demo' })], selected: 'demo', firstRun: true, guide: true });

/** A working day: three profiles of three vendors. */
export const workday = (over: Partial<ShellSnapshot> = {}): ShellSnapshot =>
  snapshot({
    profiles: [
      profileView({ id: 'sales', name: 'Sales US', vendor: 'ringcentral-embeddable' }),
      profileView({ id: 'chat', name: 'Chat desk', vendor: 'engage-digital', agentState: null }),
      profileView({ id: 'support', name: 'Support EU', vendor: 'expertflow', state: 'busy', agentState: 'busy' }),
    ],
    selected: 'sales',
    ...over,
  });

let seq = 0;
const T0 = new Date(2025, 2, 4, 9, 30, 0).getTime();

export function feedEntry(over: Partial<FeedEntry> & Pick<FeedEntry, 'profile' | 'type' | 'summary'>): FeedEntry {
  seq++;
  return FeedEntrySchema.parse({ id: `f${seq}`, seq, at: T0 + seq * 1000, ...over });
}

/** The entries in the order they happened. */
const DAY: FeedEntry[] = [
  feedEntry({ profile: 'sales', type: 'event', kind: 'agent.state', summary: 'agent.state available [rc-adapter-syncPresence]', detail: '{\n  "type": "rc-adapter-syncPresence"\n}' }),
  feedEntry({
    profile: 'sales',
    type: 'event',
    kind: 'interaction.offered',
    summary: 'interaction.offered Jane Doe +1 650 555 0100 — Sales [rc-call-ring-notify]',
    detail: JSON.stringify({ type: 'rc-call-ring-notify', call: { id: 'call-42', direction: 'Inbound', fromUserName: 'Jane Doe', fromNumber: '+16505550100', extra: 'x'.repeat(300) } }, null, 2),
  }),
  feedEntry({ profile: 'chat', type: 'event', kind: 'message.inbound', summary: 'message.inbound Omar: "Where is my order?" [message.created]', detail: '{\n  "type": "message.created"\n}' }),
  feedEntry({ profile: 'chat', type: 'rejection', summary: 'rejected: origin https://evil.example is not allowed', detail: '{\n  "origin": "https://evil.example"\n}' }),
  feedEntry({ profile: 'support', type: 'permission', summary: 'media (audio) granted to https://agentdesk.example.com' }),
  feedEntry({ profile: 'sales', type: 'event', kind: 'interaction.ended', summary: 'interaction.ended Jane Doe [rc-call-end-notify]', detail: '{\n  "type": "rc-call-end-notify"\n}' }),
];

/** As snapshots carry it: newest first. */
export const FEED: FeedEntry[] = [...DAY].reverse();
export const OFFERED: FeedEntry = DAY[1]!;

export function settingsView(input: SettingsInput = {}, locks: Locks = {}): SettingsView {
  return SettingsViewSchema.parse({ settings: SettingsSchema.parse(input), locks });
}

export const WORKDAY_SETTINGS: SettingsInput = {
  profiles: [
    { id: 'sales', name: 'Sales US', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html' },
    { id: 'chat', name: 'Chat desk', vendor: 'engage-digital', url: 'https://acme.engagement.dimelo.com/', allowedOrigins: ['https://acme.engagement.dimelo.com'] },
    { id: 'support', name: 'Support EU', vendor: 'expertflow', url: 'https://agentdesk.example.com/', mode: 'direct' },
  ],
};

export function responses(over: Partial<FakeResponses> = {}): FakeResponses {
  return {
    setPresence: { ok: true, detail: 'sent' },
    saveSettings: { ok: true },
    testForwarding: { ok: true, status: 200, message: 'the endpoint accepted a test batch' },
    exportLog: { ok: true, detail: 'Saved to /home/agent/switchboard-events.jsonl' },
    openLogsFolder: { ok: true, detail: 'Opened the logs folder' },
    settings: settingsView(WORKDAY_SETTINGS),
    ...over,
  };
}

export const init = (snap: ShellSnapshot, over: Partial<FakeResponses> = {}): FakeInit => ({ snapshot: snap, responses: responses(over) });
