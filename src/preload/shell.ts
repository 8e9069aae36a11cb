/**
 * Preload of our own shell UI (sandboxed, isolated world): a minimal typed API on
 * `window.switchboard`. No raw ipcRenderer, no `process`, no Electron event objects reach the
 * page; everything from main is validated here and everything to main is validated again there.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/ipc/channels';
import { SelectProfileSchema, ShellSnapshotSchema, type ShellApi, type ShellSnapshot } from '../shared/ipc/shell-protocol';

const api: ShellApi = {
  async getState(): Promise<ShellSnapshot> {
    return ShellSnapshotSchema.parse(await ipcRenderer.invoke(CHANNELS.shellState));
  },
  selectProfile(id: string): void {
    if (SelectProfileSchema.safeParse(id).success) ipcRenderer.send(CHANNELS.shellSelectProfile, id);
  },
  onUpdate(listener) {
    const handler = (_event: unknown, payload: unknown) => {
      const snapshot = ShellSnapshotSchema.safeParse(payload);
      if (snapshot.success) listener(snapshot.data);
    };
    ipcRenderer.on(CHANNELS.shellUpdate, handler);
    return () => void ipcRenderer.removeListener(CHANNELS.shellUpdate, handler);
  },
};

contextBridge.exposeInMainWorld('switchboard', api);
