/**
 * Issue 14, the ringtone in the shell page: Settings → Notifications lists the audio outputs
 * (Chromium's fake devices: "Fake Audio Output 1/2"), saves the choice, plays a test ring on the
 * chosen outputs; a ring from main's real pipeline plays on the ring device and the second device
 * (HTMLMediaElement.setSinkId with their ids) until the ring ends, and not at all during DND.
 */
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_LAUNCH } from '../harness/chromium';
import { replayed } from '../../support/vendor-traffic';
import { RC, workday } from './data';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH,
    // Fake audio devices, granted as Electron's shell session grants our page (shell-permissions.ts),
    // and Electron's default autoplay policy (docs/api/structures/web-preferences.md autoplayPolicy).
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  },
});

/** Every setSinkId the page made, recorded on the way through to Chromium's own. */
interface MediaProto {
  setSinkId(this: unknown, id: string): Promise<void>;
}
interface PageGlobals {
  HTMLMediaElement: { prototype: MediaProto };
  document: { querySelectorAll(s: string): Iterable<{ paused: boolean; sinkId: string; volume: number }> };
  navigator: { mediaDevices: { enumerateDevices(): Promise<Array<{ kind: string; label: string; deviceId: string }>> } };
}

function recordSinks(): void {
  const proto = (globalThis as unknown as PageGlobals).HTMLMediaElement.prototype;
  const real = proto.setSinkId;
  const seen: string[] = [];
  (globalThis as unknown as { __sinks: string[] }).__sinks = seen;
  proto.setSinkId = function (id: string) {
    seen.push(id);
    return real.call(this, id);
  };
}

const sinkCalls = (page: Page) => page.evaluate(() => (globalThis as unknown as { __sinks: string[] }).__sinks);
/** The ringtone elements playing now: the output each plays on (Chromium's sinkId) and the volume. */
const playing = (page: Page) =>
  page.evaluate(() => [...(globalThis as unknown as PageGlobals).document.querySelectorAll('audio')].filter((a) => !a.paused).map((a) => ({ sinkId: a.sinkId, volume: a.volume })));
const outputIds = (page: Page) =>
  page.evaluate(async () => Object.fromEntries((await (globalThis as unknown as PageGlobals).navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput').map((d) => [d.label, d.deviceId])));

test('Settings → Notifications: choose the ring device and a second device, set the volume, test the ring on both; axe-clean', async ({ openShell, page }) => {
  await page.addInitScript(recordSinks);
  const ui = await openShell(workday());
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Notifications' });
  const ringOn = section.getByRole('combobox', { name: 'Ring on', exact: true });
  await expect(ringOn.locator('option')).toHaveText(['System default', 'Fake Audio Output 1', 'Fake Audio Output 2']);
  await ringOn.selectOption({ label: 'Fake Audio Output 1' });
  await section.getByRole('combobox', { name: 'Also ring on' }).selectOption({ label: 'Fake Audio Output 2' });
  await section.getByRole('spinbutton', { name: 'Ringtone volume (0–100)' }).fill('40');
  await section.getByRole('checkbox', { name: 'Ring until answered' }).check();
  const ids = await outputIds(page);

  await section.getByRole('button', { name: 'Test ringtone' }).click();
  await expect(section.getByRole('button', { name: 'Ringing…' })).toBeDisabled();
  await expect.poll(() => playing(page)).toEqual([
    { sinkId: ids['Fake Audio Output 1'], volume: 0.4 },
    { sinkId: ids['Fake Audio Output 2'], volume: 0.4 },
  ]);
  await section.scrollIntoViewIfNeeded();
  await ui.screenshot('settings-ringtone');
  expect(await ui.seriousViolations()).toEqual([]);
  await expect.poll(() => playing(page), { timeout: 8_000 }).toEqual([]);
  await expect(section.getByRole('button', { name: 'Test ringtone' })).toBeEnabled();

  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(async () => (await ui.argsOf('saveSettings')).at(-1)?.[0]).toMatchObject({
    ringtone: { device: ids['Fake Audio Output 1'], secondDevice: ids['Fake Audio Output 2'], volume: 40, untilAnswered: true },
  });
});

test('a ring plays on the ring device and the second device until the call is answered; under DND it never plays', async ({ openShell, page }) => {
  await page.addInitScript(recordSinks);
  // The output ids are the page's own (salted per origin): read them first, then store them as chosen.
  const probe = await openShell(workday());
  const ids = await outputIds(probe.page);
  const stored = { ...(await import('./data')).WORKDAY_SETTINGS, ringtone: { device: ids['Fake Audio Output 2'], secondDevice: ids['Fake Audio Output 1'], volume: 70 } };
  const main = workday(stored);
  const ui = await openShell(main);
  await expect.poll(() => playing(page)).toEqual([]);

  await ui.main.capture('sales', replayed(RC, 5)); // rc-call-ring-notify: Jane Doe
  await ui.update();
  await expect.poll(() => playing(page)).toEqual([
    { sinkId: ids['Fake Audio Output 2'], volume: 0.7 },
    { sinkId: ids['Fake Audio Output 1'], volume: 0.7 },
  ]);
  expect(await sinkCalls(page)).toEqual([ids['Fake Audio Output 2'], ids['Fake Audio Output 1']]);

  ui.main.capture('sales', replayed(RC, 9)); // rc-call-start-notify: answered (in the widget or anywhere)
  await ui.update();
  await expect.poll(() => playing(page)).toEqual([]);

  ui.main.setDnd('on');
  ui.main.capture('sales', replayed(RC, 14)); // rc-call-ring-notify from +14155550123, during DND
  await ui.update();
  expect((await ui.snapshot()).ringtone.ringing).toBe(0);
  await page.waitForTimeout(300);
  expect(await playing(page)).toEqual([]);
});
