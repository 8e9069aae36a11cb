/**
 * A compromised renderer sends malformed IPC on every channel main listens to. The assembled app
 * keeps running without an error box: each send is logged and dropped, each invoke answered with
 * a refusal, and the fixture fails the test if anything went uncaught in main (an exception
 * thrown out of an ipcMain listener is one: test/app/model/events.ts).
 *
 * The shell page's own API validates before it sends, so the test talks to the preload world's
 * IPC transport directly (test/app/model/page/preload-runtime.ts: one CDP binding per view, in the
 * 'Electron Isolated Context' world), exactly what code running there could do.
 */
import { CHANNELS } from '../../src/shared/ipc/channels';
import { expect, test } from './harness/fixtures';
import { shellPage } from './harness/views';

const MAIN_TO_RENDERER: ReadonlySet<string> = new Set([CHANNELS.vendorCommand, CHANNELS.shellUpdate]);

test('malformed IPC on every channel: main keeps running, no error box, each refusal logged', async ({ launch }) => {
  const app = await launch();
  const shell = await shellPage(app);
  const cdp = await shell.context().newCDPSession(shell);
  const contexts: Array<{ id: number; name: string }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.name === 'Electron Isolated Context')).toBe(true);
  const world = contexts.find((c) => c.name === 'Electron Isolated Context')!;

  const channels = Object.values(CHANNELS).filter((c) => !MAIN_TO_RENDERER.has(c) && c !== CHANNELS.captureConfig);
  const sent = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    returnByValue: true,
    expression: `(() => {
      const name = Object.keys(globalThis).find((k) => k.startsWith('__electronModelIpc_'));
      if (!name) return 0;
      const post = globalThis[name];
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const payloads = ['42', 'null', '"../etc"', JSON.stringify('x'.repeat(100000)), '{"kind":"capture","data":1}', '{"__proto__":{"polluted":true}}', deep];
      let n = 0;
      for (const channel of ${JSON.stringify(channels)}) {
        for (const payload of payloads) {
          post('{"type":"send","channel":' + JSON.stringify(channel) + ',"args":[' + payload + ']}');
          post('{"type":"invoke","id":' + (9000 + n) + ',"channel":' + JSON.stringify(channel) + ',"args":[' + payload + ']}');
          n++;
        }
      }
      return n;
    })()`,
  });
  expect(sent.result.value).toBe(channels.length * 7);

  // Main answered and logged: a malformed select-profile is dropped with its reason.
  await expect
    .poll(() => app.diag().filter((l) => l.message.startsWith(`shell IPC ${CHANNELS.shellSelectProfile} dropped: invalid argument`)).length)
    .toBeGreaterThan(0);
  // Channels are answered in the order they were sent: set-DND may come after select-profile.
  await expect.poll(() => app.diag().some((l) => l.message.startsWith(`shell IPC ${CHANNELS.shellSetDnd} refused: invalid argument`))).toBe(true);
  // Still running and serving the UI; no error box was shown.
  expect((await app.state()).windows[0]?.visible).toBe(true);
  await expect(shell.getByRole('navigation', { name: 'Profiles' })).toContainText('Demo softphone');
  expect(app.stderr.join('')).not.toContain('error box');
});
