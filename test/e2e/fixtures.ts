// Certificate fixtures for the journeys, made with the OpenSSL 3 CLI at test time (global
// setup) into the git-ignored test-output folder: an internal root, a correct UM certificate
// for ex1.contoso.com (CER and PFX) and the seed-001 wildcard UM certificate (PFX).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT_DIR = path.join(PROJECT_ROOT, 'test-output');
export const FIXTURE_DIR = path.join(OUTPUT_DIR, 'e2e-fixtures');
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'screenshots');
export const DOWNLOAD_DIR = path.join(OUTPUT_DIR, 'e2e-downloads');

export const PFX_PASSWORD = 'Contoso-UM-2024!';
export const WRONG_PASSWORD = 'not-the-password';

export const fixture = (name: string) => path.join(FIXTURE_DIR, name);

function openssl(args: string[], cwd = FIXTURE_DIR): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** SHA-1 thumbprint as OpenSSL prints it, reduced to 40 upper-case hex. */
export function opensslThumbprint(pemFile: string): string {
  const out = openssl(['x509', '-in', pemFile, '-noout', '-fingerprint', '-sha1']);
  return out.split('=')[1]!.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
}

function issueLeaf(name: string, cn: string, sans: string[], serial: string): void {
  writeFileSync(
    fixture(`${name}.ext`),
    [
      `subjectAltName=${sans.map((s) => `DNS:${s}`).join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      'crlDistributionPoints=URI:http://pki.contoso.com/contoso-root.crl',
      'authorityInfoAccess=caIssuers;URI:http://pki.contoso.com/contoso-root.cer',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
    ].join('\n') + '\n',
  );
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=Contoso/CN=${cn}`]);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'contoso-root.pem', '-CAkey', 'contoso-root.key', '-set_serial', serial, '-days', '365', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
}

export function makeFixtures(): void {
  rmSync(FIXTURE_DIR, { recursive: true, force: true });
  mkdirSync(FIXTURE_DIR, { recursive: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  mkdirSync(DOWNLOAD_DIR, { recursive: true });
  openssl([
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'contoso-root.key', '-out', 'contoso-root.pem', '-days', '3650', '-sha256',
    '-subj', '/O=Contoso/CN=Contoso Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  issueLeaf('ex1', 'ex1.contoso.com', ['ex1.contoso.com'], '0x1001');
  issueLeaf('wildcard', '*.contoso.com', ['*.contoso.com', 'contoso.com'], '0x1002');
  // ex1.cer: DER, as the Windows export wizard writes it.
  openssl(['x509', '-in', 'ex1.pem', '-outform', 'DER', '-out', 'ex1.cer']);
  // PFX files in OpenSSL 3's default profile (AES-256, PBKDF2) with the root in the chain.
  openssl(['pkcs12', '-export', '-inkey', 'ex1.key', '-in', 'ex1.pem', '-certfile', 'contoso-root.pem', '-name', 'ex1 UM', '-out', 'ex1-um.pfx', '-passout', `pass:${PFX_PASSWORD}`]);
  openssl(['pkcs12', '-export', '-inkey', 'wildcard.key', '-in', 'wildcard.pem', '-certfile', 'contoso-root.pem', '-name', 'wildcard', '-out', 'um-wildcard.pfx', '-passout', `pass:${PFX_PASSWORD}`]);
  for (const f of ['ex1.key', 'wildcard.key', 'contoso-root.key', 'ex1.csr', 'wildcard.csr']) {
    // Keys are not needed by the journeys; keep nothing unencrypted lying around.
    rmSync(fixture(f), { force: true });
  }
}

export function fixturesReady(): boolean {
  return existsSync(fixture('um-wildcard.pfx'));
}

export function rootPem(): string {
  return readFileSync(fixture('contoso-root.pem'), 'utf8');
}
