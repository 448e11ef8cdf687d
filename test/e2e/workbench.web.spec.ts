// Issue 16 journeys in the web edition: the workbench as an Exchange admin, a PKI team member
// and a consultant use it (Commands tied to the certificate, nothing clipped, words, refused
// files, batch passwords, completing a request into a PFX).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { chooseFiles } from './driver.js';
import { test } from './guardedTest.js';
import { fixture, opensslThumbprint, PFX_PASSWORD } from './fixtures.js';

/** Every journey must run clean: no uncaught error, no console error. */

async function unlock(page: Page, fileName: string, password = PFX_PASSWORD): Promise<void> {
  const dialog = page.getByRole('dialog', { name: new RegExp(`Password for ${fileName.replace('.', '\\.')}`) });
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function addExchangeServer(page: Page, fqdn: string, roles: string): Promise<void> {
  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  await page.getByRole('button', { name: 'Add Exchange server' }).click();
  await page.getByLabel('Exchange server 1 FQDN').fill(fqdn);
  await page.getByLabel('Exchange server 1 version').selectOption('2016');
  await page.getByLabel('Exchange server 1 roles').fill(roles);
  await page.getByLabel('SIP domains').click();
}

const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar').getByRole('button', { name, exact: true });

test.describe('workbench (issue 16)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('1: Commands names the file and blocks a certificate that fails the role', async ({ page }) => {
    const thumbprint = opensslThumbprint(fixture('ex1.pem'));
    await chooseFiles(page, [fixture('ex1-um.pfx')]);
    await unlock(page, 'ex1-um.pfx');
    await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
    await toolbarButton(page, 'Commands').click();
    await page.getByRole('tab', { name: 'Exchange UM' }).click();
    await expect(page.getByTestId('thumbprint-source')).toContainText('ex1-um.pfx');
    await expect(page.getByTestId('thumbprint-source')).toContainText(thumbprint);
    await expect(page.getByTestId('certificate-gate')).toHaveAttribute('data-gate', /pass|warn/);
    await expect(page.getByTestId('script')).toContainText(thumbprint);

    // The UM certificate as the Exchange Auth certificate: checked for that role and blocked —
    // another subject and host names mean it was made for another job (issue 16 item 1).
    await page.getByRole('tab', { name: 'Exchange Auth (OAuth)' }).click();
    const gate = page.getByTestId('certificate-gate');
    await expect(gate).toHaveAttribute('data-gate', 'fail');
    await expect(gate).toContainText('ex1-um.pfx');
    await expect(gate).toContainText("another role's certificate");
    await expect(gate).toContainText('Auth certificate has another subject');
    await expect(page.getByTestId('script')).toHaveCount(0);
    await page.getByLabel('Certificate', { exact: true }).selectOption({ label: 'No certificate: the script creates a new one' });
    await expect(page.getByTestId('script')).toContainText('New-ExchangeCertificate');
    await expect(page.getByTestId('script')).not.toContainText(thumbprint);

    // A certificate that fails the role is refused: the reason, and a way to choose another.
    await chooseFiles(page, [fixture('um-wildcard.pfx')]);
    await unlock(page, 'um-wildcard.pfx');
    // Still on Commands: the file just opened is the certificate now.
    await page.getByRole('tab', { name: 'Exchange UM' }).click();
    await expect(page.getByTestId('thumbprint-source')).toContainText('um-wildcard.pfx');
    await expect(gate).toHaveAttribute('data-gate', 'fail');
    await expect(gate).toContainText('fails');
    await expect(gate).toContainText('Choose another certificate');
    await expect(page.getByTestId('script')).toHaveCount(0);
    await expect(page.getByText(opensslThumbprint(fixture('wildcard.pem')))).toHaveCount(1); // only the source line
    // Names in the picker are bidi-isolated (U+2068 … U+2069), as every untrusted name is.
    await page.getByLabel('Certificate', { exact: true }).selectOption({ label: '\u2068ex1.contoso.com\u2069 — \u2068ex1-um.pfx\u2069' });
    await expect(gate).toHaveAttribute('data-gate', /pass|warn/);
    await expect(page.getByTestId('script')).toContainText(thumbprint);
  });

  test('2: Commands uses the environment server whose roles do not say UM; placeholders look like placeholders', async ({ page }) => {
    await chooseFiles(page, [fixture('ex1.cer')]);
    await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
    await toolbarButton(page, 'Commands').click();
    await page.getByRole('tab', { name: 'Exchange UM' }).click();
    const serverInput = page.getByLabel('Server FQDN');
    await expect(serverInput).toHaveValue('');
    expect(await serverInput.getAttribute('placeholder')).toMatch(/for example/);
    expect(await serverInput.evaluate((el) => getComputedStyle(el, '::placeholder').fontStyle)).toBe('italic');

    await addExchangeServer(page, 'ex1.contoso.com', 'Mailbox');
    await page.getByRole('toolbar').getByRole('button', { name: 'Commands' }).click();
    await page.getByRole('tab', { name: 'Exchange UM' }).click();
    await expect(page.getByLabel('Server from the environment')).toHaveValue('ex1.contoso.com');
    await expect(page.getByTestId('script')).toContainText("$server = 'ex1.contoso.com'");
    await expect(page.getByTestId('script')).not.toContainText('$server = $null');
    await expect(page.getByText(/No server chosen/)).toHaveCount(0);
  });
});

/** CLI options and CertBench's internal source ids: never in the window, never in a customer report. */
const CLI_OR_INTERNAL = /--(server|trust|roll|profile|role|env|thumbprint)\b|\bseed [0-9a-f]{3}|\((?:GEN-L|WIN-|UM-|IM-|EDGE-|PUB-|PFX-)\d/;

test('11: findings, the request designer and the report speak without CLI options or internal ids', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Auto (guess)' });
  await chooseFiles(page, [fixture('um-wildcard.pfx')]);
  await unlock(page, 'um-wildcard.pfx');
  const findings = page.getByRole('complementary', { name: 'Findings' });
  await expect(findings.locator('.verdict-line [data-verdict]')).toBeVisible();
  await findings.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  for (const label of ['Exchange UM', 'Edge external', 'Auto (guess)']) {
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label });
    await expect(findings.locator('.verdict-line [data-verdict]')).toBeVisible();
    await findings.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await findings.innerText()).not.toMatch(CLI_OR_INTERNAL);
  }
  await page.getByRole('toolbar').getByRole('button', { name: 'New request' }).click();
  await page.getByLabel('Request role').selectOption({ label: 'Exchange UM' });
  await page.getByLabel('Server FQDN for the request').fill('ex1.contoso.com');
  await expect(page.getByLabel('Subject CN')).toHaveValue('ex1.contoso.com');
  expect(await page.locator('.designer-form').innerText()).not.toMatch(CLI_OR_INTERNAL);
  await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
  const preview = page.getByTestId('report-preview');
  await expect(preview).toContainText('*.contoso.com');
  const text = await preview.evaluate((el) => el.shadowRoot?.textContent ?? el.textContent ?? '');
  expect(text).toContain('*.contoso.com');
  expect(text).not.toMatch(CLI_OR_INTERNAL);
});

test('9: refused files are one collapsible section listing every file, with dismiss all', async ({ page }) => {
  await page.goto('/');
  const broken = Array.from({ length: 12 }, (_, i) => ({ name: `broken-${i + 1}.cer`, mimeType: 'application/octet-stream', buffer: Buffer.from(`not a certificate ${i}`) }));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles([...broken, { name: 'ex1.cer', mimeType: 'application/octet-stream', buffer: readFileSync(fixture('ex1.cer')) }]);
  await expect(page.getByTestId('document-item').filter({ hasText: 'ex1.cer' })).toBeVisible();
  const refused = page.getByTestId('refused-files');
  await expect(refused.locator('summary')).toContainText('Did not open');
  await expect(refused.locator('summary')).toContainText('12');
  // Collapsed: the open file keeps the list; no wall of alerts.
  await expect(refused.getByRole('listitem').first()).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await refused.locator('summary').click();
  await expect(refused.getByRole('listitem')).toHaveCount(12);
  for (const f of broken) await expect(refused.getByRole('listitem').filter({ hasText: new RegExp(`\\b${f.name.replace('.', '\\.')}\\b`) })).toHaveCount(1);
  await refused.getByRole('button', { name: 'Dismiss all' }).click();
  await expect(refused).toHaveCount(0);
  await expect(page.getByTestId('document-item').filter({ hasText: 'ex1.cer' })).toBeVisible();
});

/** A PFX of ex1 under another password; the key is on disk only encrypted on the way. */
function pfxWithPassword(name: string, password: string): string {
  const target = fixture(name);
  const source = ['-in', fixture('ex1-um.pfx'), '-passin', `pass:${PFX_PASSWORD}`];
  execFileSync('openssl', ['pkcs12', ...source, '-nokeys', '-out', fixture(`${name}.certs.pem`)]);
  execFileSync('openssl', ['pkcs12', ...source, '-nocerts', '-passout', `pass:${password}`, '-out', fixture(`${name}.key.pem`)]);
  execFileSync('openssl', ['pkcs12', '-export', '-in', fixture(`${name}.certs.pem`), '-inkey', fixture(`${name}.key.pem`), '-passin', `pass:${password}`, '-out', target, '-passout', `pass:${password}`, '-name', name]);
  return target;
}

test('7: one password for a batch of PFX files; a skipped file is listed and left out of the report by name', async ({ page }) => {
  await page.goto('/');
  const other = pfxWithPassword('other-password.pfx', 'Another-Secret-1');
  copyFileSync(fixture('ex1-um.pfx'), fixture('ex1-um-copy.pfx'));
  await chooseFiles(page, [fixture('ex1-um.pfx'), fixture('um-wildcard.pfx'), fixture('ex1-um-copy.pfx'), other]);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('password-position')).toHaveText(/1 of 4/);
  await dialog.getByLabel('Password', { exact: true }).fill(PFX_PASSWORD);
  await dialog.getByLabel(/Use this password for the remaining 3 files/).check();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  // Three open with it; the fourth is asked again, saying the password did not open it.
  await expect(page.getByTestId('document-item')).toHaveCount(3);
  await expect(dialog).toHaveAccessibleName(/other-password\.pfx/);
  await expect(dialog.getByTestId('password-position')).toHaveText(/4 of 4/);
  await expect(dialog.getByRole('alert')).toContainText('other-password.pfx');
  await dialog.getByRole('button', { name: 'Skip this file' }).click();
  await expect(dialog).toBeHidden();
  const refused = page.getByTestId('refused-files');
  await expect(refused).toContainText('other-password.pfx: not opened (no password).');
  await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
  await expect(page.getByTestId('report-left-out')).toContainText('other-password.pfx');
  await expect(page.getByTestId('report-preview')).toContainText('not opened (no password)');
});

/**
 * An Edge request completed by a CA: an encrypted PKCS#8 key (as CertBench's request designer
 * writes it), the issued certificate and the issuing CA, all made with OpenSSL; keys on disk are
 * encrypted only.
 */
function issuedEdgeCertificate(): { key: string; cer: string; ca: string; cerPem: string } {
  const f = (n: string) => fixture(`edge-${n}`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', f('ca.key'), '-passout', 'pass:ca-secret-123', '-out', f('ca.pem'), '-days', '3650', '-subj', '/O=Contoso/CN=Contoso Edge Issuing CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes-256-cbc', '-pass', 'pass:Key-Passphrase-1', '-out', f('request.key.pem')]);
  execFileSync('openssl', ['req', '-new', '-key', f('request.key.pem'), '-passin', 'pass:Key-Passphrase-1', '-subj', '/CN=sip.contoso.com', '-out', f('request.csr')]);
  execFileSync('openssl', ['x509', '-req', '-in', f('request.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-passin', 'pass:ca-secret-123', '-set_serial', '0x2001', '-days', '365', '-out', f('issued.pem')]);
  execFileSync('openssl', ['x509', '-in', f('issued.pem'), '-outform', 'DER', '-out', f('issued.cer')]);
  return { key: f('request.key.pem'), cer: f('issued.cer'), ca: f('ca.pem'), cerPem: f('issued.pem') };
}

async function saveDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const target = fixture(`download-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return target;
}

const pfxInfo = (file: string, password: string) =>
  execFileSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${password}`, '-info', '-nokeys', '-noout'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) +
  execFileSync('sh', ['-c', `openssl pkcs12 -in '${file}' -passin 'pass:${password}' -info -nokeys -noout 2>&1`], { encoding: 'utf8' });

test('5: complete a request into a legacy PFX, and re-export an AES PFX as 3DES, in the app', async ({ page }) => {
  const edge = issuedEdgeCertificate();
  await page.goto('/');
  await chooseFiles(page, [edge.cer, edge.ca, edge.key]);
  await page.getByTestId('document-item').filter({ hasText: 'edge-request.key.pem' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: /Complete into a PFX/ }).click();
  const form = page.getByRole('form', { name: 'Make a PFX' });
  await form.getByLabel('Key passphrase').fill('wrong-passphrase');
  await form.getByLabel('New PFX password', { exact: true }).fill('Pfx-Password-42');
  await form.getByLabel('Repeat the PFX password').fill('Pfx-Password-42');
  await form.getByLabel(/Legacy: 3DES/).check();
  await form.getByRole('button', { name: 'Make and save the PFX' }).click();
  await expect(form.getByRole('alert')).toContainText('passphrase');
  await form.getByLabel('Key passphrase').fill('Key-Passphrase-1');
  await form.getByLabel('New PFX password', { exact: true }).fill('Pfx-Password-42');
  await form.getByLabel('Repeat the PFX password').fill('Pfx-Password-42');
  const saved = await saveDownload(page, () => form.getByRole('button', { name: 'Make and save the PFX' }).click());
  await expect(form.getByTestId('pfx-result')).toContainText('edge-issued.cer');
  await expect(form.getByTestId('pfx-result')).toContainText('Contoso Edge Issuing CA');
  expect(saved).toMatch(/sip\.contoso\.com-legacy\.pfx$/);
  const info = pfxInfo(saved, 'Pfx-Password-42');
  expect(info).toMatch(/3-KeyTripleDES|DES-EDE3/i);
  expect(info).not.toMatch(/AES/);
  const certs = execFileSync('openssl', ['pkcs12', '-in', saved, '-passin', 'pass:Pfx-Password-42', '-nokeys'], { encoding: 'utf8' });
  expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  // The key is in it and is the certificate's.
  const keyModulus = execFileSync('sh', ['-c', `openssl pkcs12 -in '${saved}' -passin pass:Pfx-Password-42 -nocerts -nodes | openssl rsa -noout -modulus`], { encoding: 'utf8' });
  const certModulus = execFileSync('openssl', ['x509', '-in', edge.cerPem, '-noout', '-modulus'], { encoding: 'utf8' });
  expect(keyModulus.trim()).toBe(certModulus.trim());

  // An AES PFX: one click to a legacy copy.
  await chooseFiles(page, [fixture('um-wildcard.pfx')]);
  await unlock(page, 'um-wildcard.pfx');
  await expect(page.getByText(/Server 2019\+ only/)).toBeVisible();
  await inspector.getByRole('button', { name: /Re-export as legacy 3DES/ }).click();
  await expect(form.getByLabel(/Legacy: 3DES/)).toBeChecked();
  await form.getByLabel('New PFX password', { exact: true }).fill('Legacy-Password-7');
  await form.getByLabel('Repeat the PFX password').fill('Legacy-Password-7');
  const legacy = await saveDownload(page, () => form.getByRole('button', { name: 'Make and save the PFX' }).click());
  expect(legacy).toMatch(/wildcard\.contoso\.com-legacy\.pfx$/);
  expect(pfxInfo(legacy, 'Legacy-Password-7')).toMatch(/3-KeyTripleDES|DES-EDE3/i);
  // Opened again in the app: the badge no longer says AES.
  await chooseFiles(page, [legacy]);
  await unlock(page, 'download-wildcard.contoso.com-legacy.pfx', 'Legacy-Password-7');
  await expect(page.getByText(/PFX: 3DES/)).toBeVisible();
});

test('12: the Chain tab credits a PFX its own CA certificate; Save as CER names the certificate and writes DER', async ({ page }) => {
  copyFileSync(fixture('contoso-root.pem'), fixture('chain.pem'));
  await page.goto('/');
  await chooseFiles(page, [fixture('chain.pem')]);
  await expect(page.getByTestId('common-name')).toHaveText('Contoso Root CA');
  await chooseFiles(page, [fixture('ex1-um.pfx')]);
  await unlock(page, 'ex1-um.pfx');
  await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  await page.getByRole('tab', { name: 'Chain' }).click();
  const root = page.locator('.chain-item').filter({ hasText: 'Root' }).last();
  await expect(root).toContainText('from ex1-um.pfx');
  await expect(root).not.toContainText('chain.pem');
  // The CA certificate inside the PFX, saved from Raw: its own name, DER.
  await page.getByRole('combobox', { name: 'Certificate' }).selectOption({ label: '2. Contoso Root CA (CA)' });
  await page.getByRole('tab', { name: 'Raw' }).click();
  const saved = await saveDownload(page, () => page.getByRole('button', { name: 'Save as CER' }).click());
  expect(saved).toMatch(/Contoso Root CA\.cer$/);
  expect(readFileSync(saved)[0]).toBe(0x30);
  expect(opensslThumbprint(fixture('contoso-root.pem'))).toBe(
    execFileSync('openssl', ['x509', '-inform', 'DER', '-in', saved, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).split('=')[1]!.replace(/[^0-9A-F]/gi, '').toUpperCase(),
  );
});

test('15: Tab reaches the findings list and the arrow keys move through it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Exchange UM' });
  await chooseFiles(page, [fixture('um-wildcard.pfx')]);
  await unlock(page, 'um-wildcard.pfx');
  const findings = page.getByRole('complementary', { name: 'Findings' });
  await expect(findings.locator('.verdict-line [data-verdict]')).toHaveAttribute('data-verdict', 'fail');
  await expect(findings.locator('.finding[tabindex="0"]')).toHaveCount(1);
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.classList.contains('finding'));
  }
  expect(reached, 'Tab reaches a finding').toBe(true);
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-rule'));
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-rule'));
  expect(second).toBeTruthy();
  expect(second).not.toBe(first);
  await expect(findings.locator(`.finding[data-rule="${second}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rule'))).toBe(first);
});

test('14: the first click on Add Exchange server after renaming the environment is not lost', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  await page.getByLabel('Environment name').fill('Contoso production');
  // One click: it ends the rename (blur) and adds the server.
  await page.getByRole('button', { name: 'Add Exchange server' }).click();
  await expect(page.getByLabel('Exchange server 1 FQDN')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Environment', exact: true })).toHaveValue('Contoso production');
});

test('10: report files — all, none, only failing; the same certificate from a .cer and a .p7b once', async ({ page }) => {
  execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', fixture('ex1.pem'), '-outform', 'DER', '-out', fixture('ex1.p7b')]);
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Exchange UM' });
  await chooseFiles(page, [fixture('um-wildcard.pfx')]);
  await unlock(page, 'um-wildcard.pfx');
  await chooseFiles(page, [fixture('ex1.cer'), fixture('ex1.p7b')]);
  await expect(page.getByTestId('document-item')).toHaveCount(3);
  await expect(page.getByTestId('document-item').filter({ hasText: 'um-wildcard.pfx' })).toContainText('FAIL');
  await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
  await expect(page.getByTestId('report-duplicates')).toContainText('ex1.p7b (the same certificate as ex1.cer)');
  const preview = page.getByTestId('report-preview');
  await expect(preview).toContainText('ex1.contoso.com');
  const items = () => preview.evaluate((el) => el.shadowRoot?.querySelectorAll('section.item').length ?? 0);
  await expect.poll(items).toBe(2);
  // Large sets: "fail" in the filter finds the failing file; sorting by verdict puts it first.
  await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
  await page.getByLabel('Filter documents').fill('fail');
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('document-item')).toContainText('um-wildcard.pfx');
  await page.getByLabel('Filter documents').fill('');
  await page.getByLabel('Sort documents').selectOption({ label: 'Name' });
  await expect(page.getByTestId('document-item').first()).toContainText('ex1.cer');
  await page.getByLabel('Sort documents').selectOption({ label: 'Verdict (fail first)' });
  await expect(page.getByTestId('document-item').first()).toContainText('um-wildcard.pfx');
  await page.getByRole('toolbar').getByRole('button', { name: 'Report' }).click();
  await page.getByRole('group', { name: 'Choose files' }).getByRole('button', { name: 'Only failing' }).click();
  await expect.poll(items).toBe(1);
  await expect(preview).toContainText('*.contoso.com');
  await page.getByRole('group', { name: 'Choose files' }).getByRole('button', { name: 'None' }).click();
  await expect(preview).toHaveCount(0);
  await page.getByRole('group', { name: 'Choose files' }).getByRole('button', { name: 'All' }).click();
  await expect.poll(items).toBe(2);
});

test('6: an Edge request with O, OU, L, ST, C and a CA template; Client Authentication only when asked for', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('toolbar').getByRole('button', { name: 'New request' }).click();
  await page.getByLabel('Request role').selectOption({ label: 'Edge external' });
  await page.getByLabel('Server FQDN for the request').fill('sip.contoso.com');
  await expect(page.getByLabel('Subject CN')).toHaveValue('sip.contoso.com');
  await expect(page.getByLabel('Client Authentication')).not.toBeChecked();
  await expect(page.getByLabel('Exportable key')).toBeChecked();
  await expect(page.getByLabel('Exportable key')).toBeDisabled();
  await page.getByLabel('Organisation (O)').fill('Contoso Ltd');
  await page.getByLabel('Organisational unit (OU)').fill('IT');
  await page.getByLabel('City (L)').fill('Berlin');
  await page.getByLabel('State or province (ST)').fill('Berlin');
  await page.getByLabel('Country (C)').fill('DE');
  await page.getByLabel('Certificate template').fill('LyncWebServer');
  await page.getByLabel('Key passphrase', { exact: true }).fill('Request-Pass-99');
  await page.getByLabel('Repeat the key passphrase').fill('Request-Pass-99');
  await page.getByRole('button', { name: 'Generate CSR, key, INF and script' }).click();
  const outputs = page.getByTestId('request-outputs');
  await expect(outputs).toContainText('CertificateTemplate = "LyncWebServer"');
  await expect(outputs).toContainText('Subject = "CN=sip.contoso.com, OU=IT, O=Contoso Ltd, L=Berlin, ST=Berlin, C=DE"');
  await expect(outputs).toContainText("-Organization 'Contoso Ltd'");
  expect(await outputs.innerText()).not.toMatch(/Request-CsCertificate -New[^\n]*-ClientEKU/);
  await page.getByLabel('Client Authentication').check();
  await page.getByLabel('Key passphrase', { exact: true }).fill('Request-Pass-99');
  await page.getByLabel('Repeat the key passphrase').fill('Request-Pass-99');
  await page.getByRole('button', { name: 'Generate CSR, key, INF and script' }).click();
  await expect.poll(async () => outputs.innerText()).toMatch(/Request-CsCertificate -New[^\n]*-ClientEKU \$true/);
});

/** Elements that stick out of the window, or of the box that holds them (what a user sees as cut off). */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const check = (el: Element, container: Element | null) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      if (r.right > vw + 1 || r.left < -1) problems.push(`${name(el)} leaves the window (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto' && getComputedStyle(el).overflowX !== 'scroll')
        problems.push(`${name(el)} content is wider than the box (${el.scrollWidth} > ${el.clientWidth})`);
      if (container) {
        const c = container.getBoundingClientRect();
        if (r.right > c.right + 1) problems.push(`${name(el)} sticks out of ${name(container)} (${Math.round(r.right)} > ${Math.round(c.right)})`);
      }
    };
    for (const el of document.querySelectorAll('.finding, .finding *')) check(el, el.closest('.findings, [aria-label="Findings"]'));
    for (const el of document.querySelectorAll('[role="toolbar"], [role="toolbar"] *')) check(el, null);
    for (const el of document.querySelectorAll('[data-testid="thumbprint"], [data-testid="common-name"], .tabs-bar, .tabs-bar *')) check(el, el.closest('.inspector'));
    return problems;
  });
}

test.describe('nothing clipped (issue 16 item 4)', () => {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1440, height: 900 },
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`4: Edge external findings at ${size.width}×${size.height} ${scheme}`, async ({ page }) => {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('/');
        await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Edge external' });
        await chooseFiles(page, [fixture('um-wildcard.pfx')]);
        await unlock(page, 'um-wildcard.pfx');
        const findings = page.getByRole('complementary', { name: 'Findings' });
        await expect(findings.locator('.verdict-line [data-verdict]')).toHaveAttribute('data-verdict', 'fail');
        await expect(page.getByRole('combobox', { name: 'Environment', exact: true })).toBeInViewport();
        await expect(page.getByTestId('thumbprint')).toBeInViewport();
        await page.screenshot({ path: `test-output/screenshots/workbench-edge-${size.width}x${size.height}-${scheme}.png` });
        expect(await clipped(page)).toEqual([]);
        // The error cards, scrolled into view one by one, are whole too.
        const errors = findings.locator('.finding-error');
        for (let i = 0; i < Math.min(await errors.count(), 3); i++) {
          await errors.nth(i).scrollIntoViewIfNeeded();
          expect(await clipped(page)).toEqual([]);
        }
      });
    }
  }
});
