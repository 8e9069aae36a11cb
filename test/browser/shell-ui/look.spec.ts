/**
 * How the window looks at the sizes and in the themes agents use (issue 14 item 6): dark when
 * the OS prefers it (in the app, nativeTheme drives prefers-color-scheme; here Chromium emulates
 * it), the icons-only rail below 1000 CSS px and at 200 % zoom (a 900×600 window at 200 % is a
 * 450×300 CSS px viewport at two device pixels per CSS px), and a feed across a 1920 px screen.
 */
import type { Locator, Page } from '@playwright/test';
import { morning, ringingDay } from './data';
import { expect, test } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

async function boxes(locator: Locator): Promise<Array<Box & { name: string }>> {
  const out: Array<Box & { name: string }> = [];
  for (const el of await locator.all()) {
    if (!(await el.isVisible())) continue;
    const box = (await el.boundingBox())!;
    out.push({ ...box, name: ((await el.getAttribute('aria-label')) ?? (await el.innerText())).trim() });
  }
  return out;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Pairs of visible buttons in `scope` that print over each other. */
async function overlappingButtons(page: Page, scope: string): Promise<string[]> {
  const found = await boxes(page.locator(`${scope} button`));
  const pairs: string[] = [];
  for (let i = 0; i < found.length; i++) for (let j = i + 1; j < found.length; j++) if (overlap(found[i]!, found[j]!)) pairs.push(`${found[i]!.name} × ${found[j]!.name}`);
  return pairs;
}

/** Text whose content is wider than its box (a word cut or spilling out), as "text (scroll > client)". */
function spilledText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ scrollWidth: number; clientWidth: number; textContent: string | null; getClientRects(): { length: number } }> } }).document;
    return [...doc.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1).map((el) => `${el.textContent} (${el.scrollWidth} > ${el.clientWidth})`);
  }, selector);
}

/** Every profile button is inside the window, whole. */
async function expectProfilesVisible(page: Page, names: RegExp[], viewport: { width: number; height: number }): Promise<void> {
  const rail = page.getByRole('navigation', { name: 'Profiles' });
  for (const name of names) {
    const button = rail.getByRole('button', { name });
    await expect(button).toBeVisible();
    const b = (await button.boundingBox())!;
    expect(b.y + b.height, `${name} ends inside the window`).toBeLessThanOrEqual(viewport.height);
    expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
  }
}

const PROFILES = [/^Sales US/, /^Chat desk/, /^Support EU/];

test('dark theme: the OS preference turns every screen dark through the shared colour roles', async ({ openShell, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const ui = await openShell(ringingDay());
  // Run in the page (this file is compiled without the DOM library, hence the cast).
  type ComputedStyleOf = (el: unknown) => Record<'backgroundColor' | 'color', string>;
  const style = (sel: string, prop: 'backgroundColor' | 'color') => page.locator(sel).first().evaluate((el, p) => (globalThis as unknown as { getComputedStyle: ComputedStyleOf }).getComputedStyle(el)[p], prop);
  const bg = (sel: string) => style(sel, 'backgroundColor');
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  };
  expect(luminance(await bg('.rail')), 'rail').toBeLessThan(0.2);
  expect(luminance(await bg('html')), 'window').toBeLessThan(0.2);
  expect(luminance(await style('.rail', 'color')), 'rail text').toBeGreaterThan(0.8);
  await ui.screenshot('dark');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  expect(luminance(await bg('.settings-section')), 'settings sections').toBeLessThan(0.2);
  expect(luminance(await bg('.save-bar')), 'save bar').toBeLessThan(0.2);
  await ui.screenshot('dark-settings');

  // Light again when the OS says so, without a reload.
  await page.emulateMedia({ colorScheme: 'light' });
  expect(luminance(await bg('.settings-section'))).toBeGreaterThan(0.9);
});

test('compact rail at 900×600: icons only, each profile named (tooltip and accessible name), all three visible; settings buttons never overlap', async ({ openShell, page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const ui = await openShell(ringingDay());
  const rail = page.locator('.rail');
  expect((await rail.boundingBox())!.width).toBeLessThanOrEqual(72);
  await expectProfilesVisible(page, PROFILES, { width: 900, height: 600 });
  const sales = page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^Sales US/ });
  await expect(sales).toHaveAttribute('title', /^Sales US, RingCentral Embeddable, Ringing/);
  await expect(sales.locator('.profile-name')).toBeHidden();
  expect(await overlappingButtons(page, '.top')).toEqual([]);
  expect(await overlappingButtons(page, '.rail')).toEqual([]);
  await ui.screenshot('compact-900x600');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Edit Sales US' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  expect(await overlappingButtons(page, '.content')).toEqual([]);
  expect(await spilledText(page, '.content button, .content h3, .content label')).toEqual([]);
  await ui.screenshot('compact-900x600-settings');
});

test.describe('200 % zoom', () => {
  // A 900×600 window at 200 %: 450×300 CSS px, two device pixels each (as browser zoom and OS scaling lay out).
  test.use({ viewport: { width: 450, height: 300 }, deviceScaleFactor: 2 });

  test('of a 900×600 window: the compact rail shows all three profiles, header and settings buttons stay apart, no word is cut', async ({ openShell, page }) => {
    const ui = await openShell(ringingDay());
    await expectProfilesVisible(page, PROFILES, { width: 450, height: 300 });
    expect(await overlappingButtons(page, '.top')).toEqual([]);
    await ui.screenshot('compact-200-percent');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Edit Sales US' }).click();
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
    expect(await overlappingButtons(page, '.content')).toEqual([]);
    expect(await spilledText(page, '.content button, .content h3, .content label')).toEqual([]);
    await ui.screenshot('compact-200-percent-settings');
  });
});

test('at 1920×1080 the feed page uses the full width beside the rail', async ({ openShell, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openShell(morning());
  await page.getByRole('button', { name: 'Expand activity' }).click();
  const list = page.locator('.activity-list');
  await expect(list).toBeVisible();
  const box = (await list.boundingBox())!;
  const railWidth = (await page.locator('.rail').boundingBox())!.width;
  // Only the page's own padding (1.5rem a side) is left beside it.
  expect(box.width).toBeGreaterThan(1920 - railWidth - 60);
});
