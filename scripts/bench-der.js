#!/usr/bin/env node
// npm run bench (part) — why CertBench reads certificates with its own DER walk
// (shared/asn1/der.ts, shared/x509/certificate.ts) instead of pkijs' schemas.
//
// Both sides turn the same DER certificates into the same facts, in one process, alternating
// rounds so drift hits both: subject and issuer text, serial, validity, the SAN names, key
// usage, extended key usage, basic constraints, the public key's algorithm and size, and the
// SHA-1 / SHA-256 thumbprints (both through the same OpenSSL hash the CLI uses). Medians of
// the per-round CPU times and their ratio are printed. Never run inside the unit tests.
//
// Needs `npm run build:node` first (it loads the compiled core from out/node/).
// Options: --count N (certificates per round, default 1,000), --rounds N (default 7)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as pkijs from 'pkijs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const work = join(root, 'test-output', 'bench', 'der-walk');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = option('--count', 1000);
const ROUNDS = option('--rounds', 7);

const core = join(root, 'out', 'node', 'shared');
if (!existsSync(join(core, 'x509', 'certificate.js'))) {
  console.error('bench-der: build the core first (npm run build:node).');
  process.exit(2);
}
const { parseCertificate } = await import(pathToFileURL(join(core, 'x509', 'certificate.js')).href);
const { setDigestEngine } = await import(pathToFileURL(join(core, 'crypto', 'digestEngine.js')).href);
const nodeDigest = (hash, data) => createHash(hash === 'SHA-1' ? 'sha1' : 'sha256').update(data).digest();
setDigestEngine(nodeDigest);

// ---- inputs: a few distinct shapes (RSA and EC keys, short and long SAN lists), repeated ----
function makeCertificates() {
  mkdirSync(work, { recursive: true });
  const shapes = [
    { name: 'rsa-3san', key: ['-newkey', 'rsa:2048'], san: 'DNS:ex1.contoso.com,DNS:mail.contoso.com,DNS:autodiscover.contoso.com' },
    { name: 'ec-1san', key: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], san: 'DNS:sip.contoso.com' },
    {
      name: 'rsa-40san',
      key: ['-newkey', 'rsa:2048'],
      san: Array.from({ length: 40 }, (_, i) => `DNS:host${i}.contoso.com`).join(',') + ',IP:10.0.0.1,email:admin@contoso.com',
    },
  ];
  return shapes.map(({ name, key, san }) => {
    const der = join(work, `${name}.cer`);
    if (!existsSync(der)) {
      const pem = join(work, `${name}.pem`);
      execFileSync('openssl', ['req', '-x509', ...key, '-nodes', '-keyout', join(work, `${name}.key`), '-out', pem, '-days', '365',
        '-subj', '/C=US/O=Contoso/OU=Messaging/CN=ex1.contoso.com', '-addext', `subjectAltName=${san}`,
        '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment', '-addext', 'extendedKeyUsage=serverAuth,clientAuth',
        '-addext', 'crlDistributionPoints=URI:http://pki.contoso.com/crl/issuing.crl'], { stdio: 'ignore' });
      execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', der], { stdio: 'ignore' });
    }
    return new Uint8Array(readFileSync(der));
  });
}

// ---- the two readers -------------------------------------------------------------------
async function walk(der) {
  const { model: m } = await parseCertificate(der);
  return [m.subject, m.issuer, m.serialNumber, m.notBefore, m.notAfter, m.dnsNames.length, m.keyUsage, m.extendedKeyUsage, m.isCA, m.keyAlgorithm, m.keySize, m.thumbprint, m.sha256];
}

const nameText = (name) => name.typesAndValues.map((tv) => `${tv.type}=${tv.value.valueBlock.value}`).join(', ');
const hex = (bytes) => Buffer.from(bytes).toString('hex').toUpperCase();

function viaPkijs(der) {
  const c = pkijs.Certificate.fromBER(der);
  const ext = (oid) => c.extensions?.find((e) => e.extnID === oid)?.parsedValue;
  const san = ext('2.5.29.17');
  const eku = ext('2.5.29.37');
  const bc = ext('2.5.29.19');
  const ku = ext('2.5.29.15');
  const key = c.subjectPublicKeyInfo.parsedKey;
  return [
    nameText(c.subject),
    nameText(c.issuer),
    hex(c.serialNumber.valueBlock.valueHexView),
    c.notBefore.value.toISOString(),
    c.notAfter.value.toISOString(),
    san ? san.altNames.filter((n) => n.type === 2).length : 0,
    ku ? hex(ku.valueBlock.valueHexView) : null,
    eku ? eku.keyPurposes : null,
    bc ? bc.cA : false,
    c.subjectPublicKeyInfo.algorithm.algorithmId,
    key?.modulus ? (key.modulus.valueBlock.valueHexView.length - 1) * 8 : key?.namedCurve,
    hex(nodeDigest('SHA-1', der)),
    hex(nodeDigest('SHA-256', der)),
  ];
}

// ---- timing ----------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** CPU time of one round (user + system, ms): both readers are single-threaded, and on a busy
 * machine CPU time is steadier than the wall clock. */
async function round(read, inputs) {
  const t = process.cpuUsage();
  for (const der of inputs) await read(der);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const shapes = makeCertificates();
const inputs = Array.from({ length: COUNT }, (_, i) => shapes[i % shapes.length]);
// Both must read the same facts, or the comparison says nothing.
for (const der of shapes) {
  const [x, y] = [await walk(der), viaPkijs(der)];
  const same = [5, 11, 12].every((k) => x[k] === y[k]) && x[2].replace(/^0+/, '') === y[2].replace(/^0+/, '') && new Date(x[3]).getTime() === new Date(y[3]).getTime();
  if (!same) throw new Error(`bench-der: the two readers disagree on a certificate: ${JSON.stringify([x, y])}`);
}
// Warm-up (JIT).
for (let i = 0; i < 2; i++) {
  await round(walk, inputs);
  await round(viaPkijs, inputs);
}
const ours = [];
const theirs = [];
for (let i = 0; i < ROUNDS; i++) {
  ours.push(await round(walk, inputs));
  theirs.push(await round(viaPkijs, inputs));
}
const a = median(ours);
const b = median(theirs);
const per = (ms) => `${((ms * 1000) / COUNT).toFixed(1).padStart(6)} µs/cert`;
console.log(
  `(der) decode ${COUNT.toLocaleString('en-US')} DER certificates in-process (CPU time)  DER walk ${a.toFixed(0).padStart(5)} ms (${per(a)})  pkijs ${b.toFixed(0).padStart(5)} ms (${per(b)})  pkijs / walk ${(b / a).toFixed(1)}×`,
);
