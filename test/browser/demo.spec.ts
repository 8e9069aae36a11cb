/**
 * The demo softphone (src/renderer/demo, bundled with esbuild) in the real host page, on a
 * vendor origin standing in for app://demo: its events go through the bridge and the demo
 * adapter, and the shell's commands drive it.
 */
import type { Frame } from '@playwright/test';
import type { CommandResult, OutboundMessage } from '../../src/shared/contract/outbound';
import { demo } from '../../src/shared/vendors/demo';
import { expect, test, vendorFrame, type Shell } from './harness/fixtures';
import type { ShellView } from './harness/shell-view';
import { commandContext } from '../support/command-context';

function messagesOf(result: CommandResult): OutboundMessage[] {
  if ('unsupported' in result) throw new Error(`unsupported: ${result.unsupported}`);
  return result.messages;
}

async function openDemo(shell: Shell): Promise<{ view: ShellView; phone: Frame }> {
  const view = await shell.open({ vendor: 'demo', allowedOrigins: [shell.servers.origins.vendor] });
  const phone = await vendorFrame(view.page);
  expect(phone.url()).toBe(shell.servers.demoUrl);
  // On start the demo reports its login and presence, like RC after a login.
  await view.waitForEvent((e) => e.kind === 'agent.state', 'the initial presence');
  return { view, phone };
}

test('simulated call: offered with the caller, answered from the shell, presence set from the shell', async ({ shell }) => {
  const { view, phone } = await openDemo(shell);
  expect(view.events().map((e) => [e.kind, e.vendorEvent])).toEqual([
    ['agent.session', 'rc-login-status-notify'],
    ['vendor.info', 'rc-dialer-status-notify'],
    ['agent.state', 'rc-adapter-syncPresence'],
  ]);

  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the simulated call');
  expect(offered).toMatchObject({ vendor: 'demo', media: 'voice', queue: 'Support', party: { name: 'Jane Doe', number: '+1 650 555 0100' } });
  const effects = view.records.at(-1)?.result;
  expect(effects?.accepted && effects.effects.find((f) => f.type === 'notify')).toMatchObject({ title: 'Jane Doe (+1 650 555 0100) — Support', actions: ['answer', 'decline'] });
  await expect(phone.locator('#phase')).toHaveText('Incoming call…');

  // The notification's Answer action: main builds the command and the bridge delivers it.
  const ctx = commandContext(view.pipeline.session(view.profile.id), view.pipeline.memory(view.profile.id));
  expect(await view.deliver(messagesOf(demo.commands.answer!(offered.ref, ctx)))).toEqual([]);
  const connected = await view.waitForEvent((e) => e.kind === 'interaction.connected', 'the answered call');
  expect(connected.ref).toBe(offered.ref);
  await expect(phone.locator('#phase')).toHaveText('On call');
  expect(view.pipeline.presence().state).toBe('on-call');

  // The tray's presence menu.
  expect(await view.deliver(messagesOf(demo.commands.setState!.build('busy', ctx)))).toEqual([]);
  const state = await view.waitForEvent((e) => e.kind === 'agent.state' && e.state === 'busy', 'the busy presence');
  expect(state.vendorEvent).toBe('rc-adapter-syncPresence');
  await expect(phone.locator('#presence')).toHaveValue('Busy');

  expect(await view.deliver(messagesOf(demo.commands.hangup!(offered.ref, ctx)))).toEqual([]);
  await view.waitForEvent((e) => e.kind === 'interaction.ended', 'the hang-up');
  expect(view.events().filter((e) => e.ref === offered.ref).map((e) => e.kind)).toEqual(['interaction.offered', 'interaction.connected', 'interaction.ended']);
  expect(view.pipeline.presence().state).toBe('busy');
  expect(view.rejections()).toEqual([]);
});

test('a call declined from the shell ends unanswered and is derived as missed', async ({ shell }) => {
  const { view, phone } = await openDemo(shell);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  const offered = await view.waitForEvent((e) => e.kind === 'interaction.offered', 'the simulated call');
  expect(await view.deliver(messagesOf(demo.commands.decline!(offered.ref, commandContext())))).toEqual([]);
  await view.waitForEvent((e) => e.kind === 'interaction.missed', 'the derived missed call');
  expect(view.events().filter((e) => e.ref === offered.ref).map((e) => e.kind)).toEqual(['interaction.offered', 'interaction.ended', 'interaction.missed']);
  await expect(phone.locator('#phase')).toHaveText('No call');
});
