/**
 * A CommandContext as main builds it (command-router.ts): the profile's vendor session and its
 * adapter memory. Tests that build commands without a pipeline get an empty memory, as a profile
 * whose vendor has said nothing yet.
 */
import type { CommandContext, VendorSession } from '../../src/shared/vendors/adapter';
import { AdapterMemory } from '../../src/shared/vendors/memory';

export function commandContext(session: Readonly<VendorSession> = {}, memory: AdapterMemory = new AdapterMemory()): CommandContext {
  return { session, memory };
}
