/**
 * Preload of our own shell UI (sandboxed, isolated world): the typed API `window.switchboard`
 * (ShellApi in src/shared/ipc/shell-protocol.ts). No raw ipcRenderer, no `process`, no Electron
 * event objects reach the page; arguments are validated here and again in main, and every
 * answer from main is validated before the page gets it.
 */
import './zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { CHANNELS } from '../shared/ipc/channels';
import {
  CallBackSchema,
  ConnectionTestSchema,
  CopyTextSchema,
  DialAnswerSchema,
  DndModeSchema,
  EndpointSchema,
  OutcomeSchema,
  PresenceAllStatusSchema,
  RefusedSchema,
  RingActionSchema,
  SaveResultSchema,
  SelectProfileSchema,
  SetAllPresenceSchema,
  SetPresenceSchema,
  RawPayloadIdSchema,
  RawPayloadSchema,
  SettingsViewSchema,
  ShellDeltaSchema,
  ShellSnapshotSchema,
  type ShellApi,
} from '../shared/ipc/shell-protocol';

/**
 * invoke() with the argument checked before it leaves and the answer checked when it returns; a
 * refusal from main (RefusedSchema) rejects with main's reason.
 */
async function call<T>(channel: string, answer: z.ZodType<T>, arg?: unknown): Promise<T> {
  const reply: unknown = await ipcRenderer.invoke(channel, arg);
  const refused = RefusedSchema.safeParse(reply);
  if (refused.success) throw new Error(`main refused ${channel}: ${refused.data.refused}`);
  return answer.parse(reply);
}

const api: ShellApi = {
  getState: () => call(CHANNELS.shellState, ShellSnapshotSchema),
  onUpdate(listener) {
    const handler = (_event: unknown, payload: unknown) => {
      // Only the delta is validated (and copied to the page): a few entries, not the whole feed.
      const delta = ShellDeltaSchema.safeParse(payload);
      if (delta.success) listener(delta.data);
    };
    ipcRenderer.on(CHANNELS.shellUpdate, handler);
    return () => void ipcRenderer.removeListener(CHANNELS.shellUpdate, handler);
  },
  rawPayload: (id) => call(CHANNELS.shellRawPayload, RawPayloadSchema, RawPayloadIdSchema.parse(id)),
  selectProfile(id) {
    if (SelectProfileSchema.safeParse(id).success) ipcRenderer.send(CHANNELS.shellSelectProfile, id);
  },
  setDnd: async (mode) => void (await call(CHANNELS.shellSetDnd, z.null(), DndModeSchema.parse(mode))),
  setPresence: (profile, state) => call(CHANNELS.shellSetPresence, OutcomeSchema, SetPresenceSchema.parse({ profile, state })),
  getSettings: () => call(CHANNELS.shellGetSettings, SettingsViewSchema),
  saveSettings: (settings) => call(CHANNELS.shellSaveSettings, SaveResultSchema, settings),
  testForwarding: (endpoint) => call(CHANNELS.shellTestForwarding, ConnectionTestSchema, EndpointSchema.parse(endpoint)),
  exportLog: () => call(CHANNELS.shellExportLog, OutcomeSchema),
  openLogsFolder: () => call(CHANNELS.shellOpenLogs, OutcomeSchema),
  copyText: async (text) => void (await call(CHANNELS.shellCopyText, z.null(), CopyTextSchema.parse(text))),
  dismissGuide: () => ipcRenderer.send(CHANNELS.shellDismissGuide),
  setOverlay: (open) => ipcRenderer.send(CHANNELS.shellSetOverlay, open === true),
  answerDial: (id, answer) => call(CHANNELS.shellAnswerDial, OutcomeSchema, DialAnswerSchema.parse({ id, answer })),
  missedSeen: () => ipcRenderer.send(CHANNELS.shellMissedSeen),
  callBack: (id) => call(CHANNELS.shellCallBack, OutcomeSchema, CallBackSchema.parse(id)),
  setAllPresence: (choice, minutes) => call(CHANNELS.shellSetAllPresence, PresenceAllStatusSchema, SetAllPresenceSchema.parse({ choice, minutes })),
  ringAction: (id, action) => call(CHANNELS.shellRingAction, OutcomeSchema, RingActionSchema.parse({ id, action })),
};

contextBridge.exposeInMainWorld('switchboard', api);
