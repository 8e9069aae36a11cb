/**
 * Scenarios 2 and 3: a call rings in the demo softphone; the agent answers it from the toast
 * (Windows, macOS) or from the demo after the toast focused it (Linux, where toasts have no
 * buttons), hangs up, and finds the call as one line of the activity and in the event log.
 */
import { test, expect } from './harness/fixtures';
import type { AppProcess } from './harness/app-process';
import { demoPhone, screenshot, shellPage, waitForToast } from './harness/views';

async function ring(app: AppProcess) {
  const shell = await shellPage(app);
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  const rail = shell.getByRole('navigation', { name: 'Profiles' });
  // The demo's first caller (src/renderer/demo/softphone.ts), named where the agent looks.
  await expect(rail.getByRole('button', { name: /^Demo softphone, Ringing, Jane Doe \+1 650 555 0100/ })).toBeVisible();
  await expect(shell.getByRole('banner')).toContainText('Ringing');
  await expect(shell.getByRole('banner')).toContainText('Jane Doe');
  return { shell, phone, rail };
}

const trayTooltip = async (app: AppProcess) => (await app.state()).trays[0]?.toolTip ?? '';
const trayImage = async (app: AppProcess) => (await app.state()).trays[0]?.image ?? '';

for (const platform of ['win32', 'darwin'] as const) {
  test(`${platform}: a ringing call shows Answer/Decline on its toast; Answer connects it, the tray says on call, the feed and the log keep it`, async ({ launch }) => {
    const app = await launch({ platform });
    const { shell, phone } = await ring(app);
    const toast = await waitForToast(app, (t) => t.open && t.title.includes('Jane Doe'), 'the incoming call from Jane Doe');
    expect(toast.buttons).toEqual(['Answer', 'Decline']);
    expect(toast.timeoutType).toBe(platform === 'win32' ? 'never' : null);
    await screenshot(app, test.info().outputPath(`ringing-${platform}.png`));

    await app.call('toastButton', { id: toast.id, label: 'Answer' });
    await expect(phone.locator('#phase')).toHaveText('On call');
    await expect.poll(() => trayTooltip(app)).toContain('On call');
    expect(await trayImage(app)).toMatch(/on-call/);
    await expect(shell.getByRole('banner')).toContainText('On call');
    await screenshot(app, test.info().outputPath(`on-call-${platform}.png`));

    await phone.getByRole('button', { name: 'End call' }).click();
    await expect(phone.locator('#phase')).toHaveText('No call');
    // Ring, answer and end are one line of the rail's activity, with its outcome.
    const latest = shell.getByRole('list', { name: 'Latest activity, newest first' }).getByRole('listitem');
    await expect(latest.first()).toContainText(/Incoming call — Jane Doe.* — answered/);
    expect((await latest.allTextContents()).filter((t) => t.includes('Jane Doe'))).toHaveLength(1);
    await expect.poll(() => app.eventLog().map((l) => l.kind)).toEqual(expect.arrayContaining(['interaction.offered', 'interaction.connected', 'interaction.ended']));
  });
}

test('linux: the call toast has no buttons (libnotify shows none); clicking it brings the window and the ringing profile forward', async ({ launch }) => {
  const app = await launch({ platform: 'linux' });
  await ring(app);
  const toast = await waitForToast(app, (t) => t.open && t.title.includes('Jane Doe'), 'the incoming call from Jane Doe');
  expect(toast.buttons).toEqual([]);
  expect(toast.urgency).toBe('critical');
  await expect.poll(async () => (await app.state()).windows[0]?.visible).toBe(true);
  await app.call('closeWindow');
  await expect.poll(async () => (await app.state()).windows[0]?.visible).toBe(false);
  await app.call('toastClick', { id: toast.id });
  await expect.poll(async () => (await app.state()).windows[0]).toMatchObject({ visible: true, focused: true });
  await screenshot(app, test.info().outputPath('ringing-linux.png'));
});
