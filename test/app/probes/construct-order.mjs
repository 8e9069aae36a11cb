// Probe: when does 'web-contents-created' fire for a view? (lib/browser/api/web-contents.ts _init)
import { app, WebContentsView } from 'electron';

// Not `await app.whenReady()` at the top: Electron emits 'ready' only once the main module
// has finished loading (lib/browser/init.ts, appCodeLoaded), so that would never return.
app.whenReady().then(async () => {
  const seen = { before: [], after: [] };
  app.on('web-contents-created', (_e, contents) => seen.before.push(contents.id));
  const view = new WebContentsView({ webPreferences: { partition: 'persist:probe' } });
  app.on('web-contents-created', (_e, contents) => seen.after.push(contents.id));
  console.log(`PROBE ${JSON.stringify({ id: view.webContents.id, ...seen })}`);
});
