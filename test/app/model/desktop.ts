/**
 * What the app hands to the desktop: shell (links and folders opened by the OS), dialog (native
 * file choosers, answered by the app tier as the agent would) and the clipboard. The model opens
 * nothing; it records each request so the app tier can check what the agent's OS was asked to do.
 *
 * shell.openExternal can be made to fail as the desktop fails it (control.ts refuseOpenExternal):
 * the promise rejects with Electron's own message per OS — "Failed to open path" on Linux when
 * xdg-open/xdg-email cannot run (shell/common/platform_util_linux.cc), "Failed to open: <system
 * error>" on Windows when ShellExecuteEx fails (platform_util_win.cc), "Failed to open URL" on
 * macOS (platform_util_mac.mm). Nothing is recorded as opened then.
 */
import { isLinux, isMac, isWindows } from './platform';
import { strict } from './strict';

export interface DesktopRecord {
  opened: Array<{ kind: 'external' | 'path'; target: string }>;
  clipboard: string;
  dialogs: Array<{ kind: 'save'; title: string; defaultPath: string } | { kind: 'message'; id: number; title: string; message: string; detail: string; buttons: string[]; open: boolean; modal: boolean }>;
  /** The next save dialog's answer (control.ts sets it; default: the agent cancels). */
  nextSave: string | null;
  /** The desktop cannot open external URLs (no browser or mail app registered, xdg-open missing). */
  refuseOpenExternal: boolean;
}

export const desktop: DesktopRecord = { opened: [], clipboard: '', dialogs: [], nextSave: null, refuseOpenExternal: false };

const openExternalFailure = (): string =>
  isWindows() ? 'Failed to open: No application is associated with the specified file for this operation.' : isMac() ? 'Failed to open URL' : 'Failed to open path';

/** Message boxes on screen, answered by the app tier (control.ts 'answerMessageBox') as the agent would. */
const openBoxes = new Map<number, (response: number) => void>();
let nextBoxId = 1;

/** The agent clicks `label` on the open message box `id` (or the only open one). */
export function answerMessageBox(label: string, id?: number): void {
  const box = desktop.dialogs.find((d) => d.kind === 'message' && d.open && (id === undefined || d.id === id));
  if (!box || box.kind !== 'message') throw new Error('electron model: no message box is open');
  const index = box.buttons.indexOf(label);
  if (index < 0) throw new Error(`electron model: the message box has no button "${label}" (it has ${JSON.stringify(box.buttons)})`);
  box.open = false;
  openBoxes.get(box.id)?.(index);
  openBoxes.delete(box.id);
}

export const shell = strict(
  {
    openExternal(url: string): Promise<void> {
      if (typeof url !== 'string' || !URL.canParse(url)) return Promise.reject(new Error('Invalid URL'));
      if (desktop.refuseOpenExternal) return Promise.reject(new Error(openExternalFailure()));
      desktop.opened.push({ kind: 'external', target: url });
      return Promise.resolve();
    },
    openPath(path: string): Promise<string> {
      desktop.opened.push({ kind: 'path', target: path });
      return Promise.resolve('');
    },
  },
  'shell',
);

export const clipboard = strict(
  {
    writeText(text: string): void {
      desktop.clipboard = String(text);
    },
    readText(): string {
      return desktop.clipboard;
    },
  },
  'clipboard',
);

export const dialog = strict(
  {
    showSaveDialog(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<{ canceled: boolean; filePath: string }> {
      const options = (maybeOptions ?? windowOrOptions) as Record<string, unknown>;
      desktop.dialogs.push({ kind: 'save', title: String(options.title ?? ''), defaultPath: String(options.defaultPath ?? '') });
      const answer = desktop.nextSave;
      desktop.nextSave = null;
      return Promise.resolve(answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer });
    },
    /**
     * docs/api/dialog.md `dialog.showMessageBox([window, ]options)`: resolves { response, checkboxChecked }
     * once a button is clicked; with a window it is modal to it. Without buttons the OS shows "OK".
     */
    showMessageBox(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<{ response: number; checkboxChecked: boolean }> {
      const options = (maybeOptions ?? windowOrOptions) as Record<string, unknown>;
      const known = new Set(['message', 'type', 'buttons', 'defaultId', 'signal', 'title', 'detail', 'checkboxLabel', 'checkboxChecked', 'icon', 'textWidth', 'cancelId', 'noLink', 'normalizeAccessKeys']);
      for (const key of Object.keys(options)) if (!known.has(key)) throw new TypeError(`electron model: dialog.showMessageBox has no option "${key}"`);
      if (typeof options.message !== 'string') throw new TypeError('electron model: dialog.showMessageBox needs a message string');
      const buttons = Array.isArray(options.buttons) && options.buttons.length > 0 ? options.buttons.map(String) : ['OK'];
      const id = nextBoxId++;
      desktop.dialogs.push({ kind: 'message', id, title: String(options.title ?? ''), message: options.message, detail: String(options.detail ?? ''), buttons, open: true, modal: maybeOptions !== undefined });
      return new Promise((resolve) => openBoxes.set(id, (response) => resolve({ response, checkboxChecked: false })));
    },
    showErrorBox(title: string, content: string): void {
      process.stderr.write(`electron model: error box "${title}": ${content}\n`);
    },
  },
  'dialog',
);

/** systemPreferences: askForMediaAccess exists on macOS only (docs/api/system-preferences.md). */
export const systemPreferences = strict(
  isMac()
    ? {
        askForMediaAccess: (_type: 'microphone' | 'camera') => Promise.resolve(true),
        getMediaAccessStatus: (_type: string): string => 'granted',
      }
    : isLinux()
      ? {}
      : { getMediaAccessStatus: (_type: string): string => 'granted' },
  'systemPreferences',
);
