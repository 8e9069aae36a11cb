/**
 * Every ipcMain listener, for every channel in shared/ipc/channels.ts, given malformed payloads
 * and broken events: none throws out of the listener (which would be an uncaught exception in
 * main), invoke channels resolve with their answer or a typed refusal `{ refused: reason }`, send
 * channels log the reason and drop the message. The channel list is read from CHANNELS, so a new
 * channel is covered (or this test fails until it is wired or declared main → renderer).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireCaptureIpc } from '../../../src/main/app/capture-ipc';
import { registerShellIpc, type ShellIpcDeps } from '../../../src/main/app/shell-ipc';
import { createCaptureService } from '../../../src/main/capture/capture-service';
import type { ViewRegistry } from '../../../src/main/shell/view-registry';
import { createPipeline } from '../../../src/shared/core/pipeline';
import { CHANNELS } from '../../../src/shared/ipc/channels';
import { RefusedSchema } from '../../../src/shared/ipc/shell-protocol';
import { profile } from '../../support/profiles';

/** Channels main only sends on (webContents.send): nothing in main listens to them. */
const MAIN_TO_RENDERER: ReadonlySet<string> = new Set([CHANNELS.vendorCommand, CHANNELS.livenessPing, CHANNELS.shellUpdate]);
const SHELL_ID = 1;
const VIEW_ID = 5;

const rc = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/integration/app.html' });
const boom = () => {
  throw new Error('boom');
};
function deep(levels: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}
const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};

const MALFORMED: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['NaN', () => NaN],
  ['a 2 MB string', () => 'x'.repeat(2_000_000)],
  ['an empty object', () => ({})],
  ['an array', () => [1, 'two', { three: 3 }]],
  ['a capture-shaped object with wrong types', () => ({ kind: 'capture', transport: 'pigeon', data: {}, at: -1, origin: 5 })],
  ['a 10,000-deep object', () => deep(10_000)],
  ['a __proto__ key', () => JSON.parse('{"__proto__":{"polluted":true},"kind":"rejected","reason":"x","count":1}')],
  ['an object with a throwing getter', () => ({ get kind() { return boom(); } })],
  ['a Proxy whose traps throw', () => new Proxy({}, { get: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom, has: boom })],
  ['a revoked Proxy', revoked],
];

type Listener = (event: unknown, arg: unknown) => unknown;

function rig(failingDeps = false) {
  const on = new Map<string, Listener>();
  const handle = new Map<string, Listener>();
  const ipc = { on: (c: string, l: Listener) => void on.set(c, l), handle: (c: string, l: Listener) => void handle.set(c, l) };
  const deps = new Proxy({} as ShellIpcDeps, {
    get: (_t, key) => (key === 'isShell' ? (id: number) => id === SHELL_ID : failingDeps ? boom : () => ({ ok: true, detail: String(key) })),
  });
  registerShellIpc(ipc as never, deps);
  const registry = { senders: () => new Map([[VIEW_ID, { profile: rc, mode: 'direct' }]]), byContents: (id: number) => (id === VIEW_ID ? { secret: 'a'.repeat(32) } : undefined) };
  const rejected: string[] = [];
  const captures = createCaptureService(createPipeline({ profiles: [rc] }), {
    accepted: failingDeps ? boom : () => undefined,
    rejected: (_p: string, reason: string) => void rejected.push(reason),
    undeliverable: failingDeps ? boom : () => undefined,
  } as never);
  wireCaptureIpc(ipc as never, registry as unknown as ViewRegistry, captures);
  return { on, handle, rejected };
}

/** Events as Electron builds them, from the right sender and from others, plus broken ones. */
const EVENTS: Array<[string, () => Record<string, unknown>]> = [
  ['the shell UI', () => ({ sender: { id: SHELL_ID }, senderFrame: { url: 'app://shell/index.html', parent: null, detached: false } })],
  ['the vendor view', () => ({ sender: { id: VIEW_ID }, senderFrame: { url: rc.url, parent: null, detached: false } })],
  ['an unknown webContents', () => ({ sender: { id: 99 }, senderFrame: null })],
  ['an event without a sender', () => ({})],
  ['an event whose sender throws', () => ({ get sender() { return boom(); }, get senderFrame() { return boom(); } })],
];

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('every ipcMain channel survives malformed input', () => {
  it('every channel main does not only send on has a listener', () => {
    const { on, handle } = rig();
    for (const channel of Object.values(CHANNELS)) {
      const wired = on.has(channel) || handle.has(channel);
      expect(wired, `${channel}: no listener in main, and not declared main → renderer`).toBe(!MAIN_TO_RENDERER.has(channel));
    }
  });

  for (const failingDeps of [false, true]) {
    describe(failingDeps ? 'with every dependency in main throwing' : 'with working dependencies', () => {
      for (const channel of Object.values(CHANNELS).filter((c) => !MAIN_TO_RENDERER.has(c))) {
        it(`${channel}: no throw, an answer or a reason, for every payload from every sender`, async () => {
          const { on, handle } = rig(failingDeps);
          for (const [payloadName, payload] of MALFORMED) {
            for (const [eventName, makeEvent] of EVENTS) {
              const what = `${channel} / ${payloadName} / ${eventName}`;
              const event = makeEvent();
              if (on.has(channel)) {
                expect(() => on.get(channel)!(event, payload()), what).not.toThrow();
                // sendSync: answered (its config, or null), never left pending.
                if (channel === CHANNELS.captureConfig) {
                  if (eventName === 'the vendor view') expect(event.returnValue, what).toMatchObject({ profile: 'rc' });
                  else expect(event.returnValue, what).toBeNull();
                }
              } else {
                const answer = await handle.get(channel)!(event, payload());
                // The shell UI with a payload its channel ignores gets a real answer; anything else is refused.
                if (RefusedSchema.safeParse(answer).success) continue;
                expect(eventName, `${what}: answered ${JSON.stringify(answer)?.slice(0, 80)}`).toBe('the shell UI');
              }
            }
          }
        });
      }
    });
  }

  it('a malformed send is logged with its reason and dropped (it used to throw a ZodError out of the listener)', () => {
    const { on } = rig();
    on.get(CHANNELS.shellSelectProfile)!({ sender: { id: SHELL_ID } }, 42);
    expect(logged.join('')).toContain(`shell IPC ${CHANNELS.shellSelectProfile} dropped: invalid argument: `);
  });

  it('a malformed invoke resolves with a typed refusal that names the problem', async () => {
    const { handle } = rig();
    const answer = await handle.get(CHANNELS.shellSetDnd)!({ sender: { id: SHELL_ID } }, 'forever');
    expect(RefusedSchema.parse(answer).refused).toMatch(/^invalid argument: /);
    const stranger = await handle.get(CHANNELS.shellGetSettings)!({ sender: { id: 7 } }, undefined);
    expect(stranger).toEqual({ refused: 'Error: webContents 7 is not the shell UI: not allowed' });
  });

  it('a malformed capture from the vendor view is rejected with a reason, not thrown', () => {
    const { on, rejected } = rig();
    on.get(CHANNELS.capture)!({ sender: { id: VIEW_ID }, senderFrame: { url: rc.url, parent: null, detached: false } }, { kind: 'capture', data: 1 });
    expect(rejected.at(-1)).toMatch(/^malformed capture IPC message: /);
  });
});
