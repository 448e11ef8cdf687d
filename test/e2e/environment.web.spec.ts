// The Environment editor checks each field with the core validator the CLI uses for --env
// (issue 15): "ex1 contoso" gets the validator's sentence under the field and is never
// exported; once corrected the export is the JSON `certbench --env` reads back. Importing a
// file with a misspelt key, a version that does not exist or a command as a host name is
// refused with the CLI's own sentence; a UTF-8 BOM and "15.1" / "2015" are accepted and stored
// in canonical form.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { guardedTest } from './guardedTest.js';
import { parseEnvironment } from '../../shared/environment/validate.js';
import { DOWNLOAD_DIR } from './fixtures.js';

const test = guardedTest({ noOutsideRequests: true });

const file = (name: string, text: string) => {
  const target = path.join(DOWNLOAD_DIR, name);
  writeFileSync(target, text);
  return target;
};

test('the editor shows the validator\'s sentence under a bad host name and never exports it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  const view = page.getByRole('region', { name: 'Environment' });
  await view.getByRole('button', { name: 'Add Exchange server' }).click();
  const fqdn = view.getByLabel('Exchange server 1 FQDN');
  await fqdn.fill('ex1 contoso');
  const problem = view.getByTestId('field-problem');
  await expect(problem).toHaveText('Must be a host name such as ex1.contoso.com (got "ex1 contoso").');
  await expect(fqdn).toHaveAttribute('aria-invalid', 'true');
  // The message belongs to the field (screen readers read it with the field).
  await expect(fqdn).toHaveAttribute('aria-describedby', (await problem.getAttribute('id'))!);

  // Export refuses while a field is marked; nothing is downloaded.
  let downloads = 0;
  page.on('download', () => downloads++);
  await view.getByRole('button', { name: 'Export JSON' }).click();
  await expect(page.getByRole('alert')).toContainText('Not exported: 1 field is marked with a problem');
  expect(downloads).toBe(0);

  // Corrected, the message goes and the export is what the CLI reads back.
  await fqdn.fill('ex1.contoso.com');
  await expect(problem).toHaveCount(0);
  await view.getByLabel('Exchange server 1 version').selectOption('2016');
  await view.getByLabel('SIP domains').fill('contoso.com');
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export JSON' }).click();
  const saved = path.join(DOWNLOAD_DIR, 'web-environment-export.json');
  await (await download).saveAs(saved);
  const text = readFileSync(saved, 'utf8');
  expect(parseEnvironment(text, 'export.json')).toEqual({ name: 'My environment', exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }], sipDomains: ['contoso.com'] });
  expect(text).not.toContain('ex1 contoso');
});

test('Import JSON refuses what the CLI refuses, in the same sentence, and reads what it reads', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Environment', exact: true }).click();
  const view = page.getByRole('region', { name: 'Environment' });
  const input = page.getByTestId('env-import-input');

  const refused: [string, string][] = [
    ['misspelt.json', '{"exchangeServer": [{"fqdn": "ex1.contoso.com"}]}'],
    ['version.json', '{"exchangeServers": [{"fqdn": "ex1.contoso.com", "version": "2020"}]}'],
    ['command.json', '{"exchangeServers": [{"fqdn": "ex1 ; Remove-Item C:\\\\ -Recurse"}]}'],
  ];
  for (const [name, text] of refused) {
    const cliSentence = (() => {
      try {
        parseEnvironment(text, name);
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    await input.setInputFiles(file(name, text));
    await expect(page.getByRole('alert')).toHaveText(cliSentence);
  }
  await expect(view.getByLabel('Exchange server 1 FQDN')).toHaveCount(0);

  await input.setInputFiles(file('bom.json', '\uFEFF{"name": "Contoso", "exchangeServers": [{"fqdn": "ex2.contoso.com", "version": "15.1"}], "sfbPools": [{"fqdn": "pool.contoso.com", "version": "2015"}]}'));
  await expect(page.getByRole('status')).toContainText('Imported bom.json');
  await expect(view.getByLabel('Exchange server 1 FQDN')).toHaveValue('ex2.contoso.com');
  await expect(view.getByLabel('Exchange server 1 version')).toHaveValue('2016');
  await expect(view.getByLabel('Pool 1 version')).toHaveValue('SfB2015');
  await expect(view.getByTestId('field-problem')).toHaveCount(0);
});
