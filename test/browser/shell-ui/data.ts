/**
 * The shell UI tests' scenes, each produced by main's own modules (test/support/shell-main.ts:
 * settings and policy read as main reads them, the real pipeline and ShellState) fed with vendor
 * traffic that was captured or is what the vendor client sends: the lines of
 * test/fixtures/replay/<vendor>.jsonl (named by line below) and the demo softphone itself.
 */
import type { SettingsInput } from '../../../src/shared/contract/settings';
import { ShellMain } from '../../support/shell-main';
import { demoSoftphone, replayed } from '../../support/vendor-traffic';
import type { FakeResponses } from '../harness/fake-shell-api';

export const RC = 'ringcentral-embeddable';
export const ENGAGE = 'engage-digital';
export const EXPERTFLOW = 'expertflow';

/**
 * The agent's settings file: three profiles of three vendors, at the origins the captured lines
 * came from (apps.ringcentral.com, acme.digital.ringcentral.com, cx.example.com).
 */
export const WORKDAY_SETTINGS: SettingsInput = {
  profiles: [
    { id: 'sales', name: 'Sales US', vendor: RC, url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html' },
    { id: 'chat', name: 'Chat desk', vendor: ENGAGE, url: 'https://acme.digital.ringcentral.com/', allowedOrigins: ['https://acme.digital.ringcentral.com'] },
    { id: 'support', name: 'Support EU', vendor: EXPERTFLOW, url: 'https://cx.example.com/agent-desk/', mode: 'direct' },
  ],
};

/** When every scene's clock starts (local time), so the feed reads the same on every run. */
export const MORNING = new Date(2025, 2, 4, 9, 20, 0).getTime();

/** First start: no settings file, so main runs the demo softphone, which has loaded and signed in. */
export function firstRun() {
  const main = new ShellMain({ start: MORNING });
  const demo = demoSoftphone((sent) => main.capture('demo', sent));
  main.viewLoaded('demo');
  demo.phone.start(); // rc-login-status-notify, rc-dialer-status-notify, rc-adapter-syncPresence
  return { main, phone: demo.phone };
}

/** The working day starts: every view loaded, each vendor client signed in and reporting. */
export function workday(stored: unknown = WORKDAY_SETTINGS, policy?: unknown): ShellMain {
  const main = new ShellMain({ stored, start: MORNING, ...(policy === undefined ? {} : { policy }) });
  for (const p of main.settings.profiles) main.viewLoaded(p.id);
  main
    .capture('sales', replayed(RC, 1)) // rc-login-status-notify: logged in
    .capture('sales', replayed(RC, 4)) // rc-adapter-syncPresence: Available
    .capture('support', replayed(EXPERTFLOW, 1)) // Engine.IO open
    .capture('support', replayed(EXPERTFLOW, 2)) // Socket.IO connect (out)
    .capture('support', replayed(EXPERTFLOW, 3)) // Socket.IO connected
    .capture('support', replayed(EXPERTFLOW, 4)); // agentPresence READY
  return main;
}

/** A morning on the workday: a chat task, a blocked frame, the microphone, a call answered and ended. */
export function morning(main = workday()): ShellMain {
  return main
    .capture('chat', replayed(ENGAGE, 3)) // smcc:task:ring from Jane Doe
    .capture('chat', replayed(ENGAGE, 4)) // smcc:task:selected: the agent took it
    .capture('chat', replayed(ENGAGE, 6)) // smcc:task:updated: "Are you still there?"
    .bridgeRefusedOrigin('chat', 'https://evil.example')
    .mediaRequest('support', 'https://cx.example.com/agent-desk/')
    .capture('sales', replayed(RC, 5)) // rc-call-ring-notify: Jane Doe, +16505550100, Sales queue
    .capture('sales', replayed(RC, 9)) // rc-call-start-notify: answered
    .capture('sales', replayed(RC, 13)); // rc-call-end-notify
}

/** Stored settings with one broken section: main keeps its defaults and reports it. */
export const BROKEN_LOGS_SETTINGS = { ...WORKDAY_SETTINGS, logs: { retentionDays: 100_000 } };

/** A call rings on Sales US while Support EU's page has hung; the stored logs settings were broken. */
export function ringingDay(stored: unknown = BROKEN_LOGS_SETTINGS): ShellMain {
  return morning(workday(stored))
    .viewHung('support')
    .capture('sales', replayed(RC, 14)); // rc-call-ring-notify from +14155550123
}

/** An IT policy (its reasons all name the policy file, as main's are). */
export const POLICY = {
  version: 1,
  profiles: [{ ...WORKDAY_SETTINGS.profiles![0]!, locked: true }],
  settings: { logs: { redaction: 'numbers' } },
  forwardingEndpoint: 'https://siem.corp.example/in',
  locked: ['dndSchedule.days'],
};

/** An IT policy that manages the profile list (lockProfiles requires each of its profiles locked). */
export const PROFILE_LIST_POLICY = {
  version: 1,
  profiles: WORKDAY_SETTINGS.profiles!.map((p) => ({ ...p, locked: true })),
  lockProfiles: true,
};

/** main's answers to the UI's requests (other than snapshots), before a test changes them. */
export function responses(main: ShellMain, over: Partial<FakeResponses> = {}): FakeResponses {
  return {
    setPresence: { ok: true, detail: 'sent' },
    saveSettings: { ok: true },
    testForwarding: { ok: true, status: 200, message: 'the endpoint accepted a test batch' },
    exportLog: { ok: true, detail: 'Saved to /home/agent/switchboard-events.jsonl' },
    openLogsFolder: { ok: true, detail: 'Opened the logs folder' },
    settings: main.settingsView(),
    ...over,
  };
}
