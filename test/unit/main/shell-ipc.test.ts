import { describe, expect, it } from 'vitest';
import { registerShellIpc, type ShellIpcDeps } from '../../../src/main/app/shell-ipc';
import { CHANNELS } from '../../../src/shared/ipc/channels';

function rig() {
  const handlers = new Map<string, (event: { sender: { id: number } }, arg: unknown) => unknown>();
  const calls: unknown[][] = [];
  const record = (name: string) => (...args: unknown[]) => {
    calls.push([name, ...args]);
    return { ok: true, detail: name };
  };
  const deps = {
    isShell: (id: number) => id === 1,
    snapshot: record('snapshot'),
    select: record('select'),
    setDnd: record('setDnd'),
    setPresence: record('setPresence'),
    settingsView: record('settingsView'),
    saveSettings: record('saveSettings'),
    testForwarding: record('testForwarding'),
    exportLog: record('exportLog'),
    openLogs: record('openLogs'),
    copyText: record('copyText'),
    dismissGuide: record('dismissGuide'),
    setOverlay: record('setOverlay'),
    answerDial: record('answerDial'),
    ringAction: record('ringAction'),
  } as unknown as ShellIpcDeps;
  registerShellIpc({ handle: (c: string, h: never) => void handlers.set(c, h), on: (c: string, h: never) => void handlers.set(c, h) } as never, deps);
  const invoke = (channel: string, arg?: unknown, sender = 1) => handlers.get(channel)!({ sender: { id: sender } }, arg);
  return { invoke, calls };
}

describe('shell IPC in main', () => {
  it('valid requests from the shell UI reach main with parsed arguments', async () => {
    const { invoke, calls } = rig();
    await expect(invoke(CHANNELS.shellSetDnd, 'hour')).resolves.toBeNull();
    invoke(CHANNELS.shellSetPresence, { profile: 'rc', state: 'busy' });
    invoke(CHANNELS.shellSelectProfile, 'demo');
    invoke(CHANNELS.shellSetOverlay, true);
    invoke(CHANNELS.shellSetOverlay, 'yes');
    expect(calls).toEqual([
      ['setDnd', 'hour'],
      ['setPresence', 'rc', 'busy'],
      ['select', 'demo'],
      ['setOverlay', true],
      ['setOverlay', false],
    ]);
  });

  // Refusals are answers (ipc/safe-listeners.ts): invoke resolves with { refused }, send drops.
  const refused = { refused: expect.stringMatching(/^invalid argument: /) };

  it('malformed arguments are refused before reaching main', async () => {
    const { invoke, calls } = rig();
    await expect(invoke(CHANNELS.shellSetDnd, 'forever')).resolves.toEqual(refused);
    await expect(invoke(CHANNELS.shellSetPresence, { profile: 'rc', state: 'sleeping' })).resolves.toEqual(refused);
    await expect(invoke(CHANNELS.shellSetPresence, { profile: 'rc', state: 'busy', extra: 1 })).resolves.toEqual(refused);
    await expect(invoke(CHANNELS.shellCopyText, 42)).resolves.toEqual(refused);
    expect(() => invoke(CHANNELS.shellSelectProfile, '../etc')).not.toThrow();
    expect(calls).toEqual([]);
  });

  it('an answer to a call question reaches main only well-formed and only from the shell UI; a bad one dials nothing and says why', async () => {
    const { invoke, calls } = rig();
    await expect(invoke(CHANNELS.shellAnswerDial, { id: 'dial-3', answer: 'call' })).resolves.toEqual({ ok: true, detail: 'answerDial' });
    for (const bad of [{ id: 'dial-3', answer: 'yes' }, { id: 'dial-3' }, { id: '../x', answer: 'call' }, { id: 'dial-3', answer: 'call', number: '+1900' }, 'call', null]) {
      await expect(invoke(CHANNELS.shellAnswerDial, bad), JSON.stringify(bad)).resolves.toMatchObject({ ok: false, reason: expect.stringContaining('bad answer to a call question') });
    }
    await expect(invoke(CHANNELS.shellAnswerDial, { id: 'dial-4', answer: 'call' }, 7)).resolves.toEqual({ refused: expect.stringContaining('not allowed') });
    expect(calls).toEqual([['answerDial', 'dial-3', 'call']]);
  });

  it('requests from any other webContents (a vendor view) are refused', async () => {
    const { invoke, calls } = rig();
    await expect(invoke(CHANNELS.shellGetSettings, undefined, 7)).resolves.toEqual({ refused: expect.stringContaining('not allowed') });
    await expect(invoke(CHANNELS.shellSaveSettings, {}, 7)).resolves.toEqual({ refused: expect.stringContaining('not allowed') });
    invoke(CHANNELS.shellDismissGuide, undefined, 7);
    expect(calls).toEqual([]);
  });

  it('ring actions: parsed, from the shell UI only; a malformed one is refused as data', async () => {
    const { invoke, calls } = rig();
    expect(await invoke(CHANNELS.shellRingAction, { id: 'ring-3', action: 'answer' })).toEqual({ ok: true, detail: 'ringAction' });
    expect(calls).toContainEqual(['ringAction', 'ring-3', 'answer']);
    expect(await invoke(CHANNELS.shellRingAction, { id: 'ring-3', action: 'hangup' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^bad ring action: action:/) });
    expect(await invoke(CHANNELS.shellRingAction, { id: '../x', action: 'answer' })).toMatchObject({ ok: false });
    await invoke(CHANNELS.shellRingAction, { id: 'ring-4', action: 'decline' }, 9);
    expect(calls.filter((c) => c[0] === 'ringAction')).toHaveLength(1);
  });
});
