// The roots trusted for the session (the Chain tab's "Trust this root") count in the report and on
// the Troubleshoot, Compare and Plan pages too: their checks build chains with the same trusted set as the
// inspector and Commands, so a private root the user vouched for is not "a root nobody said to
// trust" there. The report and Troubleshoot show it directly: the chain finding of each open leaf.
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { chooseFiles } from './driver.js';
import { CHAIN_TITLES } from '../../shared/trust/describe.js';
import { fixture } from './fixtures.js';

const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar').getByRole('button', { name, exact: true });

/** The report preview of every open file, once every section is in. */
async function report(page: Page) {
  await toolbarButton(page, 'Report').click();
  const preview = page.getByTestId('report-preview');
  await expect(preview.locator('section.item')).toHaveCount(3);
  return preview;
}

/** Troubleshoot: ask about an untrusted root; the chain rule's cause, with what the open files show. */
async function troubleshoot(page: Page) {
  await toolbarButton(page, 'Troubleshoot').click();
  const view = page.getByRole('region', { name: 'Troubleshoot' });
  await view.getByLabel('Symptom').fill('certificate chain root not trusted');
  await view.getByRole('button', { name: 'Find the cause' }).click();
  const cause = view.locator('[data-rule="general.chain-trust"]');
  await expect(cause).toBeVisible();
  return cause;
}

test('the report and Troubleshoot build chains with the roots trusted for the session', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Exchange UM' });
  await chooseFiles(page, [fixture('ex1.cer'), fixture('wildcard.pem'), fixture('contoso-root.pem')]);
  await expect(page.getByTestId('document-item')).toHaveCount(3);
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');

  let preview = await report(page);
  await expect(preview).toContainText(CHAIN_TITLES['untrusted-root']);
  let cause = await troubleshoot(page);
  // Both leaves (ex1.cer, wildcard.pem) end in the private root nobody trusts yet.
  await expect(cause.locator('.cause-seen').filter({ hasText: CHAIN_TITLES['untrusted-root'] })).toHaveCount(2);

  // Trust the root in the Chain tab of ex1.cer (the toolbar button toggles back to the workbench).
  await toolbarButton(page, 'Report').click();
  await page.getByTestId('document-item').filter({ hasText: 'ex1.cer' }).click();
  await page.getByRole('tab', { name: 'Chain' }).click();
  await page.getByRole('checkbox', { name: 'Trust this root for checks in this session' }).check();
  await expect(page.locator('[data-chain-status]')).toHaveAttribute('data-chain-status', 'trusted');

  preview = await report(page);
  await expect(preview).toContainText('ex1.contoso.com');
  await expect(preview).not.toContainText(CHAIN_TITLES['untrusted-root']);
  cause = await troubleshoot(page);
  await expect(cause).toBeVisible();
  await expect(cause.locator('.cause-seen').filter({ hasText: CHAIN_TITLES['untrusted-root'] })).toHaveCount(0);
});
