#!/usr/bin/env node
// npm run bench — CertBench against a native baseline, side by side in one run on this machine.
// Whole processes are timed (what an admin feels), alternating A B A B so drift hits both;
// medians and the ratio of medians are printed. Never run inside the unit tests.
//
//   (a) open a 600,000-iteration AES PFX          vs  openssl pkcs12 on the same file
//   (b) inspect 1,000 and 10,000 DER certificates  vs  a Node script using crypto.X509Certificate
//   (c) a 4096-bit RSA request                     vs  openssl req -newkey rsa:4096
//   (d) the web edition with 5,000 certificates    (time to list, time per filter keystroke)
//   (e) certbench audit: 50 servers × 20 certificates (1,000 bindings)  beside  inspect of the same 1,000 certificates
//   (f) the web edition's report preview of 1,100 certificates (time to the preview, stalls while typing a customer name)
//
// Options: --quick (fewer runs, 1,000 certificates only), --only a,b,c,d,e
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const work = join(root, 'test-output', 'bench');
const cli = join(root, 'bin', 'certbench.js');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = new Set((onlyArg ? (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1]) : 'a,b,c,d,e,f').split(','));
const RUNS = quick ? 3 : 7;

mkdirSync(work, { recursive: true });

function run(cmd, argv, env = {}, okCodes = [0]) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!okCodes.includes(r.status)) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Alternate A and B `RUNS` times after one warm-up each; print medians, spread and ratio. */
function pair(label, a, b, target) {
  a();
  b();
  const ta = [];
  const tb = [];
  for (let i = 0; i < RUNS; i++) {
    ta.push(a());
    tb.push(b());
  }
  const ma = median(ta);
  const mb = median(tb);
  const ratio = ma / mb;
  const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  console.log(
    `${label.padEnd(44)} certbench ${ma.toFixed(0).padStart(6)} ms (${spread(ta)})  baseline ${mb.toFixed(0).padStart(6)} ms (${spread(tb)})  ratio ${ratio.toFixed(2)}×  target ≤ ${target}× ${ratio <= target ? 'MET' : 'NOT MET'}`,
  );
  return ratio;
}

function openssl(...argv) {
  return execFileSync('openssl', argv, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
}

// (a) ------------------------------------------------------------------------------------
function benchPfx() {
  const dir = join(work, 'pfx');
  mkdirSync(dir, { recursive: true });
  const pfx = join(dir, 'iter600k.pfx');
  if (!existsSync(pfx)) {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-subj', '/CN=ex1.contoso.com', '-days', '365');
    openssl('pkcs12', '-export', '-in', join(dir, 'c.pem'), '-inkey', join(dir, 'k.pem'), '-out', pfx, '-passout', 'pass:bench', '-iter', '600000');
  }
  const env = { BENCH_PW: 'bench' };
  pair(
    '(a) open 600k-iteration AES PFX',
    () => run('node', [cli, 'inspect', pfx, '--password-env', 'BENCH_PW', '--json'], env),
    () => run('openssl', ['pkcs12', '-in', pfx, '-passin', 'env:BENCH_PW', '-nodes', '-out', '/dev/null'], env),
    0.8, // issue 18's goal; the floor is Node's start-up plus the MAC's PKCS#12 KDF in JavaScript
  );
}

// (b) ------------------------------------------------------------------------------------
/** n distinct DER certificates, signed in one `openssl ca` run (serials differ, so contents do). */
function certificateCorpus(n) {
  const dir = join(work, `der-${n}`);
  if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.cer')).length === n) return dir;
  rmSync(dir, { recursive: true, force: true });
  const ca = join(work, 'ca');
  mkdirSync(join(ca, 'out'), { recursive: true });
  rmSync(join(ca, 'out'), { recursive: true, force: true });
  mkdirSync(join(ca, 'out'), { recursive: true });
  writeFileSync(join(ca, 'index.txt'), '');
  writeFileSync(join(ca, 'serial'), '1000\n');
  writeFileSync(
    join(ca, 'ca.cnf'),
    `[ca]\ndefault_ca=d\n[d]\ndir=${ca}\ndatabase=$dir/index.txt\nserial=$dir/serial\nnew_certs_dir=$dir/out\ncertificate=$dir/ca.pem\nprivate_key=$dir/ca.key\ndefault_md=sha256\npolicy=p\nunique_subject=no\ncopy_extensions=copy\nx509_extensions=ext\n[p]\ncommonName=supplied\n[ext]\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\ncrlDistributionPoints=URI:http://pki.contoso.com/crl/issuing.crl\nauthorityInfoAccess=caIssuers;URI:http://pki.contoso.com/aia/issuing.crt\n`,
  );
  if (!existsSync(join(ca, 'ca.pem'))) {
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(ca, 'ca.key'), '-out', join(ca, 'ca.pem'), '-subj', '/CN=Contoso Bench CA', '-days', '3650');
    openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(ca, 'leaf.key'), '-out', join(ca, 'leaf.csr'), '-subj', '/CN=ex1.contoso.com/O=Contoso', '-addext', 'subjectAltName=DNS:ex1.contoso.com,DNS:mail.contoso.com,DNS:autodiscover.contoso.com');
  }
  const csrs = Array.from({ length: n }, () => join(ca, 'leaf.csr'));
  execFileSync('openssl', ['ca', '-batch', '-notext', '-config', join(ca, 'ca.cnf'), '-startdate', '20260101000000Z', '-enddate', '20270101000000Z', '-out', join(ca, 'all.pem'), '-infiles', ...csrs], { stdio: 'ignore', maxBuffer: 1 << 30 });
  mkdirSync(dir, { recursive: true });
  // -out keeps only the last certificate; new_certs_dir has every one, named by serial.
  let i = 0;
  for (const f of readdirSync(join(ca, 'out')).sort()) {
    const pem = readFileSync(join(ca, 'out', f), 'latin1');
    const m = pem.match(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/);
    if (m) writeFileSync(join(dir, `c${String(i++).padStart(5, '0')}.cer`), Buffer.from(m[1].replace(/\s/g, ''), 'base64'));
  }
  if (i !== n) throw new Error(`expected ${n} certificates, made ${i}`);
  return dir;
}

const NATIVE_SCRIPT = `
import { readdirSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
const dir = process.argv[2];
const out = [];
for (const f of readdirSync(dir).sort()) {
  const c = new X509Certificate(readFileSync(dir + '/' + f));
  out.push({ file: f, subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber, thumbprint: c.fingerprint.replace(/:/g, ''),
    sha256: c.fingerprint256.replace(/:/g, ''), notBefore: c.validFrom, notAfter: c.validTo, dnsNames: c.subjectAltName,
    keyUsage: c.keyUsage, ca: c.ca, keyType: c.publicKey.asymmetricKeyType, keySize: c.publicKey.asymmetricKeyDetails?.modulusLength });
}
process.stdout.write(JSON.stringify({ documents: out }));
`;

function benchInspect() {
  const native = join(work, 'native-x509.mjs');
  writeFileSync(native, NATIVE_SCRIPT);
  const ratios = [];
  for (const n of quick ? [1000] : [1000, 10000]) {
    const dir = certificateCorpus(n);
    ratios.push([
      n,
      pair(
        `(b) inspect ${n.toLocaleString('en-US')} DER certificates`,
        () => run('node', [cli, 'inspect', dir, '--json']),
        () => run('node', [native, dir]),
        // Issue 18: ≤ 1.0× at 1,000 (start-up dominates), ≤ 0.5× at 10,000.
        n >= 10000 ? 0.5 : 1.0,
      ),
    ]);
  }
  if (ratios.length === 2) console.log(`    scaling 1,000 → 10,000: ratio ${ratios[0][1].toFixed(2)}× → ${ratios[1][1].toFixed(2)}×`);
}

// (c) ------------------------------------------------------------------------------------
function benchRequest() {
  const dir = join(work, 'req');
  mkdirSync(dir, { recursive: true });
  const help = spawnSync('node', [cli, 'request', '--help'], { encoding: 'utf8' });
  if (/unknown command/.test(help.stderr ?? '')) {
    console.log('(c) 4096-bit request                          skipped: this build has no `certbench request` command yet');
    return;
  }
  const env = { BENCH_PASSPHRASE: 'bench-passphrase' };
  pair(
    '(c) 4096-bit RSA request',
    () => run('node', [cli, 'request', '--role', 'exchange-um', '--server', 'ex1.contoso.com', '--key', 'rsa4096', '--out', dir, '--passphrase-env', 'BENCH_PASSPHRASE', '--force'], env),
    () => run('openssl', ['req', '-new', '-newkey', 'rsa:4096', '-keyout', join(dir, 'o.key'), '-passout', 'env:BENCH_PASSPHRASE', '-out', join(dir, 'o.csr'), '-subj', '/CN=ex1.contoso.com', '-addext', 'subjectAltName=DNS:ex1.contoso.com'], env),
    1.2,
  );
}

// (d) ------------------------------------------------------------------------------------
async function benchWeb() {
  const script = join(root, 'scripts', 'bench-web.js');
  if (!existsSync(script) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.log('(d) web edition, 5,000 certificates            skipped: build the web edition (npm run build) first');
    return;
  }
  const r = spawnSync('node', [script, certificateCorpus(quick ? 1000 : 5000)], { stdio: 'inherit' });
  if (r.status !== 0) console.log('(d) web edition benchmark failed (see above)');
}

// (f) ------------------------------------------------------------------------------------
async function benchWebReport() {
  const script = join(root, 'scripts', 'bench-web-report.js');
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.log('(f) web edition, report preview of 1,100           skipped: build the web edition (npm run build) first');
    return;
  }
  // The first 1,100 of the 5,000-certificate corpus (d) uses.
  const r = spawnSync('node', [script, certificateCorpus(5000), '--count', '1100', '--runs', quick ? '1' : '3'], { stdio: 'inherit' });
  if (r.status !== 0) console.log('(f) web report preview benchmark failed (see above)');
}

// (e) ------------------------------------------------------------------------------------
/** A snapshot of 50 Exchange 2016 servers, each holding 20 of the 1,000 corpus certificates, every one bound. */
function estateSnapshot(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cer')).sort();
  const services = [['IIS', 'SMTP'], ['UM', 'UMCallRouter'], ['IMAP', 'POP'], ['SMTP'], ['IIS']];
  const servers = [];
  const certificates = [];
  for (let s = 0; s < 50; s++) {
    const fqdn = `ex${s + 1}.contoso.com`;
    servers.push({ name: `EX${s + 1}`, fqdn, version: '2016', build: '15.1.2507.6', roles: ['Mailbox'], os: 'Windows Server 2016' });
    for (let c = 0; c < 20; c++) {
      const der = readFileSync(join(dir, files[s * 20 + c]));
      const thumbprint = createHash('sha1').update(der).digest('hex').toUpperCase();
      certificates.push({ server: fqdn, thumbprint, services: services[c % services.length], status: 'Valid', hasPrivateKey: true, keyProvider: 'Microsoft RSA SChannel Cryptographic Provider', der: der.toString('base64') });
    }
  }
  const auth = certificates[1].thumbprint;
  const snapshot = {
    format: 'certbench-snapshot', version: 1, collectedAt: '2026-12-01T10:00:00Z', organization: 'Contoso',
    exchange: {
      servers, certificates,
      authConfig: { currentCertificateThumbprint: auth, previousCertificateThumbprint: null, nextCertificateThumbprint: null, nextCertificateEffectiveDate: null },
      umServices: servers.map((s) => ({ server: s.fqdn, umStartupMode: 'Dual', umCallRouterStartupMode: 'Dual' })),
      transport: servers.map((s, i) => ({ server: s.fqdn, internalTransportCertificateThumbprint: certificates[i * 20].thumbprint })),
    },
  };
  const file = join(work, 'estate-50x20.json');
  writeFileSync(file, JSON.stringify(snapshot));
  return file;
}

function benchAudit() {
  const dir = certificateCorpus(1000);
  const snapshot = estateSnapshot(dir);
  // Both sides are CertBench: the audit decodes the same 1,000 certificates, then runs the
  // rules per binding and the estate rules. Target: under 2 s (issue 12), printed beside inspect.
  const ta = [];
  const tb = [];
  // Exit 1 is an answer (a certificate or estate finding fails), not a failure of the run.
  const audit = () => run('node', [cli, 'audit', snapshot, '--json', '--at', '2026-06-01'], {}, [0, 1]);
  const inspect = () => run('node', [cli, 'inspect', dir, '--json']);
  audit();
  inspect();
  for (let i = 0; i < RUNS; i++) {
    ta.push(audit());
    tb.push(inspect());
  }
  const ma = median(ta);
  const mb = median(tb);
  const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  console.log(
    `${'(e) audit 50 servers × 20 certs (1,000 bindings)'.padEnd(44)} audit ${ma.toFixed(0).padStart(6)} ms (${spread(ta)})  inspect same 1,000 ${mb.toFixed(0).padStart(6)} ms (${spread(tb)})  target audit < 2000 ms ${ma < 2000 ? 'MET' : 'NOT MET'}`,
  );
}

console.log(`CertBench benchmark — ${new Date().toISOString()} — node ${process.version}, ${execFileSync('openssl', ['version']).toString().trim()}`);
console.log(`${RUNS} timed runs per side after one warm-up, alternating; medians (min–max).\n`);
if (only.has('a')) benchPfx();
if (only.has('b')) benchInspect();
if (only.has('c')) benchRequest();
if (only.has('d')) await benchWeb();
if (only.has('e')) benchAudit();
if (only.has('f')) await benchWebReport();
