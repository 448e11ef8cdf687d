// The user journeys, written once and run against the web edition and the Electron app.
// Each ends with a screenshot under test-output/screenshots/ (see the README of the tests).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Driver } from './driver.js';
import { fixture, opensslThumbprint, PFX_PASSWORD, rootPem, WRONG_PASSWORD } from './fixtures.js';

/** The first screen: drop zone, open button, paste area, the privacy footer. */
export async function emptyState(d: Driver): Promise<void> {
  const { page } = d;
  await expect(page.getByRole('heading', { name: /Drop certificates, PFX files or requests here/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open files…' })).toBeVisible();
  await expect(page.getByLabel('Paste PEM or Base64')).toBeVisible();
  await expect(page.getByText('Nothing leaves this machine')).toBeVisible();
  await d.shot('01-empty-state');
}

/** Open a DER .cer: the inspector shows CN, SAN, thumbprint equal to OpenSSL's; copy it. */
export async function openCer(d: Driver): Promise<void> {
  const { page } = d;
  const expected = opensslThumbprint(fixture('ex1.pem'));
  await d.openFiles([fixture('ex1.cer')]);
  await expect(page.getByTestId('document-item').filter({ hasText: 'ex1.cer' })).toBeVisible();
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await expect(page.getByTestId('san-list')).toContainText('ex1.contoso.com');
  await expect(page.getByTestId('thumbprint')).toHaveText(expected);
  await expect(page.getByTestId('thumbprint')).toHaveAttribute('title', expected.replace(/(..)(?!$)/g, '$1 '));
  await expect(page.getByTestId('days-left')).toHaveText(/expires in 36[45] days/);
  await page.getByRole('button', { name: 'Copy thumbprint' }).click();
  await expect(page.getByRole('button', { name: 'Copy thumbprint' })).toContainText('Copied');
  expect(await d.readClipboard()).toBe(expected);
  await d.shot('02-open-cer');
  if (d.edition === 'web') {
    // Dark follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await d.shot('02-open-cer-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  }
  // The other tabs show the decoded extensions and the PEM.
  await page.getByRole('tab', { name: 'Extensions' }).click();
  await expect(page.getByRole('cell', { name: /CRL Distribution Points/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Chain' }).click();
  // The chain the rules judge: the leaf alone, its issuer not open.
  await expect(page.locator('[data-chain-status="incomplete"]')).toContainText('Chain is incomplete');
  await page.getByRole('tab', { name: 'Raw' }).click();
  await expect(page.locator('pre.pem')).toContainText('-----BEGIN CERTIFICATE-----');
  await d.shot('03-raw-tab');
}

/** Open a PFX, give a wrong password (dialog stays, says so), then the right one. */
export async function openPfxWithPassword(d: Driver): Promise<void> {
  const { page } = d;
  await d.openFiles([fixture('um-wildcard.pfx')]);
  const dialog = page.getByRole('dialog', { name: 'Password for um-wildcard.pfx' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password').fill(WRONG_PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/That password does not open um-wildcard\.pfx/);
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await d.shot('04-pfx-wrong-password');
  await dialog.getByLabel('Password').fill(PFX_PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('common-name')).toHaveText('*.contoso.com');
  await expect(page.getByText('Private key ✓')).toBeVisible();
  await expect(page.getByText(/PFX: AES-256.*Server 2019\+ only/)).toBeVisible();
  await expect(page.getByTestId('thumbprint')).toHaveText(opensslThumbprint(fixture('wildcard.pem')));
  await d.shot('05-pfx-opened');
}

async function chooseRole(d: Driver, label: string): Promise<void> {
  await d.page.getByRole('combobox', { name: 'Role' }).selectOption({ label });
}

async function unlock(d: Driver, fileName: string): Promise<void> {
  const dialog = d.page.getByRole('dialog', { name: `Password for ${fileName}` });
  await dialog.getByLabel('Password').fill(PFX_PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Seed 001: a wildcard certificate on Exchange UM fails. Then the right certificate (CN = the
 * UM server) warns while the environment does not know the server; describing the
 * environment (server + internal root) makes it pass.
 */
export async function evaluateUm(d: Driver): Promise<void> {
  const { page } = d;
  await chooseRole(d, 'Exchange UM');
  await d.openFiles([fixture('um-wildcard.pfx')]);
  await unlock(d, 'um-wildcard.pfx');
  const findings = page.getByRole('complementary', { name: 'Findings' });
  await expect(findings.locator('.verdict-line [data-verdict]')).toHaveAttribute('data-verdict', 'fail');
  const cnFinding = findings.locator('[data-rule="exchange-um.cn-is-server-fqdn"]');
  await expect(cnFinding).toHaveAttribute('data-status', 'error');
  await expect(cnFinding).toContainText('*.contoso.com');
  await expect(cnFinding).toContainText('What breaks');
  await expect(page.getByTestId('document-item').filter({ hasText: 'um-wildcard.pfx' })).toContainText('FAIL');
  // Selecting the finding highlights the CN in the inspector.
  await cnFinding.click();
  await expect(page.locator('.cn-block.highlighted')).toBeVisible();
  await d.shot('06-um-wildcard-fails');

  await d.openFiles([fixture('ex1-um.pfx')]);
  await unlock(d, 'ex1-um.pfx');
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await expect(findings.locator('.verdict-line [data-verdict]')).toHaveAttribute('data-verdict', 'warn');
  await expect(findings.locator('[data-rule="exchange-um.cn-is-server-fqdn"]')).toHaveAttribute('data-status', 'warn');
  await d.shot('07-um-before-environment');

  // Describe the deployment: the UM server and the internal root.
  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  await page.getByRole('button', { name: 'Add Exchange server' }).click();
  await page.getByLabel('Exchange server 1 FQDN').fill('ex1.contoso.com');
  await page.getByLabel('Exchange server 1 version').selectOption('2016');
  await page.getByLabel('Exchange server 1 roles').fill('Mailbox, UM, UMCallRouter');
  await page.getByLabel('Trusted roots as PEM').fill(rootPem());
  await page.getByLabel('SIP domains').click(); // blur the roots field: it commits on blur
  await d.shot('08-environment-form');
  await page.getByRole('button', { name: 'Environment', exact: true }).click();

  await expect(findings.locator('.verdict-line [data-verdict]')).toHaveAttribute('data-verdict', 'pass');
  await expect(findings.locator('[data-rule="exchange-um.cn-is-server-fqdn"]')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('document-item').filter({ hasText: 'ex1-um.pfx' })).toContainText('PASS');
  await expect(page.getByTestId('document-item').filter({ hasText: 'um-wildcard.pfx' })).toContainText('FAIL');
  await d.shot('09-um-passes-with-environment');
}

/** Paste a thumbprint as the Windows dialog copies it: hidden U+200E, spaces, lower case. */
export async function thumbprintTool(d: Driver): Promise<void> {
  const { page } = d;
  const expected = opensslThumbprint(fixture('ex1.pem'));
  await d.openFiles([fixture('ex1.cer')]);
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await page.getByRole('button', { name: 'Thumbprint', exact: true }).click();
  const pasted = '\u200e' + expected.toLowerCase().replace(/(..)(?!$)/g, '$1 ');
  await page.getByLabel('Pasted thumbprint').fill(pasted);
  await expect(page.getByTestId('clean-thumbprint')).toHaveText(expected);
  await expect(page.getByText(/Removed invisible characters: U\+200E/)).toBeVisible();
  await expect(page.getByTestId('thumbprint-match')).toContainText('ex1.contoso.com in ex1.cer');
  await d.shot('10-thumbprint-tool');
  // The rule catalogue is the app's help page.
  await page.getByRole('button', { name: 'Rules', exact: true }).click();
  await page.getByLabel('Filter rules').fill('wildcard');
  const wildcardRule = page.getByRole('cell', { name: /lync\.cn-not-wildcard/ });
  await expect(wildcardRule).toBeVisible();
  // Each rule lists what it can report and links the documents it cites.
  await wildcardRule.getByText('3 outcomes').click();
  await expect(wildcardRule.getByText('Wildcard CN on the Edge internal interface (sources disagree)')).toBeVisible();
  await expect(wildcardRule.getByText('CN is a wildcard', { exact: true })).toBeVisible();
  await expect(wildcardRule.getByRole('button', { name: 'Open the source on technet.microsoft.com' }).first()).toBeVisible();
  await d.shot('10b-rule-catalogue');
}

/** Request designer: role + server → CN/SAN filled, checked live; generate; files verify with OpenSSL. */
export async function designRequest(d: Driver, saveFile?: (click: () => Promise<void>) => Promise<string>): Promise<void> {
  const { page } = d;
  await page.getByRole('toolbar').getByRole('button', { name: 'New request' }).click();
  await page.getByLabel('Request role').selectOption('exchange-um');
  await page.getByLabel('Server FQDN for the request').fill('ex1.contoso.com');
  await expect(page.getByLabel('Subject CN')).toHaveValue('ex1.contoso.com');
  await expect(page.getByLabel('SAN DNS names')).toHaveValue('ex1.contoso.com');
  const side = page.locator('.designer-side');
  await expect(side.locator('[data-rule="exchange-um.cn-is-server-fqdn"]')).toHaveAttribute('data-status', 'pass');
  // A wildcard CN typed by hand is caught before anyone sends it to a CA.
  await page.getByLabel('Subject CN').fill('*.contoso.com');
  await expect(page.getByRole('alert')).toContainText('is a wildcard');
  await expect(side).toContainText('Fix the draft to see the checks');
  await page.getByLabel('Subject CN').fill('ex1.contoso.com');
  await expect(side.locator('[data-rule="exchange-um.cn-is-server-fqdn"]')).toHaveAttribute('data-status', 'pass');
  await page.getByLabel('Key passphrase', { exact: true }).fill('Request-Key-Passphrase-1');
  await page.getByLabel('Repeat the key passphrase').fill('Request-Key-Passphrase-1');
  await page.getByRole('button', { name: 'Generate CSR, key, INF and script' }).click();
  const outputs = page.getByTestId('request-outputs');
  await expect(outputs).toContainText('exchange-um-ex1.contoso.com.csr', { timeout: 30_000 });
  await expect(outputs).toContainText('-----BEGIN ENCRYPTED PRIVATE KEY-----');
  await expect(outputs).toContainText('MachineKeySet');
  await expect(outputs).toContainText('New-ExchangeCertificate');
  await d.shot('11-request-designer');
  if (!saveFile) return; // the desktop app saves through the native dialog
  const csrCard = outputs.locator('.output-card').filter({ has: page.locator('.output-head strong', { hasText: /\.csr$/ }) });
  const csrPath = await saveFile(() => csrCard.getByRole('button', { name: 'Save', exact: true }).click());
  const keyCard = outputs.locator('.output-card').filter({ has: page.locator('.output-head strong', { hasText: /\.key\.pem$/ }) });
  const keyPath = await saveFile(() => keyCard.getByRole('button', { name: 'Save', exact: true }).click());
  return verifyRequestFiles(csrPath, keyPath);
}

function verifyRequestFiles(csrPath: string, keyPath: string): void {
  const text = execFileSync('openssl', ['req', '-in', csrPath, '-noout', '-verify', '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(text).toContain('CN = ex1.contoso.com');
  expect(text).toContain('DNS:ex1.contoso.com');
  const csrKey = execFileSync('openssl', ['req', '-in', csrPath, '-noout', '-pubkey'], { encoding: 'utf8' });
  const keyPub = execFileSync('openssl', ['pkey', '-in', keyPath, '-passin', 'pass:Request-Key-Passphrase-1', '-pubout'], { encoding: 'utf8' });
  expect(keyPub).toBe(csrKey);
}

/** Commands for the selected certificate: role and version tabs, copy, save as .ps1. */
export async function copyCommands(d: Driver, saveFile?: (click: () => Promise<void>) => Promise<string>): Promise<void> {
  const { page } = d;
  const thumbprint = opensslThumbprint(fixture('ex1.pem'));
  await d.openFiles([fixture('ex1.cer')]);
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await page.getByRole('toolbar').getByRole('button', { name: 'Commands' }).click();
  await page.getByRole('tab', { name: 'Exchange UM' }).click();
  await page.getByRole('tab', { name: 'Exchange 2016' }).click();
  await page.getByLabel('Server FQDN').fill('ex1.contoso.com');
  const script = page.getByTestId('script');
  await expect(script).toContainText('Enable-ExchangeCertificate');
  await expect(script).toContainText(thumbprint);
  await expect(script).toContainText("'ex1.contoso.com'");
  // The restarts' warnings come from the core and are shown beside the script too.
  await expect(page.getByTestId('script-notices')).toContainText('Restarting MSExchangeUM drops the voice mail');
  await page.getByRole('button', { name: 'Copy script' }).click();
  const copied = await d.readClipboard();
  expect(copied).toContain(thumbprint);
  expect(copied).toContain('Enable-ExchangeCertificate');
  // A hostile value is refused, never written into the script.
  await page.getByLabel('Server FQDN').fill("ex1.contoso.com'; Remove-Item C:\\ -Recurse; '");
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(script).toBeHidden();
  await page.getByLabel('Server FQDN').fill('ex1.contoso.com');
  await d.shot('12-commands');
  if (!saveFile) return; // the desktop app saves through the native dialog
  const saved = await saveFile(() => page.getByRole('button', { name: 'Save .ps1' }).click());
  expect(readFileSync(saved, 'utf8')).toContain(thumbprint);
}

/** Report: preview of the open files for the role, title/customer, export HTML with every verdict. */
export async function exportReport(d: Driver, saveFile?: (click: () => Promise<void>) => Promise<string>): Promise<void> {
  const { page } = d;
  await chooseRole(d, 'Exchange UM');
  await d.openFiles([fixture('um-wildcard.pfx')]);
  await unlock(d, 'um-wildcard.pfx');
  await d.openFiles([fixture('ex1.cer')]);
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
  await page.getByLabel('Customer').fill('Contoso Ltd');
  await page.getByLabel('Author').fill('A. Consultant');
  const preview = page.getByTestId('report-preview');
  await expect(preview).toContainText('Contoso Ltd');
  await expect(preview).toContainText('*.contoso.com');
  await expect(preview).toContainText('ex1.contoso.com');
  await expect(preview).toContainText(opensslThumbprint(fixture('wildcard.pem')));
  await d.shot('13-report');
  if (!saveFile) return;
  const saved = await saveFile(() => page.getByRole('button', { name: 'Export HTML' }).click());
  const html = readFileSync(saved, 'utf8');
  expect(html).toContain('<!DOCTYPE html>');
  expect(html).toContain('Contoso Ltd');
  expect(html).toContain(opensslThumbprint(fixture('wildcard.pem')));
  expect(html).toContain(opensslThumbprint(fixture('ex1.pem')));
  expect(html).not.toMatch(/PRIVATE KEY|Contoso-UM-2024/);
  // JSON: the same document `certbench report --format json` writes (results as `check --json`).
  const json = JSON.parse(readFileSync(await saveFile(() => page.getByRole('button', { name: 'Export JSON' }).click()), 'utf8'));
  const verdicts = json.results.map((r: { verdict: string }, i: number) => [json.identities[i].commonName, r.verdict]);
  expect(verdicts).toEqual(expect.arrayContaining([['*.contoso.com', 'fail']]));
  const csv = readFileSync(await saveFile(() => page.getByRole('button', { name: 'Export CSV' }).click()), 'utf8');
  expect(csv).toContain(opensslThumbprint(fixture('wildcard.pem')));
  const md = readFileSync(await saveFile(() => page.getByRole('button', { name: 'Export Markdown' }).click()), 'utf8');
  expect(md).toContain(opensslThumbprint(fixture('ex1.pem')));
}
