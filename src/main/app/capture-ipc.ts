/**
 * The capture channel, the only way vendor data enters main: the preload's synchronous config
 * request and its captured messages, each accepted only from the top frame of a registered view
 * at the page that view is meant to show (ipc/sender-validation.ts).
 */
import type { IpcMain, IpcMainEvent } from 'electron';
import { describeZodError } from '../../shared/contract/issues';
import { LivenessSeqSchema } from '../../shared/ipc/capture-protocol';
import { CHANNELS } from '../../shared/ipc/channels';
import { buildCaptureConfig } from '../capture/capture-config';
import type { createCaptureService } from '../capture/capture-service';
import { diag } from '../diagnostics';
import { safeOn } from '../ipc/safe-listeners';
import { validateCaptureSender } from '../ipc/sender-validation';
import type { ViewRegistry } from '../shell/view-registry';

export function wireCaptureIpc(ipcMain: Pick<IpcMain, 'on'>, registry: ViewRegistry, captures: ReturnType<typeof createCaptureService>): void {
  const senderOf = (event: IpcMainEvent) => {
    const frame = event.senderFrame; // read at once: it is null after the frame navigates
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null, detached: frame.detached } : null;
    return validateCaptureSender({ webContentsId: event.sender.id, frame: sender }, registry.senders());
  };
  // Neither listener can throw out into main (ipc/safe-listeners.ts): a failure is logged, the
  // message dropped, and the synchronous config request answered with null.
  const log = (channel: string, reason: string) => diag('capture', `${channel} ${reason}`);
  safeOn(
    ipcMain,
    CHANNELS.captureConfig,
    (event) => {
      event.returnValue = null;
      const sender = senderOf(event);
      if (!sender.ok) diag('capture', `config refused: ${sender.reason}`);
      // Any document of a view's top frame starting its preload (the vendor page, our error
      // page) can answer liveness pings from now on, whether or not it may capture.
      if (event.senderFrame?.parent === null) registry.byContents(event.sender.id)?.view?.bridgeStarted();
      const entry = sender.ok ? registry.byContents(event.sender.id) : undefined;
      event.returnValue = sender.ok && entry ? buildCaptureConfig(sender.profile, entry.secret) : null;
    },
    log,
    true,
  );
  safeOn(
    ipcMain,
    CHANNELS.capture,
    (event, payload) => {
      const sender = senderOf(event);
      if (!sender.ok) return diag('capture', `message refused: ${sender.reason}`);
      captures.handle(sender.profile, payload);
    },
    log,
  );
  // A liveness answer says only "this renderer's main thread runs"; it is taken from the top
  // frame of a registered view whatever page that frame shows (our error page answers too).
  safeOn(
    ipcMain,
    CHANNELS.livenessPong,
    (event, payload) => {
      const seq = LivenessSeqSchema.safeParse(payload);
      const view = event.senderFrame?.parent === null ? registry.byContents(event.sender.id)?.view : undefined;
      if (!seq.success || !view) {
        const why = !seq.success ? `not a ping number (${describeZodError(seq.error)})` : 'not from the top frame of a profile view';
        return diag('capture', `liveness answer refused: ${why}`, { webContents: event.sender.id });
      }
      view.answered(seq.data);
    },
    log,
  );
}
