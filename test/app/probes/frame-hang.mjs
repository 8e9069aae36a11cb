// Probe: a cross-site frame stuck in a script. Its WebFrameMain.executeJavaScript never settles
// while the main frame's still answers; ending the main frame's renderer
// (forcefullyCrashRenderer) takes the stuck frame's process with it, so the reloaded page's frame
// answers again from a new process, and the question the stuck frame never answered stays
// pending (Electron drops it: electron_api_web_frame_main.cc ExecuteJavaScript, gin_helper
// ~PromiseBase() = default).
import { app, BaseWindow, WebContentsView } from 'electron';

const within = (promise, ms) => Promise.race([promise.then((v) => ({ answered: v }), (e) => ({ rejected: String(e) })), new Promise((r) => setTimeout(() => r('no answer'), ms))]);
const widget = (view) => view.webContents.mainFrame.frames.find((f) => f.url.startsWith('https://widget.thirdparty.test/'));

app.whenReady().then(async () => {
  const win = new BaseWindow({ width: 800, height: 600, show: false });
  const view = new WebContentsView({ webPreferences: { partition: 'persist:probe' } });
  win.contentView.addChildView(view);
  const result = {};
  await view.webContents.loadURL('https://softphone.vendor.test/embeds');
  const frame = widget(view);
  result.before = { frames: view.webContents.mainFrame.frames.map((f) => f.origin), answer: await within(frame.executeJavaScript('1 + 1'), 3000) };
  await frame.executeJavaScript('void setTimeout(() => { for (;;); }, 50)');
  // A hidden page's timers run at most once a second (Chromium's background throttling).
  await new Promise((r) => setTimeout(r, 1500));
  const unanswered = frame.executeJavaScript('2');
  result.stuck = { frame: await within(unanswered, 3000), mainFrame: await within(view.webContents.mainFrame.executeJavaScript('3'), 3000) };
  const gone = new Promise((r) => view.webContents.once('render-process-gone', (_e, details) => r(details.reason)));
  view.webContents.forcefullyCrashRenderer();
  result.crashed = await gone;
  result.framesWhileCrashed = view.webContents.mainFrame.frames.length;
  await view.webContents.loadURL('https://softphone.vendor.test/embeds');
  const fresh = widget(view);
  result.after = { newObject: fresh !== frame, oldDetached: frame.detached, answer: await within(fresh.executeJavaScript('4'), 3000), oldQuestion: await within(unanswered, 500) };
  console.log(`PROBE ${JSON.stringify(result)}`);
});
