/**
 * A fake `window.switchboard` for the shell UI in the browser tier: the ShellApi main and the
 * shell preload implement, played by the test. installFakeShellApi is serialized into the page
 * with page.addInitScript, so it runs before the UI's scripts and may use nothing from outside
 * its own body. It records every call and answers with what the test set; selectProfile, setDnd
 * and dismissGuide go to main's modules in the test process (test/support/shell-main.ts, through
 * the page binding MAIN_BINDING), whose next snapshot it pushes, as main would.
 */
import type { AgentState } from '../../../src/shared/contract/shell-event';
import type { Settings } from '../../../src/shared/contract/settings';
import type { ConnectionTest, Outcome, PresenceAllStatus, RawPayload, SaveResult, SettingsView, ShellApi, ShellDelta, ShellSnapshot } from '../../../src/shared/ipc/shell-protocol';
import type { DndMode } from '../../../src/shared/tray/dnd';
import type { MainCall, MainUpdate } from '../../support/shell-main';

export type ApiMethod = keyof ShellApi;

/** The page binding through which the fake asks main (ShellMain.handle) for its next snapshot. */
export const MAIN_BINDING = '__shellMain';
/** The page binding through which the fake asks main's ShellState for a raw payload. */
export const RAW_BINDING = '__shellRaw';
/** …and through which it reads what main answered an invoke beyond the snapshot (ShellMain.lastAnswer). */
export const MAIN_ANSWER_BINDING = '__shellMainAnswer';

export interface FakeCall {
  method: ApiMethod;
  args: unknown[];
}

export interface FakeResponses {
  setPresence: Outcome;
  saveSettings: SaveResult;
  testForwarding: ConnectionTest;
  exportLog: Outcome;
  openLogsFolder: Outcome;
  settings: SettingsView;
}

export interface FakeInit {
  snapshot: ShellSnapshot;
  responses: FakeResponses;
  /** MAIN_BINDING's name (the function is serialized alone, so it cannot import it). */
  mainBinding: string;
  rawBinding: string;
  /** MAIN_ANSWER_BINDING's name. */
  mainAnswerBinding: string;
}

/** What the page holds as globalThis.__fakeShell (test-side only: the UI never reads it). */
export interface FakeControl {
  calls: FakeCall[];
  responses: FakeResponses;
  /** What getState answers: main's whole snapshot as of its latest push. */
  snapshot: ShellSnapshot;
  /** main pushes an update: the page's onUpdate listeners get its delta. */
  push(update: MainUpdate): void;
  /** Deltas pushed so far (the test reads what travelled). */
  deltas: ShellDelta[];
  /** CSP violations the page reported (securitypolicyviolation events). */
  violations: string[];
}

interface PageGlobals {
  switchboard?: ShellApi;
  __fakeShell?: FakeControl;
  addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number; columnNumber: number }) => void): void;
}

export function installFakeShellApi(init: FakeInit): void {
  const g = globalThis as unknown as PageGlobals;
  const listeners = new Set<(delta: ShellDelta) => void>();
  const control: FakeControl = {
    calls: [],
    responses: init.responses,
    snapshot: init.snapshot,
    deltas: [],
    push(update) {
      control.snapshot = update.snapshot;
      control.deltas.push(update.delta);
      for (const listener of [...listeners]) listener(structuredClone(update.delta));
    },
    violations: [],
  };
  // A copy, as IPC would make: the page can never hold on to the test's objects.
  const record = (method: ApiMethod, ...args: unknown[]) => control.calls.push({ method, args: structuredClone(args) });
  const answer = <T>() => (g as unknown as Record<string, () => Promise<T>>)[init.mainAnswerBinding]!();
  const main = (call: MainCall) => (g as unknown as Record<string, (call: MainCall) => Promise<MainUpdate>>)[init.mainBinding]!(call).then((s) => control.push(s));

  const api: ShellApi = {
    async getState() {
      record('getState');
      return structuredClone(control.snapshot);
    },
    onUpdate(listener) {
      record('onUpdate');
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async rawPayload(id: string) {
      record('rawPayload', id);
      return (g as unknown as Record<string, (id: string) => Promise<RawPayload>>)[init.rawBinding]!(id);
    },
    selectProfile(id: string) {
      record('selectProfile', id);
      void main({ method: 'selectProfile', arg: id });
    },
    async setDnd(mode: DndMode) {
      record('setDnd', mode);
      await main({ method: 'setDnd', arg: mode });
    },
    async setPresence(profile: string, state: AgentState) {
      record('setPresence', profile, state);
      return structuredClone(control.responses.setPresence);
    },
    async getSettings() {
      record('getSettings');
      return structuredClone(control.responses.settings);
    },
    async saveSettings(settings: Settings) {
      record('saveSettings', settings);
      return structuredClone(control.responses.saveSettings);
    },
    async testForwarding(endpoint: string) {
      record('testForwarding', endpoint);
      return structuredClone(control.responses.testForwarding);
    },
    async exportLog() {
      record('exportLog');
      return structuredClone(control.responses.exportLog);
    },
    async openLogsFolder() {
      record('openLogsFolder');
      return structuredClone(control.responses.openLogsFolder);
    },
    async copyText(text: string) {
      record('copyText', text);
    },
    dismissGuide() {
      record('dismissGuide');
      void main({ method: 'dismissGuide' });
    },
    setOverlay(open: boolean) {
      record('setOverlay', open);
    },
    async answerDial(id: string, answer: 'call' | 'cancel') {
      record('answerDial', id, answer);
      return { ok: true as const, detail: answer === 'call' ? 'calling' : 'not called' };
    },
    missedSeen() {
      record('missedSeen');
      void main({ method: 'missedSeen' });
    },
    async callBack(id: string) {
      record('callBack', id);
      await main({ method: 'callBack', arg: id });
      return answer<Outcome>();
    },
    async setAllPresence(choice, minutes) {
      record('setAllPresence', choice, minutes);
      await main({ method: 'setAllPresence', arg: { choice, minutes } });
      return answer<PresenceAllStatus>();
    },
    async ringAction(id: string, action: 'answer' | 'decline' | 'open') {
      record('ringAction', id, action);
      await main({ method: 'ringAction', arg: { id, action } });
      return { ok: true as const, detail: `${action} sent` };
    },
  };

  g.addEventListener('securitypolicyviolation', (e) => control.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  g.switchboard = Object.freeze(api);
  g.__fakeShell = control;
}
