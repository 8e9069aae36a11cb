/**
 * main's side of the shell UI, without Electron: the same modules src/main/app/start-app.ts wires,
 * wired the same way. Settings are read with readSettings and IT policy applied with applyPolicy;
 * captures reach the core pipeline through the capture service as bridge IPC messages, and its
 * results reach ShellState through the effect router; permission decisions come from the real
 * permission handlers, view health from the real health watch; DND goes through the pipeline's
 * context as the tray does. Toasts go through main's notifier and ring fallback to a stand-in for
 * the OS's notifications, which shows them or refuses them (osRefusesToasts) as Electron reports
 * it. Tests drive it with what main would receive and show the UI what it snapshots, so every
 * snapshot the UI tests see is one main could send.
 */
import { EventEmitter } from 'node:events';
import { createDialer } from '../../src/main/app/dial-wiring';
import { createPresenceAll } from '../../src/main/app/presence-all-wiring';
import { openServices, type Services } from '../../src/main/app/services';
import { createCommandRouter, type ShellCommand } from '../../src/main/commands/command-router';
import { buildCaptureConfig } from '../../src/main/capture/capture-config';
import { createCaptureService } from '../../src/main/capture/capture-service';
import { logHandshake } from '../../src/main/capture/handshake-log';
import { createEffectRouter } from '../../src/main/effects/effect-router';
import { createNotifier, type NotificationLike } from '../../src/main/notifications/notifier';
import { createRingFallback } from '../../src/main/notifications/ring-fallback';
import { installPermissionHandlers, type PermissionSession } from '../../src/main/security/permission-handlers';
import { readPolicy } from '../../src/main/settings/policy';
import { applyReadPolicy } from '../../src/main/settings/policy-held';
import { readSettings } from '../../src/main/settings/settings';
import { serviceStatus } from '../../src/main/shell/service-status';
import { ShellState } from '../../src/main/shell/shell-state';
import type { Profile } from '../../src/shared/contract/profile';
import type { Settings } from '../../src/shared/contract/settings';
import { compileOriginPolicy } from '../../src/shared/core/origin-policy';
import { createPipeline, type Pipeline } from '../../src/shared/core/pipeline';
import type { CaptureMessage } from '../../src/shared/ipc/capture-protocol';
import {
  SettingsViewSchema,
  ShellDeltaSchema,
  ShellSnapshotSchema,
  type Locks,
  type Outcome,
  type PresenceAllStatus,
  type SettingsView,
  type ShellDelta,
  type ShellMark,
  type ShellSnapshot,
} from '../../src/shared/ipc/shell-protocol';
import type { CommandResult } from '../../src/shared/contract/outbound';
import { DndState, type DndMode } from '../../src/shared/tray/dnd';
import { ShellViews } from './shell-main-views';

/** Where main looks for the policy on Linux (machinePolicyPath); lock reasons name it. */
export const POLICY_FILE = '/etc/switchboard/policy.json';

export interface ShellMainInit {
  /** The settings file's content, as electron-store hands it to main (undefined: first start). */
  stored?: unknown;
  /** The policy file's content (JSON), read by readPolicy as loadPolicy reads the file. */
  policy?: unknown;
  /** The clock's start; it moves one second per thing that happens. Default: ten minutes ago. */
  start?: number;
}

/** What a vendor client sent, as the capture bridge forwards it (it adds kind and the time). */
export interface Sent {
  origin: string;
  data: unknown;
  transport?: 'postMessage' | 'socket.io';
  direction?: 'in' | 'out';
}

/**
 * The OS's side of a Notification as Electron reports it: 'show' when shown, or 'failed' with the
 * OS's error and never 'show' (electron/electron shell/browser/api/electron_api_notification.cc).
 */
class OsToast extends EventEmitter {
  open = false;
  constructor(private readonly refuse: () => string | null) {
    super();
  }
  show(): void {
    const error = this.refuse();
    if (error === null) {
      this.open = true;
      this.emit('show', {});
    } else this.emit('failed', {}, error);
  }
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.emit('close', {});
  }
}

/** One push of main's: the delta the page applies, and the snapshot getState would answer now. */
export interface MainUpdate {
  delta: ShellDelta;
  snapshot: ShellSnapshot;
}

export type MainCall =
  | { method: 'selectProfile'; arg: string }
  | { method: 'setDnd'; arg: DndMode }
  | { method: 'dismissGuide' }
  | { method: 'missedSeen' }
  | { method: 'callBack'; arg: string }
  | { method: 'setAllPresence'; arg: { choice: PresenceAllStatus['choice']; minutes: 15 | 30 | 60 | null } }
  | { method: 'ringAction'; arg: { id: string; action: 'answer' | 'decline' | 'open' } };

export class ShellMain {
  readonly settings: Settings;
  readonly locks: Locks;
  readonly state: ShellState;
  readonly pipeline: Pipeline;
  private readonly views: ShellViews;
  private readonly permissions = new Map<string, Parameters<PermissionSession['setPermissionRequestHandler']>[0]>();
  private readonly captures: ReturnType<typeof createCaptureService>;
  private readonly router: ReturnType<typeof createEffectRouter>;
  private dnd = DndState.off();
  private services: Services | null = null;
  private t: number;
  /** What the OS answers a toast's show() with: null shows it, a string is the 'failed' error. */
  private toastError: string | null = null;
  /** Commands main's command router delivered to each profile's bridge (set-state, dial). */
  readonly delivered: Array<{ profile: string; result: CommandResult }> = [];
  /** What main answered the last invoke that answers more than a snapshot (callBack, setAllPresence). */
  lastAnswer: Outcome | PresenceAllStatus | null = null;
  private readonly dialer: ReturnType<typeof createDialer>;
  private readonly presenceAll: ReturnType<typeof createPresenceAll>;
  /** main's diagnostics lines from the notifier and the ring fallback (diag('effect', …)). */
  readonly diagnostics: Array<{ message: string; data?: unknown }> = [];

  constructor(init: ShellMainInit = {}) {
    this.t = init.start ?? Date.now() - 600_000;
    const read = readSettings(init.stored);
    const policyRead = init.policy === undefined ? { policy: null } : readPolicy(JSON.stringify(init.policy), POLICY_FILE);
    const applied = applyReadPolicy(read.settings, policyRead, POLICY_FILE);
    this.settings = applied.settings;
    this.locks = applied.locks;
    this.state = new ShellState(this.settings.profiles, read.firstRun && !applied.replacedDemo, this.settings.guideDismissed);
    this.state.setRingtone(this.settings.ringtone, this.settings.notifications.ringThroughDnd);
    for (const problem of [...read.problems, ...('problem' in policyRead ? [policyRead.problem] : [])]) this.state.addProblem(problem);

    let ids = 0;
    const { ringThroughDnd, suppressWhenFocused } = this.settings.notifications;
    this.pipeline = createPipeline({ profiles: this.settings.profiles, idFactory: () => `ev${++ids}`, context: { ringThroughDnd, suppressWhenFocused } });
    const log = (message: string, data?: unknown) => void this.diagnostics.push(data === undefined ? { message } : { message, data });
    // As start-app wires them; the window's part of a ring the OS did not show is ShellWindow's
    // (app tier): here the ringing profile is selected as ShellWindow.ringUnshown does.
    const notifier = createNotifier({
      create: () => new OsToast(() => this.toastError) as unknown as NotificationLike,
      isSupported: () => true,
      redaction: () => this.settings.logs.redaction,
      profileName: (id) => this.settings.profiles.find((p) => p.id === id)?.name ?? id,
      focusProfile: (id) => void this.select(id),
      act: () => undefined,
      log,
      buttonsShown: true,
      fallback: createRingFallback({ state: this.state, window: () => ({ ringUnshown: (id) => void this.select(id), unshownRingsChanged: () => undefined }), changed: () => undefined, log }),
    });
    this.router = createEffectRouter({
      // The event log and the forwarder are main's real ones once openServices() ran (their own
      // tests: test/unit/logs, forwarding).
      notifier,
      log: { event: (e) => this.services?.eventLog.event(e), rejection: (r) => this.services?.eventLog.rejection(r) },
      forwarder: { enqueue: (e) => this.services?.forwarder?.enqueue(e) },
      ui: this.state,
      presence: () => undefined,
      changed: () => undefined,
    });
    this.captures = createCaptureService(
      this.pipeline,
      {
        accepted: (profile, events, effects, at) => {
          this.router.accepted(profile, events, effects, at);
          this.dialer.events(profile, events);
        },
        rejected: (profile, reason, count, at) => this.router.rejected(profile, reason, count, at),
        undeliverable: (profile, reason) => {
          throw new Error(`${profile}: a command was not delivered (${reason}); nothing here sends commands`);
        },
        // What start-app does (capture/handshake-log.ts): a diagnostics line.
        handshake: logHandshake,
      },
      () => this.t,
    );
    // As start-app wires them: one command router for presence and dials, the dialer and its
    // question, "Set all to …" (its DND part follows the tray's setDnd below).
    const router = createCommandRouter({
      profile: (id) => this.settings.profiles.find((p) => p.id === id),
      session: (id) => this.pipeline.session(id),
      memory: (id) => this.pipeline.memory(id),
      deliver: (profile, result) => {
        this.delivered.push({ profile, result });
        return null;
      },
      watch: () => undefined,
    });
    const command = (profile: string, cmd: ShellCommand) => router(profile, cmd);
    this.dialer = createDialer({
      profiles: () => this.settings.profiles,
      preferred: () => null,
      focus: (id) => void this.select(id),
      command,
      tell: (message) => this.state.addProblem(message),
      ask: (pending) => this.state.setDialQuestion(pending),
      redaction: () => this.settings.logs.redaction,
      now: () => this.t,
    });
    this.presenceAll = createPresenceAll({
      targets: () => {
        const known = this.pipeline.presence().profiles;
        return this.settings.profiles.map((p) => ({ id: p.id, name: p.name, vendor: p.vendor, agentState: known.find((k) => k.profile === p.id)?.agentState ?? null }));
      },
      setState: (profile, state) => command(profile, { type: 'set-state', state }),
      changed: () => undefined,
      now: () => this.t,
    });
    this.state.watchPresenceAll(() => this.presenceAll.status());
    this.views = new ShellViews(this.state, { now: () => this.t });
    for (const profile of this.settings.profiles) {
      this.views.add(profile.id);
      // What start-app's onPermission does with every decision the handlers log.
      installPermissionHandlers(
        { setPermissionRequestHandler: (handler) => void this.permissions.set(profile.id, handler), setPermissionCheckHandler: () => undefined },
        profile,
        (entry) => this.state.recordPermission(entry, this.tick()),
      );
    }
  }

  /**
   * main's durable services, opened by src/main/app/services.ts from these settings (event log,
   * diagnostics log, disk queue and forwarder under `userData`), and read into every snapshot as
   * start-app does. Captures from now on reach them. close() them when done.
   */
  async openServices(userData: string): Promise<Services> {
    const services = await openServices(this.settings, userData, (problem) => this.state.addProblem(problem));
    this.services = services;
    this.state.watchServices(() => serviceStatus(services));
    return services;
  }

  /** main's clock now. */
  get now(): number {
    return this.t;
  }

  profile(id: string): Profile {
    const found = this.settings.profiles.find((p) => p.id === id);
    if (!found) throw new Error(`no profile "${id}" in the settings`);
    return found;
  }

  /** One message from the vendor client, through the bridge's IPC message into main. */
  capture(profile: string, sent: Sent): this {
    const message: CaptureMessage = {
      kind: 'capture',
      transport: sent.transport ?? 'postMessage',
      origin: sent.origin,
      data: sent.data,
      at: this.tick(),
      ...(sent.direction ? { direction: sent.direction } : {}),
    };
    this.captures.handle(this.profile(profile), message);
    return this;
  }

  /** The bridge refused messages (wrong origin or frame, too big, too many) and reports them. */
  bridgeRejected(profile: string, reason: string, count = 1): this {
    this.tick();
    this.captures.handle(this.profile(profile), { kind: 'rejected', reason, count });
    return this;
  }

  /** A message from `origin` reached the bridge, which refused it with its origin policy's reason. */
  bridgeRefusedOrigin(profile: string, origin: string): this {
    const verdict = compileOriginPolicy(buildCaptureConfig(this.profile(profile), 'x'.repeat(16)).allowedOrigins)(origin);
    if (verdict.ok) throw new Error(`${profile} allows ${origin}: the bridge would forward it`);
    return this.bridgeRejected(profile, verdict.reason);
  }

  /** The vendor page asked for the microphone (and camera): Chromium's permission request. */
  mediaRequest(profile: string, requestingUrl: string, mediaTypes: Array<'audio' | 'video'> = ['audio']): this {
    const handler = this.permissions.get(profile);
    if (!handler) throw new Error(`no permission handler for "${profile}"`);
    const details = { requestingUrl, isMainFrame: false, mediaTypes } as unknown as Parameters<typeof handler>[3];
    handler(null as never, 'media', () => undefined, details);
    return this;
  }

  /** The view's page finished loading (Electron's did-finish-load). */
  viewLoaded(profile: string): this {
    this.views.emit(profile, 'did-finish-load');
    return this;
  }

  /** The view's renderer is gone (Electron's render-process-gone). */
  viewCrashed(profile: string, reason = 'crashed', exitCode = 139): this {
    this.views.emit(profile, 'render-process-gone', {}, { reason, exitCode });
    return this;
  }

  /** Electron says the view's page stopped responding, and `forMs` passes without it recovering. */
  viewHung(profile: string, forMs = 15_000): this {
    this.views.emit(profile, 'unresponsive');
    return this.advance(forMs);
  }

  /** The tray's setDnd: the pipeline's context, then the UI, as tray-wiring's applyDnd does. */
  setDnd(mode: DndMode): this {
    const now = this.tick();
    this.dnd = DndState.set(mode, now);
    this.router.effects(this.pipeline.setContext({ dnd: this.dnd.isActive(now) }), now);
    this.state.setDnd(this.dnd.snapshot(now), false);
    this.presenceAll.dnd(this.dnd.isActive(now));
    return this;
  }

  /** Time passes: due view timers run, and main's 5 s timer lets rings that never resolved expire. */
  advance(ms: number): this {
    this.t += ms;
    this.views.runDue();
    this.router.effects(this.pipeline.tick(this.t), this.t);
    this.dialer.tick(this.t);
    this.presenceAll.tick(this.t);
    this.state.rollDay(this.t);
    this.state.tickRings(this.t);
    return this;
  }

  /**
   * From now on the OS refuses every toast with this error ('failed'), as an unsigned macOS build
   * or a session without a notification daemon does; null shows them again.
   */
  osRefusesToasts(error: string | null): this {
    this.toastError = error;
    return this;
  }

  /** ShellWindow.select: the agent chose a profile, or main did (a notification was clicked). */
  /**
   * The ring surface's Answer / Decline / Open, as start-app's ringAction reads it: which call the
   * ring id is (ShellState's ring list) and the command it becomes. The command itself reaches a
   * vendor frame only in the app tier (ring-surface.spec.ts); here it is recorded.
   */
  readonly ringCommands: Array<{ profile: string; ref?: string; action: 'answer' | 'decline' | 'open' }> = [];
  ringAction(id: string, action: 'answer' | 'decline' | 'open'): this {
    const ring = this.state.rings.find(id);
    if (!ring) throw new Error(`ring action for ${id}, which is not ringing`);
    this.ringCommands.push({ profile: ring.profile, ...(ring.ref ? { ref: ring.ref } : {}), action });
    if (action === 'open') this.select(ring.profile);
    return this;
  }

  select(profile: string): this {
    if (!this.settings.profiles.some((p) => p.id === profile)) return this;
    this.state.selected = profile;
    this.state.seeProfile(profile); // start-app's onSelect listener
    return this;
  }

  /** What the shell UI asks of main, which pushes its next update (see shell-ipc.ts). */
  handle(call: MainCall): MainUpdate {
    // As start-app's registerShellIpc deps do.
    if (call.method === 'selectProfile') this.select(call.arg);
    else if (call.method === 'setDnd') this.setDnd(call.arg);
    else if (call.method === 'missedSeen') this.state.seeMissed();
    else if (call.method === 'callBack') this.lastAnswer = this.callBack(call.arg);
    else if (call.method === 'setAllPresence') this.lastAnswer = this.presenceAll.setAll(call.arg.choice, call.arg.minutes);
    else if (call.method === 'ringAction') this.ringAction(call.arg.id, call.arg.action);
    else this.state.dismissGuide();
    return this.update();
  }

  /** start-app's callBack: the missed call's number through the dialer's question. */
  callBack(id: string): Outcome {
    const missed = this.state.missedCall(id);
    if (!missed) return { ok: false, reason: 'That missed call is no longer on the list.' };
    if (!missed.dial) return { ok: false, reason: 'There is no number to call back.' };
    return this.dialer.callBack(missed.dial, missed.profile);
  }

  /**
   * The snapshot as the shell preload hands it to the page (getState): parsed by
   * ShellSnapshotSchema. Deltas pushed after it build on what main pushed before, as ShellWindow's.
   */
  snapshot(): ShellSnapshot {
    return ShellSnapshotSchema.parse(this.state.snapshot());
  }

  /** What ShellWindow.pushState reached last: its next delta is since this. */
  private sent: ShellMark = { feed: 0, activity: 0 };

  /**
   * ShellWindow.pushState's update: the real ShellState.deltaSince what it pushed before, parsed
   * by ShellDeltaSchema as the shell preload parses it — and the whole snapshot as getState
   * would answer now (the fake answers getState with it when the page has to catch up).
   */
  update(): MainUpdate {
    const delta = ShellDeltaSchema.parse(this.state.deltaSince(this.sent));
    this.sent = delta.mark;
    return { delta, snapshot: this.snapshot() };
  }

  /** shell-ipc's getSettings answer, as the preload parses it. */
  settingsView(): SettingsView {
    return SettingsViewSchema.parse({ settings: this.settings, locks: this.locks });
  }

  private tick(): number {
    this.t += 1000;
    return this.t;
  }
}
