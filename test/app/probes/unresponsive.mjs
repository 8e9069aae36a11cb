// Probe: 'unresponsive' is emitted for a hung view only while it is visible.
import { app, BaseWindow, WebContentsView } from 'electron';

// Not `await app.whenReady()` at the top: Electron emits 'ready' only once the main module
// has finished loading (lib/browser/init.ts, appCodeLoaded), so that would never return.
app.whenReady().then(async () => {
  const win = new BaseWindow({ width: 800, height: 600, show: true });
  const hang = 'data:text/html,<script>setTimeout(() => { const until = Date.now() + 6000; while (Date.now() < until) {} }, 300)</script>';
  const shown = new WebContentsView({ webPreferences: { partition: 'persist:a' } });
  const hidden = new WebContentsView({ webPreferences: { partition: 'persist:b' } });
  for (const v of [shown, hidden]) {
    win.contentView.addChildView(v);
    v.setBounds({ x: 0, y: 0, width: 800, height: 600 });
  }
  hidden.setVisible(false);
  const events = [];
  shown.webContents.on('unresponsive', () => events.push('shown: unresponsive'));
  // Reported once the shown view is answering again (both hangs are over by then), or after 25 s.
  const report = () => console.log(`PROBE ${JSON.stringify(events)}`);
  const giveUp = setTimeout(report, 25_000);
  shown.webContents.on('responsive', () => {
    events.push('shown: responsive');
    clearTimeout(giveUp);
    setTimeout(report, 1000);
  });
  hidden.webContents.on('unresponsive', () => events.push('hidden: unresponsive'));
  await Promise.all([shown.webContents.loadURL(hang), hidden.webContents.loadURL(hang)]);
});
