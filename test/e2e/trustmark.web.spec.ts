// Issue 15 "what a check sees": a private root opened beside the leaf can be trusted for this
// session from the Chain tab (the app's equivalent of the CLI's --trust file). The Chain tab and
// the chain finding then both say the chain reaches a trusted root, without editing the
// environment; unticking takes it back.
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { chooseFiles } from './driver.js';
import { fixture } from './fixtures.js';

async function expectChain(page: Page, status: string, findingStatus: string): Promise<void> {
  await expect(page.locator('[data-chain-status]')).toHaveAttribute('data-chain-status', status);
  const finding = page.getByRole('complementary', { name: 'Findings' }).locator('[data-rule="general.chain-trust"]');
  await expect(finding).toHaveAttribute('data-status', findingStatus);
}

test('trusting an open private root for the session turns the chain trusted, and back', async ({ page }) => {
  await page.goto('/');

  await chooseFiles(page, [fixture('ex1.cer'), fixture('contoso-root.pem')]);
  await page.getByTestId('document-item').filter({ hasText: 'ex1.cer' }).click();
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await page.getByRole('tab', { name: 'Chain' }).click();
  await expectChain(page, 'untrusted-root', 'warn');

  // The finding's fix names the control, in the app's words.
  const finding = page.getByRole('complementary', { name: 'Findings' }).locator('[data-rule="general.chain-trust"]');
  await finding.click();
  await expect(finding).toContainText('Trust this root for checks in this session');
  await expect(finding).not.toContainText('--trust');

  const toggle = page.getByRole('checkbox', { name: 'Trust this root for checks in this session' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expectChain(page, 'trusted', 'pass');
  await expect(page.locator('.chain-item').nth(1)).toContainText('from a trusted CA certificate');

  await page.getByRole('checkbox', { name: 'Trust this root for checks in this session' }).uncheck();
  await expectChain(page, 'untrusted-root', 'warn');
});
