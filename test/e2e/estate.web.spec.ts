// The Estate view in the web edition (issues 12 and 13): open a snapshot made with OpenSSL
// certificates and see the servers × certificates matrix, open a finding, export the estate
// report as HTML; paste what Get-ExchangeCertificate printed on two servers and Get-AuthConfig,
// and see the estate with the AuthConfig finding. Nothing leaves the browser: the page may
// not make any request beyond the web server's own files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { guardedTest } from './guardedTest.js';
import type { Snapshot, SnapshotExchangeCertificate } from '../../shared/estate/snapshot.js';
import { derBase64, thumbprintOf, writeEstateSnapshot, type WrittenEstateSnapshot } from '../estate/estateFixture.js';
import { createCa, issue } from '../support/openssl.js';
import { webDriver } from './driver.js';
import { DOWNLOAD_DIR, OUTPUT_DIR, SCREENSHOT_DIR } from './fixtures.js';

const test = guardedTest({ noOutsideRequests: true });

const ESTATE_DIR = path.join(OUTPUT_DIR, 'e2e-estate');
let written: WrittenEstateSnapshot;
/** ex1.contoso.com as a DER .cer (its own, so these journeys do not depend on the shared fixtures). */
let ex1Cer: string;
let ex1Thumbprint: string;

test.beforeAll(() => {
  rmSync(ESTATE_DIR, { recursive: true, force: true });
  mkdirSync(ESTATE_DIR, { recursive: true });
  mkdirSync(DOWNLOAD_DIR, { recursive: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  written = writeEstateSnapshot(ESTATE_DIR, { faults: ['auth-missing'], fileName: 'contoso-snapshot.json' });
  const ex1 = issue(written.certificates.root, { subject: '/O=Contoso/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], startDate: '2026-06-01T00:00:00Z', endDate: '2027-06-01T00:00:00Z' });
  ex1Cer = path.join(ESTATE_DIR, 'ex1.cer');
  copyFileSync(ex1.certDer, ex1Cer);
  ex1Thumbprint = thumbprintOf(ex1);
});

/** The web edition, ready for keys (Ctrl+O pressed before the app listens would be lost). */
async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('toolbar', { name: 'Main actions' })).toBeVisible();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `web-${name}.png`), fullPage: false });
}

/** No part of the page is wider than the window (nothing clipped off at the right). */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than the window').toBeLessThanOrEqual(0);
}

/** A thumbprint-shaped value that belongs to no real certificate (for text-only pastes). */
const fakeThumbprint = (label: string) => createHash('sha1').update(label).digest('hex').toUpperCase();

test.describe('web edition · estate', () => {
  // Each journey makes certificates with OpenSSL and runs the audit: give them room on a shared 2-core machine.
  test.describe.configure({ timeout: 240_000 });

  test('open a snapshot: matrix, a finding, the HTML estate report', async ({ page, context }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page);
    const snapshot = written.snapshot;
    await webDriver(page, context).openFiles([written.file]);

    const view = page.getByRole('region', { name: 'Estate', exact: true });
    await expect(view.getByRole('heading', { name: /Estate · Contoso/ })).toBeVisible();
    const matrix = page.getByTestId('estate-matrix');
    await expect(matrix).toBeVisible();
    // One row per server the snapshot names: two Exchange servers, the Front Ends and the Edge.
    const serverCount = snapshot.exchange!.servers.length + snapshot.skype!.pools.reduce((n, p) => n + p.computers.length, 0);
    await expect(page.getByTestId('estate-row')).toHaveCount(serverCount);
    // EX1 binds the mail certificate to IMAP, POP, IIS and SMTP: Get-ExchangeCertificate's letters.
    await expect(matrix.getByRole('button', { name: /^EX1 × mail\.contoso\.com: IP\.WS\.\./ })).toBeVisible();
    await expect(page.getByText(/^(snapshot file)$/)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await shot(page, 'estate-01-matrix-1024');

    // The Auth certificate AuthConfig names is missing on EX2: a finding, its fix first.
    const authThumb = snapshot.exchange!.authConfig!.currentCertificateThumbprint!;
    const finding = page.getByTestId('estate-finding').filter({ hasText: /EX2/i }).filter({ hasText: /Auth/ }).first();
    await expect(finding).toBeVisible();
    await finding.getByRole('button').click();
    const findingPage = page.getByTestId('estate-finding-page');
    await expect(findingPage).toBeVisible();
    await expect(findingPage.locator('.finding-fix')).toContainText('Fix:');
    await expect(findingPage.getByRole('button', { name: /ex2/i }).first()).toBeVisible();
    await shot(page, 'estate-02-finding');
    // EX2's page: the finding about it, and its certificates with what each is bound to.
    await findingPage.getByRole('button', { name: 'ex2.contoso.com' }).click();
    const serverPage = page.getByTestId('estate-server-page');
    await expect(serverPage.getByRole('heading', { name: /EX2/ })).toBeVisible();
    await expect(serverPage.getByTestId('estate-finding').filter({ hasText: 'Auth certificate' })).toBeVisible();
    await expect(serverPage.locator('.estate-letters').first()).toHaveText(/^[.IPUWSFC]{7}$/);
    await expectNoHorizontalOverflow(page);
    await shot(page, 'estate-02b-server');
    await serverPage.getByTestId('estate-finding').filter({ hasText: 'Auth certificate' }).getByRole('button').click();
    // The certificate it names: every server that holds it and what points at it.
    await findingPage.getByRole('button', { name: authThumb }).click();
    const certPage = page.getByTestId('estate-certificate-page');
    await expect(certPage).toContainText(authThumb);
    await expect(certPage.getByTestId('estate-pointers')).toContainText('AuthConfig current');
    await expectNoHorizontalOverflow(page);
    await shot(page, 'estate-03-certificate');

    // Use it as my environment: the environment book gains the organisation and makes it active.
    await page.getByRole('button', { name: 'Use as my environment' }).click();
    await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveValue(/Contoso/);

    // Export the estate report (HTML) and read what was downloaded.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export HTML report' }).click();
    const file = await download;
    const target = path.join(DOWNLOAD_DIR, `web-${file.suggestedFilename()}`);
    await file.saveAs(target);
    expect(file.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync(target, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Contoso');
    for (const server of snapshot.exchange!.servers) expect(html).toContain(server.name);
    expect(html).toContain(authThumb);
    expect(html).not.toMatch(/PRIVATE KEY/);
  });

  test('paste Get-ExchangeCertificate from two servers and Get-AuthConfig: the estate with the AuthConfig finding', async ({ page, context }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page);
    const mail = ex1Thumbprint;
    const auth = fakeThumbprint('auth certificate');
    const table = (server: string, rows: string[]) =>
      [
        `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server ${server}`,
        '',
        'Thumbprint                                Services   Subject',
        '----------                                --------   -------',
        ...rows,
        '',
      ].join('\n');
    const exchangeOutput =
      table('EX1', [`${auth}  ....S..    CN=Microsoft Exchange Server Auth Certificate`, `${mail}  IP.WS..    CN=ex1.contoso.com, O=Contoso`]) +
      '\n' +
      table('EX2', [`${mail}  IP.WS..    CN=ex1.contoso.com, O=Contoso`]);
    const authConfig = [
      '[PS] C:\\Windows\\system32>Get-AuthConfig | fl',
      '',
      `CurrentCertificateThumbprint  : ${auth}`,
      'PreviousCertificateThumbprint :',
      'NextCertificateThumbprint     :',
      'NextCertificateEffectiveDate  :',
      'ServiceName                   : 00000002-0000-0ff1-ce00-000000000000',
      'Realm                         :',
      'Name                          : Auth Configuration',
      '',
    ].join('\n');

    // The first screen's paste box knows server output and hands it to the Estate view.
    await page.getByLabel('Paste PEM or Base64').fill(exchangeOutput);
    await page.getByRole('button', { name: 'Open pasted text' }).click();
    const view = page.getByRole('region', { name: 'Estate', exact: true });
    await expect(view).toBeVisible();
    await expect(page.getByTestId('estate-understood').first()).toContainText(/EX1/);
    await expect(page.getByTestId('estate-row')).toHaveCount(2);
    await shot(page, 'estate-04-pasted-table');

    // Then Get-AuthConfig, into the Estate view's own paste box.
    await page.getByText('Add more server output').click();
    await page.getByLabel('Paste server output').fill(authConfig);
    await page.getByRole('button', { name: 'Add to the estate' }).click();
    await expect(page.getByTestId('estate-sources').getByText(/Pasted text \(2\)/)).toBeVisible();
    const finding = page.getByTestId('estate-finding').filter({ hasText: /EX2/i }).filter({ hasText: /Auth/ }).first();
    await expect(finding).toBeVisible();
    await expect(finding).toHaveAttribute('data-status', /error|warn/);
    await expectNoHorizontalOverflow(page);
    await shot(page, 'estate-05-pasted-authconfig');

    // An open certificate file with a pasted thumbprint: the certificate page links to it.
    await webDriver(page, context).openFiles([ex1Cer]);
    await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
    await page.getByRole('toolbar').getByRole('button', { name: 'Estate', exact: true }).click();
    await page.getByTestId('estate-matrix').getByRole('button', { name: /^EX1 × ex1\.contoso\.com/ }).click();
    await expect(page.getByRole('button', { name: 'Show ex1.cer in the inspector' })).toBeVisible();
    await shot(page, 'estate-06-certificate-with-open-file');

    // The Thumbprint tool finds the thumbprints inside a pasted table row and links each to its file.
    await page.getByRole('toolbar').getByRole('button', { name: 'Thumbprint', exact: true }).click();
    await page.getByLabel('Pasted thumbprint').fill(`${auth}  ....S..    CN=Microsoft Exchange Server Auth Certificate\n${mail.toLowerCase()}  IP.WS..    CN=ex1.contoso.com`);
    await expect(page.getByTestId('found-thumbprint')).toHaveCount(2);
    await expect(page.getByTestId('found-thumbprint').nth(0)).toContainText(auth);
    await expect(page.getByTestId('found-thumbprint').nth(0)).toContainText('Not among the 1 loaded file');
    await expect(page.getByTestId('found-thumbprint').nth(1)).toContainText(mail);
    await page.getByTestId('found-thumbprint').nth(1).getByRole('button', { name: /It is ex1\.contoso\.com in ex1\.cer/ }).click();
    await expect(page.getByTestId('common-name')).toHaveText('ex1.contoso.com');
  });

  test('pasted dates that could be day/month or month/day: the note offers the locale picker, and the dates are read', async ({ page }) => {
    await open(page);
    const thumb = fakeThumbprint('mail certificate');
    const list = [
      '[PS] C:\\>Get-ExchangeCertificate -Server EX1 | fl',
      '',
      'CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}',
      'HasPrivateKey      : True',
      'Issuer             : CN=Contoso Issuing CA',
      'NotAfter           : 03/04/2027 10:00:00',
      'NotBefore          : 02/04/2026 10:00:00',
      'Services           : IMAP, POP, IIS, SMTP',
      'Status             : Valid',
      'Subject            : CN=mail.contoso.com',
      `Thumbprint         : ${thumb}`,
      '',
    ].join('\n');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('toolbar').getByRole('button', { name: 'Estate', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Open a snapshot…' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await shot(page, 'estate-00-empty-1024');
    await page.getByLabel('Paste server output').fill(list);
    await page.getByRole('button', { name: 'Add to the estate' }).click();
    const note = page.locator('[data-testid="estate-note"][data-code="dates-ambiguous"]');
    await expect(note).toBeVisible();
    await expect(page.getByTestId('estate-understood')).toContainText(/dates ambiguous/);
    await note.getByLabel('Read the pasted dates as').selectOption('en-GB');
    await expect(page.getByTestId('estate-understood')).toContainText('dates read as day/month (en-GB)');
    await expect(note).toHaveCount(0);
    // 03/04/2027 read day first: the certificate ends on 3 April 2027.
    await page.getByTestId('estate-matrix').getByRole('button', { name: /^EX1 × mail\.contoso\.com/ }).click();
    await expect(page.getByTestId('estate-certificate-page')).toContainText('2027-04-03');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'estate-08-certificate-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('a 50-server estate (1,000 bindings) opens into the matrix; the time and the longest main-thread task are measured', async ({ page, context }) => {
    // 20 certificates made with OpenSSL (one key), each held by all 50 servers.
    const dir = path.join(ESTATE_DIR, 'scale');
    mkdirSync(dir, { recursive: true });
    const ca = createCa({ dir, cn: 'Scale Root CA', startDate: '2020-01-01T00:00:00Z', endDate: '2040-01-01T00:00:00Z' });
    const first = issue(ca, { subject: '/O=Contoso/CN=cert00.contoso.com', san: ['DNS:cert00.contoso.com'], startDate: '2026-06-01T00:00:00Z', endDate: '2027-06-01T00:00:00Z' });
    const certs = [first];
    for (let i = 1; i < 20; i++) {
      const n = String(i).padStart(2, '0');
      certs.push(issue(ca, { subject: `/O=Contoso/CN=cert${n}.contoso.com`, san: [`DNS:cert${n}.contoso.com`], key: { file: first.keyPem }, startDate: '2026-06-01T00:00:00Z', endDate: '2027-06-01T00:00:00Z' }));
    }
    const services: SnapshotExchangeCertificate['services'][] = [['IMAP', 'POP', 'IIS', 'SMTP'], ['SMTP'], ['UM', 'UMCallRouter'], ['IIS'], []];
    const servers = Array.from({ length: 50 }, (_, i) => ({ name: `EX${String(i + 1).padStart(2, '0')}`, fqdn: `ex${i + 1}.contoso.com`, version: '2019', roles: ['Mailbox'] }));
    const snapshot: Snapshot = {
      format: 'certbench-snapshot',
      version: 1,
      collectedAt: '2026-12-01T10:00:00Z',
      organization: 'Scale',
      exchange: {
        servers,
        certificates: servers.flatMap((server) =>
          certs.map((cert, i) => ({ server: server.fqdn, thumbprint: thumbprintOf(cert), services: services[i % services.length]!, status: 'Valid', hasPrivateKey: true, der: derBase64(cert) })),
        ),
      },
    };
    const file = path.join(dir, 'scale-snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));

    await open(page);
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    await webDriver(page, context).openFiles([file]);
    await expect(page.getByTestId('estate-row')).toHaveCount(50, { timeout: 60_000 });
    const elapsed = Date.now() - started;
    await expect(page.getByTestId('estate-matrix').locator('thead th')).toHaveCount(21);
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    const measured = { servers: 50, certificates: 20, bindings: 1000, openToMatrixMs: elapsed, longestMainThreadTaskMs: Math.round(longest) };
    writeFileSync(path.join(OUTPUT_DIR, 'estate-scale.json'), JSON.stringify(measured, null, 2));
    console.log(`estate scale: ${JSON.stringify(measured)}`);
    await shot(page, 'estate-07-scale');
  });
});
