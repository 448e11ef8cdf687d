// Issue 16.16 in the web edition: a .crl opens beside the certificates. The inspector shows its
// issuer, this and next update, how many serials it revokes, which open certificate is on it,
// and whether the open CA certificate signed it; without the CA it says the signature was not
// checked; a file that is not a CRL is refused with one sentence naming it. CRLs made with the
// OpenSSL CLI at test time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './guardedTest.js';
import { OUTPUT_DIR } from './fixtures.js';

const DIR = path.join(OUTPUT_DIR, 'e2e-crl');
const f = (n: string) => path.join(DIR, n);
const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: DIR, stdio: ['ignore', 'pipe', 'pipe'] });

test.beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', f('ca.key'), '-passout', 'pass:ca-pass-123', '-out', f('contoso-ca.cer'), '-days', '30', '-subj', '/O=Contoso/CN=Contoso CA']);
  writeFileSync(f('index.txt'), '');
  writeFileSync(f('crlnumber'), '01\n');
  writeFileSync(f('ca.cnf'), ['[ca]', 'default_ca = c', '[c]', `database = ${f('index.txt')}`, `crlnumber = ${f('crlnumber')}`, 'default_md = sha256', 'default_crl_days = 7', `certificate = ${f('contoso-ca.cer')}`, `private_key = ${f('ca.key')}`].join('\n'));
  for (const [name, serial] of [
    ['revoked', '0x0A1B2C'],
    ['good', '0x0A1B2D'],
  ] as const) {
    ssl(['req', '-new', '-newkey', 'rsa:2048', '-keyout', f(`${name}.key`), '-passout', 'pass:leaf-pass-1', '-subj', `/CN=${name}.contoso.com`, '-out', f(`${name}.csr`)]);
    ssl(['x509', '-req', '-in', f(`${name}.csr`), '-CA', f('contoso-ca.cer'), '-CAkey', f('ca.key'), '-passin', 'pass:ca-pass-123', '-set_serial', serial, '-days', '10', '-out', f(`${name}.cer`)]);
  }
  ssl(['ca', '-config', f('ca.cnf'), '-revoke', f('revoked.cer'), '-passin', 'pass:ca-pass-123']);
  ssl(['ca', '-config', f('ca.cnf'), '-gencrl', '-out', f('contoso.crl.pem'), '-passin', 'pass:ca-pass-123']);
  ssl(['crl', '-in', f('contoso.crl.pem'), '-outform', 'DER', '-out', f('contoso.crl')]);
  writeFileSync(f('broken.crl'), 'this is not a revocation list');
});

async function openFiles(page: Page, names: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  const fc = await chooser;
  expect(await fc.element().getAttribute('accept')).toContain('.crl');
  await fc.setFiles(names.map(f));
}

test('a CRL opens: issuer, dates, revoked count, the open certificate on it, the signature against the open CA', async ({ page }) => {
  await page.goto('/');
  await openFiles(page, ['contoso-ca.cer', 'revoked.cer', 'good.cer', 'contoso.crl', 'broken.crl']);
  await expect(page.getByTestId('document-count')).toHaveText('4', { timeout: 60_000 });
  await expect(page.getByTestId('refused-files')).toContainText('broken.crl');
  const row = page.getByTestId('document-item').filter({ hasText: 'contoso.crl' });
  await expect(row).toContainText('Revocation list of Contoso CA');
  await expect(row).toContainText('Revocation list (CRL)');
  await row.click();
  const panel = page.getByTestId('crl-panel');
  await expect(panel).toContainText('CN=Contoso CA, O=Contoso');
  await expect(panel.getByTestId('crl-count')).toHaveText('1 revoked serial');
  await expect(panel.getByTestId('crl-signature')).toHaveAttribute('data-status', 'valid');
  await expect(panel).toContainText('Signed by the CA certificate in contoso-ca.cer');
  await expect(panel.getByTestId('crl-revoked')).toContainText('revoked.contoso.com in revoked.cer');
  await expect(panel.getByTestId('crl-revoked')).not.toContainText('good.contoso.com');
  await expect(panel.getByTestId('crl-next-update')).toContainText(/due in [67] days/);
  await expect(page.getByRole('tab', { name: 'Raw' })).toHaveCount(0);
});

test('without the CA the signature is not checked; the PEM form reads the same', async ({ page }) => {
  await page.goto('/');
  await openFiles(page, ['good.cer', 'contoso.crl.pem']);
  await page.getByTestId('document-item').filter({ hasText: 'contoso.crl.pem' }).click();
  const panel = page.getByTestId('crl-panel');
  await expect(panel.getByTestId('crl-signature')).toHaveAttribute('data-status', 'no-ca');
  await expect(panel).toContainText('open the issuing CA certificate to check it');
  await expect(panel.getByTestId('crl-revoked-none')).toContainText('(1 checked)');
});
