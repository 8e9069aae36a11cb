/**
 * Preload of every vendor view (sandboxed, isolated world). Electron glue only: it asks main for
 * this view's capture config, installs the capture bridge and, for ExpertFlow, the main-world
 * Socket.IO tap. It exposes NOTHING to the vendor page: no contextBridge API, no globals.
 */
import './zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/ipc/channels';
import { CaptureConfigSchema, VendorCommandSchema, type CaptureMessage } from '../shared/ipc/capture-protocol';
import { describeZodError } from '../shared/contract/issues';
import { installCaptureBridge } from './capture-bridge';
import { installSocketTap } from './socket-tap';

const send = (message: CaptureMessage) => ipcRenderer.send(CHANNELS.capture, message);

// Synchronous on purpose: the bridge must listen before any vendor script can post.
const config = CaptureConfigSchema.safeParse(ipcRenderer.sendSync(CHANNELS.captureConfig));
if (!config.success) {
  send({ kind: 'undeliverable', reason: `capture bridge not started: bad config (${describeZodError(config.error)})` });
} else {
  if (config.data.socketTap) {
    contextBridge.executeInMainWorld({ func: installSocketTap, args: [config.data.tapEventName] });
  }
  const bridge = installCaptureBridge(window, config.data, send);
  ipcRenderer.on(CHANNELS.vendorCommand, (_event, payload: unknown) => {
    const command = VendorCommandSchema.safeParse(payload);
    if (!command.success) return send({ kind: 'undeliverable', reason: `malformed command from main: ${describeZodError(command.error)}` });
    for (const reason of bridge.deliver(command.data.messages)) send({ kind: 'undeliverable', reason });
  });
}
