// Key safety across the CLI journey an admin runs: draft a request, have a CA sign it, pack
// the PFX, inspect it, check it, report on it, write the commands. Afterwards every byte the
// CLI printed or wrote is scanned for the private key and for the passwords used.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli, type CliResult } from '../support/cli.js';
import { createCa, makeWorkDir, openssl, opensslText, removeWorkDir } from '../support/openssl.js';

const PASSPHRASE = 'Key-Passphrase-7f3a';
const PFX_PASSWORD = 'Pfx-Password-91c2';
const env = { CB_PASSPHRASE: PASSPHRASE, CB_PFX_PASSWORD: PFX_PASSWORD };

let dir: string;
const outputs: { what: string; text: string }[] = [];
/** Files the journey wrote that are meant to hold the (encrypted) key. */
const keyContainers = new Set<string>();
let keyDer: Buffer;
let privateExponentHex: string;

/**
 * Needles for the private exponent wherever it could surface: its bytes, its hex, and its
 * Base64 at each of the three byte alignments (inside a longer Base64 text such as a PEM).
 * The modulus is public (it is in the CSR and the certificate), so only `d` is searched for.
 */
function secretNeedles(): { bytes: Buffer; texts: string[] } {
  const d = Buffer.from(privateExponentHex, 'hex');
  const slice = d.subarray(16, 16 + 48);
  const texts = [privateExponentHex.slice(0, 64), privateExponentHex.slice(0, 64).toLowerCase()];
  for (let k = 0; k < 3; k++) texts.push(d.subarray(16 + k, 16 + k + 45).toString('base64').slice(2, -2));
  return { bytes: slice, texts };
}

function record(what: string, r: CliResult): CliResult {
  outputs.push({ what: `${what} stdout`, text: r.stdout }, { what: `${what} stderr`, text: r.stderr });
  return r;
}

beforeAll(async () => {
  requireBuiltCli();
  dir = makeWorkDir('key-safety');
  const out = path.join(dir, 'request');
  const req = record('request', await runCli(['request', '--role', 'exchange-um', '--server', 'ex1.contoso.com', '--key', 'rsa2048', '--out', out, '--passphrase-env', 'CB_PASSPHRASE', '--json'], { env }));
  expect(req.code, req.stderr).toBe(0);
  const files = JSON.parse(req.stdout).files as { csr: string; key: string; inf: string; script: string };
  keyContainers.add(files.key);

  // What the secret looks like, so we can look for it: the PKCS#8 DER and the private exponent.
  keyDer = openssl(['pkey', '-in', files.key, '-passin', 'env:CB_PASSPHRASE', '-outform', 'DER'], { env });
  const text = opensslText(['pkey', '-in', files.key, '-passin', 'env:CB_PASSPHRASE', '-noout', '-text'], { env });
  privateExponentHex = text.match(/privateExponent:\s*([\s\S]*?)\n\S/)![1]!.replace(/[\s:]/g, '').replace(/^00/, '').toUpperCase();

  const ca = createCa({ dir, cn: 'Contoso Issuing CA', startDate: '2026-01-01T00:00:00Z', endDate: '2031-01-01T00:00:00Z' });
  const issued = path.join(dir, 'issued.pem');
  openssl(['x509', '-req', '-in', files.csr, '-CA', ca.certPem, '-CAkey', ca.keyPem, '-CAcreateserial', '-days', '300', '-copy_extensions', 'copy', '-out', issued]);

  for (const profile of ['modern', 'legacy']) {
    const pfxPath = path.join(dir, `um-${profile}.pfx`);
    keyContainers.add(pfxPath);
    const packed = record(`pfx ${profile}`, await runCli(['pfx', '--cert', issued, '--key', files.key, '--chain', ca.certPem, '--profile', profile, '--out', pfxPath, '--passphrase-env', 'CB_PASSPHRASE', '--password-env', 'CB_PFX_PASSWORD'], { env }));
    expect(packed.code, packed.stderr).toBe(0);
    record(`inspect ${profile}`, await runCli(['inspect', pfxPath, '--password-env', 'CB_PFX_PASSWORD', '--json'], { env }));
    record(`inspect text ${profile}`, await runCli(['inspect', pfxPath, '--password', PFX_PASSWORD], { env }));
    record(`check ${profile}`, await runCli(['check', pfxPath, '--role', 'exchange-um', '--server', 'ex1.contoso.com', '--password-env', 'CB_PFX_PASSWORD', '--json'], { env }));
  }
  record('wrong password', await runCli(['inspect', path.join(dir, 'um-modern.pfx'), '--password', 'Not-The-Password-5512'], { env }));
  const script = record('commands', await runCli(['commands', '--role', 'exchange-um', '--server', 'ex1.contoso.com', '--exchange-version', '2016', '--pfx', 'C:\\certs\\um.pfx'], { env }));
  expect(script.code, script.stderr).toBe(0);
  for (const format of ['html', 'json', 'csv', 'md']) {
    const r = record(`report ${format}`, await runCli(['report', path.join(dir, 'um-modern.pfx'), '--role', 'exchange-um', '--server', 'ex1.contoso.com', '--password-env', 'CB_PFX_PASSWORD', '--format', format, '--out', path.join(dir, `report.${format}`)], { env }));
    expect([0, 1], r.stderr).toContain(r.code);
  }
}, 240_000);

afterAll(() => {
  if (dir) removeWorkDir(dir);
});

/** Every file the journey wrote, except the ones meant to carry the encrypted key. */
function writtenFiles(): { what: string; bytes: Buffer }[] {
  const found: { what: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else found.push({ what: p, bytes: fs.readFileSync(p) });
    }
  };
  walk(dir);
  // The CA's own files and the OpenSSL-made key extracts are the test's, not CertBench's.
  return found.filter((f) => !f.what.includes(`${path.sep}ca-`) && !f.what.endsWith('.srl'));
}

describe('no key material or password leaves the CLI', () => {
  it('prints neither the passwords nor the private key', () => {
    const { texts } = secretNeedles();
    for (const o of outputs) {
      expect(o.text, o.what).not.toContain(PASSPHRASE);
      expect(o.text, o.what).not.toContain(PFX_PASSWORD);
      expect(o.text, o.what).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
      for (const t of texts) expect(o.text, o.what).not.toContain(t);
    }
  });

  it('the needles would find the key if it leaked', () => {
    // Guard against a test that cannot fail: the unencrypted key, as OpenSSL prints it, is caught.
    const { texts, bytes } = secretNeedles();
    const pem = `-----BEGIN PRIVATE KEY-----\n${keyDer.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`;
    expect(texts.some((t) => pem.replace(/\n/g, '').includes(t))).toBe(true);
    expect(keyDer.includes(bytes)).toBe(true);
  });

  it('writes the key only encrypted, and nothing else carries it or a password', () => {
    const files = writtenFiles();
    expect(files.length).toBeGreaterThan(5);
    const { texts, bytes } = secretNeedles();
    for (const f of files) {
      const text = f.bytes.toString('latin1');
      const flat = text.replace(/\r?\n/g, '');
      expect(text, f.what).not.toContain(PASSPHRASE);
      expect(text, f.what).not.toContain(PFX_PASSWORD);
      expect(text, f.what).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
      // The private exponent never appears: not as bytes, hex or Base64 (only its encryption does).
      expect(f.bytes.includes(bytes), f.what).toBe(false);
      for (const t of texts) expect(flat, f.what).not.toContain(t);
    }
    const keyFile = [...keyContainers].find((p) => p.endsWith('.pem') || p.endsWith('.key'));
    expect(keyFile && fs.readFileSync(keyFile, 'latin1')).toMatch(/BEGIN ENCRYPTED PRIVATE KEY/);
  });
});
