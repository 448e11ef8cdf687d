// Issue 16 item 16 (core): a CRL made with the OpenSSL CLI is read — issuer, this/next update,
// revoked serials, whether a certificate is on it, and the signature checked against its CA.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crlSignedBy, isRevoked, readCrl } from '../../shared/x509/crl.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cb-crl-'));
const f = (n: string) => path.join(dir, n);
const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function makeCa(name: string) {
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', f(`${name}.key`), '-passout', 'pass:ca-pass-123', '-out', f(`${name}.pem`), '-days', '30', '-subj', `/O=Contoso/CN=${name}`]);
}

describe('CRL', () => {
  makeCa('Contoso CA');
  makeCa('Other CA');
  writeFileSync(f('index.txt'), '');
  writeFileSync(f('crlnumber'), '01\n');
  writeFileSync(
    f('ca.cnf'),
    ['[ca]', 'default_ca = c', '[c]', `database = ${f('index.txt')}`, `crlnumber = ${f('crlnumber')}`, 'default_md = sha256', 'default_crl_days = 7', `certificate = ${f('Contoso CA.pem')}`, `private_key = ${f('Contoso CA.key')}`].join('\n'),
  );
  // A leaf to revoke (its key only ever encrypted on disk).
  ssl(['req', '-new', '-newkey', 'rsa:2048', '-keyout', f('leaf.key'), '-passout', 'pass:leaf-pass-1', '-subj', '/CN=ex1.contoso.com', '-out', f('leaf.csr')]);
  ssl(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('Contoso CA.pem'), '-CAkey', f('Contoso CA.key'), '-passin', 'pass:ca-pass-123', '-set_serial', '0x0A1B2C', '-days', '10', '-out', f('leaf.pem')]);
  ssl(['ca', '-config', f('ca.cnf'), '-revoke', f('leaf.pem'), '-passin', 'pass:ca-pass-123']);
  ssl(['ca', '-config', f('ca.cnf'), '-gencrl', '-out', f('contoso.crl.pem'), '-passin', 'pass:ca-pass-123']);
  ssl(['crl', '-in', f('contoso.crl.pem'), '-outform', 'DER', '-out', f('contoso.crl')]);

  it('reads issuer, dates and the revoked serial from DER and PEM', () => {
    for (const file of ['contoso.crl', 'contoso.crl.pem']) {
      const crl = readCrl(readFileSync(f(file)), file);
      expect(crl.issuer).toBe('CN=Contoso CA, O=Contoso');
      expect(Date.parse(crl.nextUpdate!) - Date.parse(crl.thisUpdate)).toBe(7 * 86_400_000);
      expect(crl.revokedSerials).toEqual(['0A1B2C']);
      expect(isRevoked(crl, '0a 1b 2c')).toBe(true);
      expect(isRevoked(crl, '0A1B2D')).toBe(false);
    }
  });

  it('checks the signature against the issuing CA, and not against another', async () => {
    const crl = readCrl(readFileSync(f('contoso.crl')), 'contoso.crl');
    const der = (name: string) => execFileSync('openssl', ['x509', '-in', f(`${name}.pem`), '-outform', 'DER']);
    expect(await crlSignedBy(crl, new Uint8Array(der('Contoso CA')))).toBe(true);
    expect(await crlSignedBy(crl, new Uint8Array(der('Other CA')))).toBe(false);
  });

  it('says in one sentence when a file is not a CRL', () => {
    expect(() => readCrl(new TextEncoder().encode('hello'), 'notes.crl')).toThrow(/^notes\.crl is not a certificate revocation list/);
  });
});
