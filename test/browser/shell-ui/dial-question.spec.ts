/**
 * The "Call … with …?" question a link dial raises (src/shared/links/dial-confirmation.ts, shown
 * by ShellState exactly as main snapshots it): a modal dialog named by the question, focus on
 * Cancel, Tab kept inside, Escape = Cancel, no serious axe violation; only the Call button
 * answers "call".
 */
import { DialConfirmations } from '../../../src/shared/links/dial-confirmation';
import { workday } from './data';
import { expect, test } from './fixtures';

function asking() {
  const main = workday();
  const question = new DialConfirmations().ask(
    { number: '+19005550199', profile: 'sales', profileName: 'Sales US', source: { kind: 'view', profile: 'support', via: 'window-open', origin: 'https://widget.thirdparty.test' } },
    Date.now(),
  );
  if (!('ask' in question)) throw new Error('the first question is never refused');
  main.state.setDialQuestion(question.ask);
  return main;
}

test('the question names number, profile and who asked; focus starts on Cancel and stays in the dialog; Escape answers cancel', async ({ openShell, page }) => {
  const ui = await openShell(asking());
  const dialog = page.getByRole('dialog', { name: 'Call +19005550199 with Sales US?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Asked by a page in Support EU (https://widget.thirdparty.test)');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Call' })).toBeFocused();
  // The rest of the shell is inert while the modal dialog is open: Tab never lands outside it.
  await page.keyboard.press('Tab');
  // A string: this spec compiles without DOM types; the page evaluates it.
  const outside = await page.evaluate(`(() => {
    const el = document.activeElement;
    return el !== null && el !== document.body && !document.querySelector('dialog').contains(el) ? el.outerHTML.slice(0, 80) : null;
  })()`);
  expect(outside).toBeNull();
  const found = await ui.seriousViolations();
  expect(found, 'axe: serious or critical violations with the question open').toEqual([]);
  await page.keyboard.press('Escape');
  await ui.waitForCalls('answerDial');
  expect(await ui.argsOf('answerDial')).toEqual([['dial-1', 'cancel']]);
});

test('Call answers "call" once; the question leaves when main withdraws it, without a second answer', async ({ openShell, page }) => {
  const main = asking();
  const ui = await openShell(main);
  const dialog = page.getByRole('dialog', { name: 'Call +19005550199 with Sales US?' });
  await dialog.getByRole('button', { name: 'Call' }).click();
  await ui.waitForCalls('answerDial');
  main.state.setDialQuestion(null);
  await ui.update();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await ui.argsOf('answerDial')).toEqual([['dial-1', 'call']]);
});
