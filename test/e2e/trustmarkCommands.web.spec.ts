// One trusted set for the whole window: a private root the user trusted for this session in the
// Chain tab (the workbench state's trustedDocIds) is trusted by the Commands page's gate too —
// the same certificate must not be "trusted" in the inspector and "a root nobody said to trust"
// in Commands. Unticking takes it back on both.
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { chooseFiles } from './driver.js';
import { CHAIN_TITLES } from '../../shared/trust/describe.js';
import { fixture } from './fixtures.js';

const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar').getByRole('button', { name, exact: true });
const trustToggle = (page: Page) => page.getByRole('checkbox', { name: 'Trust this root for checks in this session' });

/** Commands for ex1.cer as the Exchange UM certificate: the gate once its check is done. */
async function commandsGate(page: Page) {
  await toolbarButton(page, 'Commands').click();
  await page.getByRole('tab', { name: 'Exchange UM' }).click();
  await expect(page.getByTestId('thumbprint-source')).toContainText('ex1.cer');
  const gate = page.getByTestId('certificate-gate');
  await expect(gate).toHaveAttribute('data-gate', /pass|warn|fail/);
  return gate;
}

/** Back to the workbench (the toolbar button toggles its place), on ex1.cer's Chain tab. */
async function chainTab(page: Page): Promise<void> {
  await toolbarButton(page, 'Commands').click();
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await page.getByRole('tab', { name: 'Chain' }).click();
}

test('a root trusted in the Chain tab is trusted by the Commands gate, and back', async ({ page }) => {
  await page.goto('/');

  await chooseFiles(page, [fixture('ex1.cer'), fixture('contoso-root.pem')]);
  await page.getByTestId('document-item').filter({ hasText: 'ex1.cer' }).click();
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');

  // Nobody trusts the private root yet: Commands says so, as the Chain tab does.
  let gate = await commandsGate(page);
  await expect(gate).toContainText(CHAIN_TITLES['untrusted-root']);

  await chainTab(page);
  await expect(page.locator('[data-chain-status]')).toHaveAttribute('data-chain-status', 'untrusted-root');
  await trustToggle(page).check();
  await expect(page.locator('[data-chain-status]')).toHaveAttribute('data-chain-status', 'trusted');

  // Trusted in the inspector: no untrusted-root warning in Commands, and the script is written.
  gate = await commandsGate(page);
  await expect(gate).not.toContainText(CHAIN_TITLES['untrusted-root']);
  await expect(gate).not.toContainText(CHAIN_TITLES.incomplete);
  await expect(gate).not.toHaveAttribute('data-gate', 'fail');
  await expect(page.getByTestId('script')).toBeVisible();

  // Unticked: Commands warns again.
  await chainTab(page);
  await trustToggle(page).uncheck();
  await expect(page.locator('[data-chain-status]')).toHaveAttribute('data-chain-status', 'untrusted-root');
  gate = await commandsGate(page);
  await expect(gate).toContainText(CHAIN_TITLES['untrusted-root']);
});
