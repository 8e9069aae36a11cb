/**
 * One vendor view as main would run it, in Chromium: the page (host page for framed profiles,
 * the vendor page itself for direct ones) with the capture bridge in an isolated world, injected
 * exactly as Electron runs a preload (CDP addScriptToEvaluateOnNewDocument with a worldName, and
 * a binding with executionContextName standing in for ipcRenderer.send). Every binding call is
 * checked the way main checks IPC (sender frame, then CaptureMessageSchema) and captures go
 * through a real core pipeline in the test process, with profile and vendor taken from the view.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { buildCaptureConfig } from '../../../src/main/capture/capture-config';
import { APP_ORIGINS } from '../../../src/shared/app-urls';
import type { OutboundMessage } from '../../../src/shared/contract/outbound';
import type { Profile } from '../../../src/shared/contract/profile';
import type { RawCapture } from '../../../src/shared/contract/raw-capture';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';
import { createPipeline, type Pipeline, type PipelineResult } from '../../../src/shared/core/pipeline';
import { vendorUrl } from '../../../src/shared/core/profile-defaults';
import { CaptureMessageSchema, type CaptureConfig, type CaptureMessage } from '../../../src/shared/ipc/capture-protocol';
import { bridgeSource, socketTapInstaller } from './bundles';
import { Changes } from './changes';
import { CAPTURE_BINDING, COMMAND_ENTRY, ISOLATED_WORLD } from './names';
import type { Servers } from './servers';

type Capture = Extract<CaptureMessage, { kind: 'capture' }>;

export interface CaptureRecord {
  message: CaptureMessage;
  /** The isolated world (CDP execution context) that called the binding: one per document. */
  world: number;
  /** The pipeline's decision, for kind 'capture'. */
  result?: PipelineResult;
  /** Wall-clock-aligned high-resolution times (performance.timeOrigin + performance.now()). */
  arrivedAt: number;
  decidedAt: number;
}

export interface OpenOptions {
  /** Changes to the config main would build (the benchmark lifts the rate cap). */
  configPatch?: Partial<CaptureConfig>;
  onRecord?: (record: CaptureRecord) => void;
}

interface ContextEvent {
  context: { id: number; name: string; auxData?: { frameId?: string } };
}

const now = () => performance.timeOrigin + performance.now();

export function rawCapture(profile: Profile, m: Capture): RawCapture {
  return {
    profile: profile.id,
    vendor: profile.vendor,
    origin: m.origin,
    transport: m.transport,
    ...(m.direction ? { direction: m.direction } : {}),
    data: m.data,
    at: m.at,
  };
}

export class ShellView {
  readonly records: CaptureRecord[] = [];
  /** Binding calls main would refuse: wrong sender frame/world, not JSON, not a CaptureMessage. */
  readonly senderProblems: string[] = [];
  readonly pipeline: Pipeline;
  private readonly changes = new Changes();
  private readonly worlds = new Set<number>();
  private latestWorld: number | undefined;

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly profile: Profile,
    readonly config: CaptureConfig,
    private readonly onRecord?: (record: CaptureRecord) => void,
  ) {
    this.pipeline = createPipeline({ profiles: [profile] });
  }

  /** Opens the view and loads it: the host page (framed) or the vendor URL (direct). */
  static async open(context: BrowserContext, servers: Servers, profile: Profile, options: OpenOptions = {}): Promise<ShellView> {
    const config: CaptureConfig = { ...buildCaptureConfig(profile, randomBytes(16).toString('hex')), ...options.configPatch };
    // The demo is served from app://demo in the app and from the vendor origin here.
    if (config.targetOrigin === APP_ORIGINS.demo) config.targetOrigin = servers.origins.vendor;
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const view = new ShellView(page, cdp, profile, config, options.onRecord);
    await view.inject();
    const url = config.mode === 'framed' ? servers.hostPage(profile) : vendorUrl(profile);
    if (!url) throw new Error(`profile ${profile.id} has no URL`);
    await page.goto(url, { waitUntil: 'load' });
    return view;
  }

  private async inject(): Promise<void> {
    const { cdp } = this;
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const mainFrame = frameTree.frame.id;
    cdp.on('Runtime.executionContextCreated', (e: ContextEvent) => {
      if (e.context.name !== ISOLATED_WORLD || e.context.auxData?.frameId !== mainFrame) return;
      this.worlds.add(e.context.id);
      this.latestWorld = e.context.id;
      this.changes.notify();
    });
    cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => this.worlds.delete(e.executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => this.worlds.clear());
    cdp.on('Runtime.bindingCalled', (e: { name: string; payload: string; executionContextId: number }) => {
      if (e.name === CAPTURE_BINDING) this.receive(e.payload, e.executionContextId);
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: CAPTURE_BINDING, executionContextName: ISOLATED_WORLD });
    if (this.config.socketTap) {
      // Main world, before page scripts (contextBridge.executeInMainWorld in vendor-host.ts).
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: await socketTapInstaller(this.config.tapEventName) });
    }
    const source = await bridgeSource(this.config);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: ISOLATED_WORLD, runImmediately: true });
  }

  private receive(payload: string, contextId: number): void {
    const arrivedAt = now();
    if (!this.worlds.has(contextId)) {
      this.senderProblems.push(`binding called from context ${contextId}, not the main frame's ${ISOLATED_WORLD} world`);
      return this.changes.notify();
    }
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      this.senderProblems.push(`binding payload is not JSON: ${payload.slice(0, 80)}`);
      return this.changes.notify();
    }
    const parsed = CaptureMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.senderProblems.push(`binding payload is not a CaptureMessage: ${parsed.error.message.slice(0, 200)}`);
      return this.changes.notify();
    }
    const message = parsed.data;
    const result = message.kind === 'capture' ? this.pipeline.process(rawCapture(this.profile, message)) : undefined;
    const record: CaptureRecord = { message, world: contextId, arrivedAt, decidedAt: now(), ...(result ? { result } : {}) };
    this.records.push(record);
    this.onRecord?.(record);
    this.changes.notify();
  }

  /** Evaluates in the bridge's isolated world of the current document (what only main can reach). */
  async evaluateIsolated(expression: string): Promise<unknown> {
    const contextId = await this.changes.until(() => this.latestWorld, `the ${ISOLATED_WORLD} world of the main frame`);
    const reply = (await this.cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value;
  }

  /** main → preload on CHANNELS.vendorCommand; returns the bridge's reasons for what it could not deliver. */
  async deliver(messages: readonly OutboundMessage[]): Promise<string[]> {
    const value = await this.evaluateIsolated(`globalThis.${COMMAND_ENTRY}(${JSON.stringify({ messages })})`);
    if (!Array.isArray(value)) throw new Error(`the command entry point returned ${JSON.stringify(value)}`);
    return value as string[];
  }

  captures(): Capture[] {
    return this.records.flatMap((r) => (r.message.kind === 'capture' ? [r.message] : []));
  }

  events(): ShellEvent[] {
    return this.records.flatMap((r) => (r.result?.accepted ? r.result.events : []));
  }

  rejections(): Array<{ reason: string; count: number }> {
    return this.records.flatMap((r) => (r.message.kind === 'rejected' ? [{ reason: r.message.reason, count: r.message.count }] : []));
  }

  /** The bridge's handshake reports (preload/handshake-retry.ts), in order. */
  handshakes(): Array<Extract<CaptureMessage, { kind: 'handshake' }>> {
    return this.records.flatMap((r) => (r.message.kind === 'handshake' ? [r.message] : []));
  }

  undeliverable(): string[] {
    return this.records.flatMap((r) => (r.message.kind === 'undeliverable' ? [r.message.reason] : []));
  }

  /** One line per record, for timeout messages. */
  summary(): string {
    const line = (r: CaptureRecord) => {
      if (r.message.kind === 'handshake') return `handshake ${r.message.state} (${r.message.attempts} sent, ${r.message.elapsedMs} ms)`;
      if (r.message.kind !== 'capture') return `${r.message.kind}: ${r.message.reason}`;
      if (!r.result) return 'capture';
      return r.result.accepted ? `accepted [${r.result.events.map((e) => `${e.kind}(${e.vendorEvent})`).join(', ')}]` : `pipeline rejected at ${r.result.stage}: ${r.result.reason}`;
    };
    return [...this.senderProblems, ...this.records.map(line)].slice(-20).join(' | ') || 'nothing';
  }

  waitFor<T>(check: () => T | undefined, what: string, timeoutMs?: number): Promise<T> {
    return this.changes.until(check, what, () => this.summary(), timeoutMs);
  }

  waitForEvent(match: (e: ShellEvent) => boolean, what: string): Promise<ShellEvent> {
    return this.waitFor(() => this.events().find(match), what);
  }

  waitForRejection(reasonPart: string): Promise<{ reason: string; count: number }> {
    return this.waitFor(() => this.rejections().find((r) => r.reason.includes(reasonPart)), `a bridge rejection "${reasonPart}"`);
  }

  /** Resolves once a capture whose data satisfies `match` went through the pipeline. */
  waitForCapture(match: (data: unknown) => boolean, what: string): Promise<CaptureRecord> {
    return this.waitFor(() => this.records.find((r) => r.message.kind === 'capture' && match(r.message.data)), what);
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close();
  }
}

