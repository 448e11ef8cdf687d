// Issue 15 "what a check sees", as a user meets it: the Chain tab and the chain finding say the
// same thing at every step — the leaf alone, its root opened beside it, the root added to the
// environment's trusted roots — because both come from the one chain builder (shared/trust).
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { chooseFiles } from './driver.js';
import { fixture, rootPem } from './fixtures.js';

/** The Chain tab's headline and the chain finding's title and status, for the selected certificate. */
async function expectAgree(page: Page, status: string, title: string, findingStatus: string): Promise<void> {
  await page.getByRole('tab', { name: 'Chain' }).click();
  const headline = page.locator('[data-chain-status]');
  await expect(headline).toHaveAttribute('data-chain-status', status);
  await expect(headline).toContainText(title);
  const finding = page.getByRole('complementary', { name: 'Findings' }).locator('[data-rule="general.chain-trust"]');
  await expect(finding).toHaveAttribute('data-status', findingStatus);
  if (findingStatus !== 'pass') await expect(finding).toContainText(title);
}

test('the Chain tab and the chain finding agree as the chain grows', async ({ page }) => {
  await page.goto('/');

  await chooseFiles(page, [fixture('ex1.cer')]);
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await expectAgree(page, 'incomplete', 'Chain is incomplete', 'warn');
  // The app's own words for the fix: no CLI option.
  const finding = page.getByRole('complementary', { name: 'Findings' }).locator('[data-rule="general.chain-trust"]');
  await finding.click();
  await expect(finding).toContainText('open the issuing CA certificate alongside it');
  await expect(finding).not.toContainText('--trust');

  await chooseFiles(page, [fixture('contoso-root.pem')]);
  await page.getByTestId('document-item').filter({ hasText: 'ex1.cer' }).click();
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await expectAgree(page, 'untrusted-root', 'Chain ends in a root nobody said to trust', 'warn');
  await expect(page.locator('.chain-item')).toHaveCount(2);
  await expect(page.locator('.chain-item').nth(1)).toContainText('from contoso-root.pem (another open file)');

  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  await page.getByLabel('Trusted roots as PEM').fill(rootPem());
  await page.getByLabel('SIP domains').click(); // the roots field commits on blur
  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  await expectAgree(page, 'trusted', 'Chain reaches a trusted root', 'pass');
});
