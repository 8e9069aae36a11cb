// Probe: what Electron gives an app that sets nothing: its default menu, sessions that grant
// every permission, and a strict refusal of what the model does not implement.
import { app, WebContentsView } from 'electron';

// Not `await app.whenReady()` at the top: Electron emits 'ready' only once the main module
// has finished loading (lib/browser/init.ts, appCodeLoaded), so that would never return.
app.whenReady().then(async () => {
  const view = new WebContentsView({ webPreferences: { partition: 'persist:bare' } });
  let gap = null;
  try {
    app.showAboutPanel();
  } catch (err) {
    gap = err.name;
  }
  console.log(`PROBE ${JSON.stringify({ contents: view.webContents.id, gap })}`);
});
