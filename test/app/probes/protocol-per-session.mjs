// Probe: protocol.handle serves the default session only; another session has no app:// loader.
import { app, protocol, session, WebContentsView } from 'electron';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
// Not `await app.whenReady()` at the top: Electron emits 'ready' only once the main module
// has finished loading (lib/browser/init.ts, appCodeLoaded), so that would never return.
app.whenReady().then(async () => {
  let late = null;
  try {
    protocol.registerSchemesAsPrivileged([{ scheme: 'late', privileges: { standard: true } }]);
  } catch (err) {
    late = err.message;
  }
  protocol.handle('app', () => new Response('<h1>ok</h1>', { headers: { 'content-type': 'text/html' } }));
  const onDefault = new WebContentsView();
  const onOther = new WebContentsView({ webPreferences: { partition: 'persist:other' } });
  const result = { late, defaultSession: null, otherSession: null, otherHandles: session.fromPartition('persist:other').protocol.isProtocolHandled('app') };
  await onDefault.webContents.loadURL('app://page/').then(() => (result.defaultSession = 'loaded'), (e) => (result.defaultSession = e.code));
  onOther.webContents.on('did-fail-load', (_e, code, name) => (result.otherSession = `${name} (${code})`));
  await onOther.webContents.loadURL('app://page/').catch(() => undefined);
  console.log(`PROBE ${JSON.stringify(result)}`);
});
