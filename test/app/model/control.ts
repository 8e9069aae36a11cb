/**
 * The app tier's hands and eyes inside the app's process: over the Node IPC channel the test
 * process reads what the agent would see of the OS side (windows, tray, toasts, what the OS was
 * asked to open) and does what the agent would do there (click the tray, a toast button, press
 * a key, close the window, lock the screen). Pages themselves are driven by the test process's
 * own Playwright, connected to the same Chromium.
 */
import { attentionView } from './attention';
import { writeHeapSnapshot } from 'node:v8';
import { keyDownFor } from './accelerator';
import { app, registration } from './app';
import { browser } from './browser';
import { photographWindow } from './compose';
import { answerMessageBox, desktop } from './desktop';
import { emitPreventable, emitSafely, modelEvent } from './events';
import type { Menu, MenuItem } from './menu';
import { applicationMenu } from './menu-state';
import { setNotificationSupport, setToastFailure, shownToasts } from './notification';
import { isMac } from './platform';
import { powerMonitor } from './power-monitor';
import { sampleResources } from './resources';
import { allSessions } from './session';
import { endSession } from './session-end';
import { modelGaps, uncaughtErrors } from './strict';
import { setOnline, setSystemProxy, systemNetworkView, trustCertificate } from './system-network';
import { allTrays } from './tray';
import { allWebContents, type WebContents } from './web-contents';
import { BaseWindow, WebContentsView, type View } from './window';

type Request = { id: number; op: string; args?: Record<string, unknown> };

interface MenuView {
  label: string;
  type: string;
  enabled: boolean;
  checked: boolean;
  accelerator?: string;
  role?: string;
  submenu?: MenuView[];
}

function menuView(menu: Menu | null): MenuView[] {
  return (menu?.items ?? [])
    .filter((i) => i.visible)
    .map((i) => ({
      label: i.label,
      type: i.type,
      enabled: i.enabled,
      checked: i.checked,
      ...(i.accelerator ? { accelerator: i.accelerator } : {}),
      ...(i.role ? { role: i.role } : {}),
      ...(i.submenu ? { submenu: menuView(i.submenu as Menu) } : {}),
    }));
}

function viewsOf(view: View): Array<{ contents: number; bounds: ReturnType<View['getBounds']>; visible: boolean }> {
  return view.children.flatMap((child) => [
    ...(child instanceof WebContentsView ? [{ contents: child.webContents.id, bounds: child.getBounds(), visible: child._shown() }] : []),
    ...viewsOf(child),
  ]);
}

function contentsById(id: unknown): WebContents {
  const found = allWebContents().find((c) => c.id === id);
  if (!found) throw new Error(`electron model: no webContents ${String(id)}`);
  return found;
}

function windowById(id: unknown): BaseWindow {
  const win = id === undefined ? BaseWindow.getAllWindows()[0] : BaseWindow.fromId(Number(id));
  if (!win) throw new Error(`electron model: no window ${String(id ?? '(first)')}`);
  return win;
}

function state() {
  return {
    ready: app.isReady(),
    windows: BaseWindow.getAllWindows().map((w) => ({ id: w.id, title: w.getTitle(), visible: w.isVisible(), focused: w.isFocused(), minimized: w.isMinimized(), flashing: w._flashing(), alwaysOnTop: w._alwaysOnTop(), maximized: w.isMaximized(), fullScreen: w.isFullScreen(), bounds: w.getContentBounds(), views: viewsOf(w.contentView), menu: menuView(w._menu() as Menu | null) })),
    contents: allWebContents().map((c) => ({ id: c.id, targetId: c._targetIdNow(), url: c.getURL(), type: c.getType(), partition: c.session.partition, preload: typeof c._preferences.preload === 'string', crashed: c.isCrashed(), zoomLevel: c._zoomLevel, devToolsOpened: c._devToolsOpened })),
    trays: allTrays().map((t) => ({ image: t._image._path, toolTip: t._toolTip, menu: menuView(t._menu) })),
    toasts: shownToasts().map((t) => t._view()),
    applicationMenu: menuView(applicationMenu() as Menu | null),
    opened: desktop.opened,
    clipboard: desktop.clipboard,
    dialogs: desktop.dialogs,
    registration,
    sessions: allSessions().map((s) => ({ partition: s.partition, handlers: s._hasPermissionHandlers, handlesApp: s.protocol.isProtocolHandled('app') })),
    network: systemNetworkView(),
    attention: attentionView(),
    gaps: [...modelGaps()],
    uncaught: [...uncaughtErrors()],
  };
}

export type ModelState = ReturnType<typeof state>;

async function perform(op: string, args: Record<string, unknown>): Promise<unknown> {
  switch (op) {
    case 'state':
      return state();
    case 'wsEndpoint':
      return browser.wsEndpoint;
    case 'clickTrayIcon':
      return allTrays()[0]!._click();
    case 'clickTrayItem': {
      const tray = allTrays()[0];
      if (!tray?._menu) throw new Error('electron model: the tray has no context menu');
      (tray._menu._find(args.path as string[]) as MenuItem)._activate({ webContents: null, window: BaseWindow.getFocusedWindow() });
      return null;
    }
    case 'clickMenuItem': {
      const win = BaseWindow.getFocusedWindow();
      const menu = (win?._menu() ?? applicationMenu()) as Menu | null;
      if (!menu) throw new Error('electron model: there is no application menu');
      (menu._find(args.path as string[]) as MenuItem)._activate({ webContents: args.contents === undefined ? null : contentsById(args.contents), window: win });
      return null;
    }
    case 'heapSnapshot':
      // For looking into what a long run kept (docs/app-tier.md): a V8 heap snapshot of the app's process.
      return writeHeapSnapshot(String(args.path));
    case 'openToasts':
      // What is on screen now, without the rest of state() (cheap enough to ask every minute).
      return shownToasts().filter((t) => t._view().open).map((t) => t._view());
    case 'toastClick':
      return shownToasts().find((t) => t._id === args.id)!._click();
    case 'toastButton':
      return shownToasts().find((t) => t._id === args.id)!._button(String(args.label));
    case 'toastDismiss':
      return shownToasts().find((t) => t._id === args.id)!._dismiss();
    case 'toastFailure':
      // From now on the OS refuses every toast as an unsigned macOS build or a session without a
      // notification daemon does: show() emits 'failed' with this error (notification.ts); null
      // shows toasts again.
      if (args.error !== null && typeof args.error !== 'string') throw new Error('electron model: toastFailure needs { error: string | null }');
      return setToastFailure(args.error);
    case 'notificationSupport':
      // false: no notification presenter (no libnotify): isSupported() is false, show() does nothing.
      if (typeof args.supported !== 'boolean') throw new Error('electron model: notificationSupport needs { supported: boolean }');
      return setNotificationSupport(args.supported);
    case 'press':
      return press(contentsById(args.contents), String(args.accelerator));
    case 'screenshot':
      return photographWindow(windowById(args.window), String(args.path));
    case 'resize':
      return windowById(args.window)._resize(Number(args.width), Number(args.height));
    case 'windowState': {
      const size = typeof args.width === 'number' && typeof args.height === 'number' ? { width: args.width, height: args.height } : undefined;
      return windowById(args.window)._setState(args.state === 'full-screen' ? 'full-screen' : 'maximized', args.on === true, size);
    }
    case 'closeWindow':
      return windowById(args.window).close();
    case 'activate':
      return emitSafely(app, 'activate', modelEvent(), BaseWindow.getAllWindows().some((w) => w.isVisible()));
    case 'requestPermission': {
      const contents = contentsById(args.contents);
      return contents.session._requestPermission(contents._self, String(args.permission), { requestingUrl: String(args.requestingUrl ?? contents.getURL()), isMainFrame: args.isMainFrame !== false, ...((args.details as object) ?? {}) });
    }
    case 'checkPermission': {
      const contents = contentsById(args.contents);
      const origin = String(args.origin ?? new URL(contents.getURL()).origin);
      return contents.session._checkPermission(contents._self, String(args.permission), origin, { requestingUrl: origin, isMainFrame: true });
    }
    case 'idle':
      powerMonitor._idleSeconds = Number(args.seconds);
      return null;
    case 'screenLock':
      return powerMonitor._screen(args.locked === true, args.reported !== false);
    case 'refuseOpenExternal':
      desktop.refuseOpenExternal = args.refuse !== false;
      return null;
    case 'nextSaveDialog':
      desktop.nextSave = args.path === null ? null : String(args.path);
      return null;
    case 'answerMessageBox':
      return answerMessageBox(String(args.label), args.id === undefined ? undefined : Number(args.id));
    case 'crash':
      return contentsById(args.contents).forcefullyCrashRenderer();
    case 'setSystemProxy':
      // IT sets the machine's proxy (null: none); Chromium follows it in every session (system-network.ts).
      return setSystemProxy(args.url === null || args.url === undefined ? null : String(args.url), (args.bypass as string[] | undefined) ?? []);
    case 'setOnline':
      // The machine's link goes down or comes back (net.isOnline, system-network.ts).
      return setOnline(args.online === true);
    case 'trustCertificate':
      // IT installs a root in the OS certificate store (a TLS-inspecting proxy's, an internal CA).
      return trustCertificate(String(args.pem));
    case 'sessionEnd':
      // Windows logoff/shutdown: the process is gone when this returns (session-end.ts); no answer comes.
      return endSession((args.reasons as string[] | undefined) ?? ['logoff']);
    case 'resources':
      return sampleResources({ forgetClosedToasts: args.forgetClosedToasts === true });
    case 'osQuit':
      // The OS asks the app to quit (logout, Cmd+Q on the Dock): Electron calls app.quit().
      return app.quit();
    default:
      throw new Error(`electron model: unknown control operation ${op}`);
  }
}

/**
 * A key press in a view: 'before-input-event' first (preventable, for keyDown and keyUp), then
 * the window's menu accelerators (the application menu on macOS), then the page.
 */
async function press(contents: WebContents, accelerator: string): Promise<{ handledBy: 'before-input-event' | 'menu' | 'page' }> {
  const down = keyDownFor(accelerator);
  const prevented = emitPreventable(contents, 'before-input-event', modelEvent(), { ...down });
  emitPreventable(contents, 'before-input-event', modelEvent(), { ...down, type: 'keyUp' });
  if (prevented) return { handledBy: 'before-input-event' };
  const win = BaseWindow.getAllWindows().find((w) => viewsOf(w.contentView).some((v) => v.contents === contents.id)) ?? null;
  const menu = ((isMac() ? applicationMenu() : win?._menu()) ?? null) as Menu | null;
  const item = menu?._accelerated(down);
  if (item) {
    item._activate({ webContents: contents, window: win });
    return { handledBy: 'menu' };
  }
  await contents._dispatchKey(down);
  return { handledBy: 'page' };
}

export function startControl(): void {
  if (!process.send) return;
  process.on('message', (raw: unknown) => {
    const request = raw as Request;
    if (!request || typeof request.id !== 'number') return;
    perform(request.op, request.args ?? {}).then(
      (value) => process.send?.({ id: request.id, ok: true, value: value ?? null }),
      (err: unknown) => process.send?.({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  // Nothing but the IPC channel should keep the model's process alive on its own account.
  process.channel?.unref();
  // The test process is gone (it crashed or was killed): nobody will ever stop this app, so it
  // ends here, and its Chromium with it (chromium.ts).
  process.on('disconnect', () => process.exit(0));
}
