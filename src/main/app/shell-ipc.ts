/**
 * main's side of ShellApi: every request must come from our shell UI's webContents, every
 * argument is parsed with the same zod schemas the preload used, and every answer is plain data.
 */
import type { IpcMain } from 'electron';
import type { AgentState } from '../../shared/contract/shell-event';
import type { z } from 'zod';
import { describeZodError } from '../../shared/contract/issues';
import { CHANNELS } from '../../shared/ipc/channels';
import {
  CallBackSchema,
  CopyTextSchema,
  DialAnswerSchema,
  DndModeSchema,
  EndpointSchema,
  RawPayloadIdSchema,
  RingActionSchema,
  SelectProfileSchema,
  SetAllPresenceSchema,
  SetPresenceSchema,
  type ConnectionTest,
  type Outcome,
  type RawPayload,
  type PresenceAllStatus,
  type SaveResult,
  type SettingsView,
  type ShellSnapshot,
} from '../../shared/ipc/shell-protocol';
import type { DndMode } from '../../shared/tray/dnd';
import { diag } from '../diagnostics';
import { safeHandle, safeOn } from '../ipc/safe-listeners';

export interface ShellIpcDeps {
  isShell(senderId: number): boolean;
  snapshot(): ShellSnapshot;
  rawPayload(id: string): RawPayload;
  select(profile: string): void;
  setDnd(mode: DndMode): void;
  setPresence(profile: string, state: AgentState): Outcome;
  settingsView(): SettingsView;
  saveSettings(input: unknown): SaveResult;
  testForwarding(endpoint: string): Promise<ConnectionTest>;
  exportLog(): Promise<Outcome>;
  openLogs(): Promise<Outcome>;
  copyText(text: string): void;
  dismissGuide(): void;
  setOverlay(open: boolean): void;
  answerDial(id: string, answer: 'call' | 'cancel'): Outcome;
  missedSeen(): void;
  callBack(id: string): Outcome;
  setAllPresence(choice: PresenceAllStatus['choice'], minutes: 15 | 30 | 60 | null): PresenceAllStatus;
  ringAction(id: string, action: 'answer' | 'decline' | 'open'): Outcome;
}

type Handler = (arg: unknown) => unknown;

/** A request the shell UI got wrong, answered (never thrown) with what was wrong and where. */
const refused = (what: string, error: z.ZodError): Outcome => ({ ok: false, reason: `${what}: ${describeZodError(error)}` });

export function registerShellIpc(ipc: Pick<IpcMain, 'handle' | 'on'>, deps: ShellIpcDeps): void {
  // Every listener answers (ipc/safe-listeners.ts): a malformed argument or a failure in main is
  // a refusal with its reason, logged, never an exception out of an ipcMain listener.
  const log = (channel: string, reason: string) => diag('app', `shell IPC ${channel} ${reason}`);
  const notShell = (senderId: number) => new Error(`webContents ${senderId} is not the shell UI: not allowed`);
  const handle = (channel: string, handler: Handler) =>
    safeHandle(ipc, channel, (event, arg) => {
      if (!deps.isShell(event.sender.id)) throw notShell(event.sender.id);
      return handler(arg);
    }, log);
  const on = (channel: string, handler: Handler) =>
    safeOn(ipc, channel, (event, arg) => {
      if (!deps.isShell(event.sender.id)) throw notShell(event.sender.id);
      handler(arg);
    }, log);

  handle(CHANNELS.shellState, () => deps.snapshot());
  handle(CHANNELS.shellRawPayload, (arg) => deps.rawPayload(RawPayloadIdSchema.parse(arg)));
  on(CHANNELS.shellSelectProfile, (arg) => deps.select(SelectProfileSchema.parse(arg)));
  handle(CHANNELS.shellSetDnd, (arg) => {
    deps.setDnd(DndModeSchema.parse(arg));
    return null;
  });
  handle(CHANNELS.shellSetPresence, (arg) => {
    const { profile, state } = SetPresenceSchema.parse(arg);
    return deps.setPresence(profile, state);
  });
  handle(CHANNELS.shellGetSettings, () => deps.settingsView());
  handle(CHANNELS.shellSaveSettings, (arg) => deps.saveSettings(arg));
  handle(CHANNELS.shellTestForwarding, (arg) => deps.testForwarding(EndpointSchema.parse(arg)));
  handle(CHANNELS.shellExportLog, () => deps.exportLog());
  handle(CHANNELS.shellOpenLogs, () => deps.openLogs());
  handle(CHANNELS.shellCopyText, (arg) => {
    deps.copyText(CopyTextSchema.parse(arg));
    return null;
  });
  on(CHANNELS.shellDismissGuide, () => deps.dismissGuide());
  on(CHANNELS.shellSetOverlay, (arg) => deps.setOverlay(arg === true));
  on(CHANNELS.shellMissedSeen, () => deps.missedSeen());
  handle(CHANNELS.shellCallBack, (arg) => deps.callBack(CallBackSchema.parse(arg)));
  handle(CHANNELS.shellSetAllPresence, (arg) => {
    const { choice, minutes } = SetAllPresenceSchema.parse(arg);
    return deps.setAllPresence(choice, minutes);
  });
  handle(CHANNELS.shellAnswerDial, (arg) => {
    // A malformed answer dials nothing and says why; it never throws out of the handler.
    const parsed = DialAnswerSchema.safeParse(arg);
    if (!parsed.success) return refused('bad answer to a call question', parsed.error);
    return deps.answerDial(parsed.data.id, parsed.data.answer);
  });
  handle(CHANNELS.shellRingAction, (arg) => {
    // As answerDial: a malformed request answers nothing and says why.
    const parsed = RingActionSchema.safeParse(arg);
    if (!parsed.success) return refused('bad ring action', parsed.error);
    return deps.ringAction(parsed.data.id, parsed.data.action);
  });
}

