/**
 * The browser-tier stand-in for src/preload/vendor-host.ts, bundled with esbuild and injected
 * into the isolated world exactly as Electron runs a preload. It does what vendor-host does with
 * the two Electron pieces replaced: the config comes from a constant in the injected source
 * (instead of ipcRenderer.sendSync) and messages go out through a CDP binding (instead of
 * ipcRenderer.send). Commands come in through a function that exists only in this world.
 *
 * Type-checked by tsconfig.web.json (it is DOM code); excluded from tsconfig.node.json.
 */
import { describeZodError } from '../../../src/shared/contract/issues';
import { CaptureConfigSchema, VendorCommandSchema, type CaptureMessage } from '../../../src/shared/ipc/capture-protocol';
import { installCaptureBridge } from '../../../src/preload/capture-bridge';
import { CAPTURE_BINDING, COMMAND_ENTRY } from './names';

declare const __SB_CONFIG__: unknown;

type IsolatedGlobals = Record<string, unknown>;
const world = globalThis as unknown as IsolatedGlobals;
const binding = world[CAPTURE_BINDING] as (payload: string) => void;
const send = (message: CaptureMessage) => binding(JSON.stringify(message));

// Electron runs a view's preload in its main frame only.
if (window.top === window) {
  const config = CaptureConfigSchema.safeParse(__SB_CONFIG__);
  if (!config.success) {
    send({ kind: 'undeliverable', reason: `capture bridge not started: bad config (${describeZodError(config.error)})` });
  } else {
    const bridge = installCaptureBridge(window, config.data, (m) => send(m));
    world[COMMAND_ENTRY] = (payload: unknown): string[] => {
      const command = VendorCommandSchema.safeParse(payload);
      if (!command.success) {
        const reason = `malformed command from main: ${describeZodError(command.error)}`;
        send({ kind: 'undeliverable', reason });
        return [reason];
      }
      const problems = bridge.deliver(command.data.messages);
      for (const reason of problems) send({ kind: 'undeliverable', reason });
      return problems;
    };
  }
}
