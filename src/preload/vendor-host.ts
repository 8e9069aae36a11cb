/**
 * Preload of every vendor view (sandboxed, isolated world). Electron glue only: it asks main for
 * this view's capture config, installs the capture bridge and, for ExpertFlow, the main-world
 * Socket.IO tap. It exposes NOTHING to the vendor page: no contextBridge API, no globals.
 */
import './zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/ipc/channels';
import { CaptureConfigSchema, LivenessSeqSchema, VendorCommandSchema, type CaptureMessage } from '../shared/ipc/capture-protocol';
import { describeZodError } from '../shared/contract/issues';
import { installCaptureBridge } from './capture-bridge';
import { installSocketTap } from './socket-tap';

const send = (message: CaptureMessage) => ipcRenderer.send(CHANNELS.capture, message);

// Liveness (src/main/runtime/liveness.ts): answered from this document's main thread, so a page
// stuck in a script cannot answer. Listening before the config request below, whose arrival in
// main is what tells it this document's bridge is up, and whatever that request gets back.
ipcRenderer.on(CHANNELS.livenessPing, (_event, seq: unknown) => {
  if (LivenessSeqSchema.safeParse(seq).success) ipcRenderer.send(CHANNELS.livenessPong, seq);
});

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
