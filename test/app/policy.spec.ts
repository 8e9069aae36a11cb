/**
 * A broken IT policy file never unlocks anything (src/main/settings/policy-held.ts), seen as the
 * agent sees it in the assembled app: a run from source names its policy file with --policy
 * (an installed one only where the machine policy allows it: test/unit/deploy/policy-source.test.ts).
 * The file here has one typo; the app starts, says which file, why and that settings are held,
 * and the event log is written with redaction "full" although the agent's own setting is "off".
 */
import { writeFileSync } from 'node:fs';
import { test, expect } from './harness/fixtures';
import { demoPhone, shellPage } from './harness/views';

test('an invalid policy file holds redaction at "full" and forwarding off, and the agent is told why', async ({ launch }, testInfo) => {
  const policy = testInfo.outputPath('policy.json');
  writeFileSync(policy, JSON.stringify({ version: 1, minimumRedation: 'full' }));
  const app = await launch({ args: ['--policy', policy] });
  const shell = await shellPage(app);

  await shell.getByRole('button', { name: '1 problem' }).click();
  await expect(shell.getByRole('alert').filter({ hasText: policy })).toContainText(
    `The IT policy file ${policy} is invalid, so Switchboard holds your settings until IT fixes it: log redaction "full", forwarding off, every setting locked. Tell your IT department: ${policy}: (top level): Unrecognized key: "minimumRedation"`,
  );
  const redaction = shell.getByRole('combobox', { name: 'Redaction' });
  await expect(redaction).toBeDisabled();
  await expect(redaction).toHaveValue('full');
  await expect(shell.getByRole('textbox', { name: 'Forwarding endpoint' })).toBeDisabled();
  await expect(shell.getByText(`Locked by IT: Held by Switchboard: the IT policy file ${policy} is invalid`).first()).toBeVisible();
  await shell.getByRole('button', { name: 'Close settings' }).click();

  // A call's caller and number never reach the event log: it is written at "full".
  const { phone } = await demoPhone(app);
  await phone.getByRole('button', { name: 'Simulate incoming call' }).click();
  await expect.poll(() => app.eventLog().map((l) => l.kind)).toContain('interaction.offered');
  const logged = JSON.stringify(app.eventLog());
  expect(logged).not.toContain('Jane Doe');
  expect(app.diag().map((d) => d.message)).toContain(`log redaction held at "full" (was "off"): the IT policy file ${policy} is invalid`);
});
