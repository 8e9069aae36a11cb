/**
 * Commands from the tray, notifications and shell UI → the profile's vendor adapter → its view.
 * Every outcome is a plain sentence: what was sent, or why it could not be.
 */
import type { CommandConfirmation, CommandResult } from '../../shared/contract/outbound';
import type { Profile } from '../../shared/contract/profile';
import type { AgentState } from '../../shared/contract/shell-event';
import type { VendorSession } from '../../shared/vendors/adapter';
import { AdapterMemory } from '../../shared/vendors/memory';
import { ADAPTERS } from '../../shared/vendors/registry';

export type ShellCommand =
  | { type: 'answer' | 'decline' | 'hangup' | 'hold' | 'unhold'; ref?: string }
  | { type: 'set-state'; state: AgentState }
  | { type: 'dial'; number: string };

export interface CommandRouterDeps {
  profile(id: string): Profile | undefined;
  session(id: string): Readonly<VendorSession> | undefined;
  /** The profile's adapter memory in the pipeline (what the vendor said so far). */
  memory(id: string): AdapterMemory | undefined;
  /** Posts the built messages to the profile's capture bridge; returns why it could not. */
  deliver(profileId: string, result: CommandResult): string | null;
  /** Watches a delivered command the vendor may drop silently (command-watch.ts). */
  watch(profileId: string, vendor: string, confirm: CommandConfirmation): void;
}

export type CommandOutcome = { ok: true; detail: string } | { ok: false; reason: string };

export function createCommandRouter(deps: CommandRouterDeps) {
  return function run(profileId: string, command: ShellCommand): CommandOutcome {
    const profile = deps.profile(profileId);
    if (!profile) return { ok: false, reason: `no profile "${profileId}"` };
    const adapter = ADAPTERS[profile.vendor];
    const ctx = { session: deps.session(profileId) ?? {}, memory: deps.memory(profileId) ?? new AdapterMemory() };
    let result: CommandResult;
    switch (command.type) {
      case 'set-state': {
        const setState = adapter.commands.setState;
        if (!setState) return { ok: false, reason: `${adapter.label} has no presence command; set it in its own window` };
        result = setState.build(command.state, ctx);
        break;
      }
      case 'dial': {
        if (!adapter.commands.dial) return { ok: false, reason: `${adapter.label} cannot dial from Switchboard` };
        result = adapter.commands.dial(command.number, ctx);
        break;
      }
      default: {
        const build = adapter.commands[command.type];
        if (!build) return { ok: false, reason: `${adapter.label} has no "${command.type}" command` };
        result = build(command.ref, ctx);
      }
    }
    if ('unsupported' in result) return { ok: false, reason: result.unsupported };
    const problem = deps.deliver(profileId, result);
    if (problem) return { ok: false, reason: problem };
    if (!result.confirm) return { ok: true, detail: `${command.type} sent to ${profile.name}` };
    // Sent is not done: the vendor may drop it (outbound.ts); the watch tells the agent if so.
    deps.watch(profileId, adapter.label, result.confirm);
    return { ok: true, detail: `${command.type} sent to ${profile.name}; waiting for ${adapter.label} to ${result.confirm.what}` };
  };
}
