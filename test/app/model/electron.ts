/**
 * The `electron` module the app's main process imports in the app tier (boot.ts resolves
 * 'electron' here). Only what the model implements is exported: importing anything else fails
 * when the app's code loads, and using a member an object lacks throws (strict.ts).
 */
import { app } from './app';
import { clipboard, dialog, shell, systemPreferences } from './desktop';
import { ipcMain } from './ipc-main';
import { Menu, MenuItem } from './menu';
import { nativeImage } from './native-image';
import { net } from './net';
import { Notification } from './notification';
import './popups';
import { powerMonitor } from './power-monitor';
import { protocol } from './protocol';
import { session } from './session';
import { Tray } from './tray';
import { webContents } from './web-contents';
import { BaseWindow, BrowserWindow, View, WebContentsView } from './window';

export { app, BaseWindow, BrowserWindow, clipboard, dialog, ipcMain, Menu, MenuItem, nativeImage, net, Notification, powerMonitor, protocol, session, shell, systemPreferences, Tray, View, WebContentsView, webContents };

const electron = { app, BaseWindow, BrowserWindow, clipboard, dialog, ipcMain, Menu, MenuItem, nativeImage, net, Notification, powerMonitor, protocol, session, shell, systemPreferences, Tray, View, WebContentsView, webContents };
export default electron;
