// Many distinct certificates for the large-set journeys, made at test time with one `openssl ca`
// run over one request (as scripts/bench.js makes its corpus): one process for the lot, not one
// per certificate, so 1,100 take a few seconds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `count` DER certificates (distinct serials) in `dir`, made once; their paths, sorted. */
export function manyCertificates(dir: string, count: number): string[] {
  const out = path.join(dir, 'certificates');
  const made = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.cer')) : [];
  if (made.length !== count) {
    rmSync(dir, { recursive: true, force: true });
    const ca = path.join(dir, 'ca');
    mkdirSync(path.join(ca, 'issued'), { recursive: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(ca, 'index.txt'), '');
    writeFileSync(path.join(ca, 'serial'), '1000\n');
    writeFileSync(
      path.join(ca, 'ca.cnf'),
      `[ca]\ndefault_ca=d\n[d]\ndir=${ca}\ndatabase=$dir/index.txt\nserial=$dir/serial\nnew_certs_dir=$dir/issued\ncertificate=$dir/ca.pem\nprivate_key=$dir/ca.key\ndefault_md=sha256\npolicy=p\nunique_subject=no\ncopy_extensions=copy\nx509_extensions=ext\n[p]\ncommonName=supplied\n[ext]\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
    );
    const ssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', maxBuffer: 1 << 30 });
    ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(ca, 'ca.key'), '-out', path.join(ca, 'ca.pem'), '-subj', '/CN=Contoso Test CA', '-days', '3650']);
    ssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(ca, 'leaf.key'), '-out', path.join(ca, 'leaf.csr'), '-subj', '/CN=ex1.contoso.com', '-addext', 'subjectAltName=DNS:ex1.contoso.com']);
    const csrs = Array.from({ length: count }, () => path.join(ca, 'leaf.csr'));
    ssl(['ca', '-batch', '-notext', '-config', path.join(ca, 'ca.cnf'), '-days', '400', '-out', path.join(ca, 'all.pem'), '-infiles', ...csrs]);
    // -out keeps only the last certificate; new_certs_dir has every one, named by serial.
    readdirSync(path.join(ca, 'issued'))
      .sort()
      .forEach((f, i) => {
        const pem = readFileSync(path.join(ca, 'issued', f), 'latin1');
        const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)![1]!;
        writeFileSync(path.join(out, `c${String(i).padStart(5, '0')}.cer`), Buffer.from(body.replace(/\s/g, ''), 'base64'));
      });
  }
  const files = readdirSync(out).filter((f) => f.endsWith('.cer')).sort();
  if (files.length !== count) throw new Error(`expected ${count} certificates, made ${files.length}`);
  return files.map((f) => path.join(out, f));
}
