// Small OpenSSL 3 CLI helpers for the request / PFX tests: OpenSSL is the independent judge.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function ossl(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): string {
  return execFileSync('openssl', args, {
    input: options.input,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  }).toString('utf8');
}

/** Runs openssl and returns { ok, out } (stdout + stderr) instead of throwing (for expected failures). */
export function osslTry(args: string[], options: { env?: Record<string, string> } = {}): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { env: { ...process.env, ...options.env } });
  return { ok: r.status === 0, out: `${r.stdout?.toString() ?? ''}${r.stderr?.toString() ?? ''}` };
}

export function workDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `certbench-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface TestCa {
  dir: string;
  rootCert: string;
  rootKey: string;
  interCert: string;
  interKey: string;
}

/** A root and an intermediate CA (RSA 2048), made with OpenSSL. */
export function makeCa(dir: string): TestCa {
  const rootKey = join(dir, 'root.key');
  const rootCert = join(dir, 'root.pem');
  const interKey = join(dir, 'inter.key');
  const interCsr = join(dir, 'inter.csr');
  const interCert = join(dir, 'inter.pem');
  const caExt = join(dir, 'ca.ext');
  writeFileSync(caExt, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
  ossl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', rootKey, '-out', rootCert, '-days', '30', '-subj', '/DC=com/DC=contoso/CN=Contoso Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  ossl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', interKey, '-out', interCsr, '-subj', '/DC=com/DC=contoso/CN=Contoso Issuing CA']);
  ossl(['x509', '-req', '-in', interCsr, '-CA', rootCert, '-CAkey', rootKey, '-CAcreateserial', '-days', '20', '-extfile', caExt, '-out', interCert]);
  return { dir, rootCert, rootKey, interCert, interKey };
}

/** The CA signs a CSR, copying its requested extensions (SAN, EKU, key usage). */
export function signCsr(ca: TestCa, csrFile: string, outFile: string): string {
  ossl(['x509', '-req', '-in', csrFile, '-CA', ca.interCert, '-CAkey', ca.interKey, '-CAcreateserial', '-days', '10', '-copy_extensions', 'copy', '-out', outFile]);
  return outFile;
}
