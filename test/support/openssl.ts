// Test fixture factory around the OpenSSL 3 CLI: a real tool that none of us wrote makes every
// certificate, request and container the decoder is tested against. Each test file works in its
// own temp folder (makeWorkDir) and calls `openssl` through execFileSync — never a shell string,
// and passwords travel in an environment variable, not in argv.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type KeySpec = 'rsa1024' | 'rsa2048' | 'rsa3072' | 'rsa4096' | 'ec-p256' | 'ec-p384';
export type Digest = 'sha1' | 'sha256' | 'sha384';
/** A Date or anything `new Date()` reads (ISO-8601 strongly preferred). */
export type DateInput = Date | string;
/** A new key of this kind, or an existing PEM key file to reuse. */
export type KeyInput = KeySpec | { file: string };

export class OpenSslError extends Error {
  override readonly name = 'OpenSslError';
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly status: number | null,
  ) {
    super(`openssl ${args.join(' ')} failed (exit ${status}): ${stderr.trim()}`);
  }
}

export interface RunOptions {
  input?: string | Uint8Array;
  /** Extra environment variables (merged over process.env). */
  env?: Record<string, string>;
  cwd?: string;
}

const PASSWORD_VAR = 'CERTBENCH_FIXTURE_PASSWORD';

/** Run `openssl ARGS...`, return stdout; throws OpenSslError with stderr on a non-zero exit. */
export function openssl(args: readonly string[], options: RunOptions = {}): Buffer {
  try {
    return execFileSync('openssl', [...args], {
      input: options.input,
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: Buffer | string; status?: number | null; code?: string };
    if (e.code === 'ENOENT') throw new Error('openssl is not on PATH: install OpenSSL 3 (apt-get install openssl)');
    throw new OpenSslError(args, String(e.stderr ?? ''), e.status ?? null);
  }
}

/** Run `openssl` and return stdout and stderr as text (some commands, like `pkcs12 -info`, report on stderr). */
export function opensslBoth(args: readonly string[], options: RunOptions = {}): { stdout: string; stderr: string } {
  const result = spawnSync('openssl', [...args], {
    input: options.input,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const stdout = result.stdout.toString('utf8');
  const stderr = result.stderr.toString('utf8');
  if (result.status !== 0) throw new OpenSslError(args, stderr, result.status);
  return { stdout, stderr };
}

/** Like `openssl()` but returns stdout as text. */
export function opensslText(args: readonly string[], options: RunOptions = {}): string {
  return openssl(args, options).toString('utf8');
}

/** A fresh temp folder for one test file. Remove it with removeWorkDir in afterAll. */
export function makeWorkDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `certbench-${label.replace(/[^a-z0-9]+/gi, '-')}-`));
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** `YYYYMMDDHHMMSSZ`, the form `openssl ca -startdate/-enddate` takes. */
export function opensslDate(value: DateInput): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
  return date.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** A file name that does not exist yet in `dir`, from a human label. */
function freshBase(dir: string, label: string): string {
  const slug = label.replace(/[^a-z0-9.]+/gi, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'item';
  let base = slug;
  for (let n = 2; fs.existsSync(path.join(dir, `${base}.key.pem`)) || fs.existsSync(path.join(dir, `${base}.pem`)); n++) {
    base = `${slug}-${n}`;
  }
  return base;
}

// ---------------------------------------------------------------------------------------------
// Keys

const KEY_ARGS: Record<KeySpec, string[]> = {
  rsa1024: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  rsa2048: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  rsa3072: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'],
  rsa4096: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096'],
  'ec-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-pkeyopt', 'ec_param_enc:named_curve'],
  'ec-p384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-pkeyopt', 'ec_param_enc:named_curve'],
};

/** Write a new PKCS#8 PEM key (`PRIVATE KEY`) to `file`. */
export function generateKey(file: string, spec: KeySpec): string {
  openssl(['genpkey', ...KEY_ARGS[spec], '-out', file]);
  return file;
}

function resolveKey(key: KeyInput | undefined, file: string): string {
  if (key && typeof key === 'object') {
    fs.copyFileSync(key.file, file);
    return file;
  }
  return generateKey(file, key ?? 'rsa2048');
}

// ---------------------------------------------------------------------------------------------
// Certificate authorities (`openssl ca`, so dates and serials are exactly what we ask for)

export interface Ca {
  /** Folder holding the CA database (index.txt, serial) and its config. */
  dir: string;
  cn: string;
  configFile: string;
  certPem: string;
  certDer: string;
  keyPem: string;
  /** PEM paths of this CA and its parents, nearest first (the chain to append to a leaf). */
  chain: string[];
}

export interface CreateCaOptions {
  /** Work folder (the CA gets a sub-folder named after its CN). */
  dir: string;
  cn: string;
  /** Full subject in `-subj` form; default `/O=CertBench Tests/CN=<cn>`. */
  subject?: string;
  key?: KeyInput;
  md?: Digest;
  startDate: DateInput;
  endDate: DateInput;
  /** Sign with this CA (an intermediate); absent → self-signed root. */
  parent?: Ca;
  pathLen?: number;
  /** First serial this CA hands out, hex; default derived from the CN. */
  firstSerial?: string;
  cdp?: string[];
  aiaCaIssuers?: string[];
  ocsp?: string[];
}

// preserve/-preserveDN keep the subject exactly as requested (order and every attribute);
// copy_extensions = copy lets a CSR's own extensions through where the extfile sets none.
function caConfig(dir: string): string {
  const d = dir.replace(/\\/g, '/');
  return `[ ca ]
default_ca = CA_default

[ CA_default ]
dir = ${d}
database = ${d}/index.txt
new_certs_dir = ${d}/newcerts
serial = ${d}/serial
certificate = ${d}/ca.pem
private_key = ${d}/ca.key.pem
default_md = sha256
policy = policy_any
copy_extensions = copy
unique_subject = no
preserve = yes
email_in_dn = yes
name_opt = ca_default
cert_opt = ca_default

[ policy_any ]
commonName = optional

[ req ]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes

[ req_dn ]
`;
}

function serialFromLabel(label: string): string {
  // 8 bytes, top bit clear so OpenSSL and Windows print the same digits by default.
  const bytes = createHash('sha256').update(label).digest().subarray(0, 8);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

function initCaDir(dir: string, firstSerial: string): string {
  fs.mkdirSync(path.join(dir, 'newcerts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.txt'), '');
  fs.writeFileSync(path.join(dir, 'serial'), firstSerial + '\n');
  const configFile = path.join(dir, 'openssl.cnf');
  fs.writeFileSync(configFile, caConfig(dir));
  return configFile;
}

interface ExtensionSpec {
  isCa?: boolean;
  pathLen?: number;
  san?: string[];
  eku?: string[];
  keyUsage?: string[];
  cdp?: string[];
  aiaCaIssuers?: string[];
  ocsp?: string[];
  /** Raw `name = value` lines for anything else (e.g. `1.3.6.1.4.1.311.20.2 = ASN1:BMPSTRING:WebServer`). */
  extraExtensions?: string[];
  /** Raw config sections the extra extensions refer to (e.g. `[tmpl]` for `ASN1:SEQUENCE:tmpl`). */
  extraSections?: string;
  /** Add an authorityKeyIdentifier (default true). */
  authorityKeyId?: boolean;
}

function extensionFile(file: string, spec: ExtensionSpec): string {
  const lines: string[] = ['[ ext ]'];
  if (spec.isCa) {
    lines.push(`basicConstraints = critical, CA:TRUE${spec.pathLen !== undefined ? `, pathlen:${spec.pathLen}` : ''}`);
  } else {
    lines.push('basicConstraints = critical, CA:FALSE');
  }
  const ku = spec.keyUsage ?? (spec.isCa ? ['keyCertSign', 'cRLSign'] : undefined);
  if (ku && ku.length) lines.push(`keyUsage = critical, ${ku.join(', ')}`);
  if (spec.eku && spec.eku.length) lines.push(`extendedKeyUsage = ${spec.eku.join(', ')}`);
  if (spec.san && spec.san.length) lines.push('subjectAltName = @san');
  lines.push('subjectKeyIdentifier = hash');
  if (spec.authorityKeyId !== false) lines.push('authorityKeyIdentifier = keyid');
  if (spec.cdp && spec.cdp.length) lines.push(`crlDistributionPoints = ${spec.cdp.map((u) => `URI:${u}`).join(', ')}`);
  const aia = [...(spec.ocsp ?? []).map((u) => `OCSP;URI:${u}`), ...(spec.aiaCaIssuers ?? []).map((u) => `caIssuers;URI:${u}`)];
  if (aia.length) lines.push(`authorityInfoAccess = ${aia.join(', ')}`);
  lines.push(...(spec.extraExtensions ?? []));
  if (spec.san && spec.san.length) {
    // One entry per line in a section: values may contain commas.
    lines.push('', '[ san ]');
    const counters = new Map<string, number>();
    for (const entry of spec.san) {
      const colon = entry.indexOf(':');
      if (colon < 1) throw new Error(`SAN entry needs a type prefix (DNS:, IP:, email:, URI:, otherName:): ${entry}`);
      const type = entry.slice(0, colon);
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      lines.push(`${type}.${n} = ${entry.slice(colon + 1)}`);
    }
  }
  if (spec.extraSections) lines.push('', spec.extraSections);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface SignRequest {
  configFile: string;
  csr: string;
  out: string;
  extFile: string;
  md: Digest;
  pss?: boolean;
  startDate: DateInput;
  endDate: DateInput;
  /** Self-sign with this key instead of the CA's own. */
  selfSignKey?: string;
}

function caSign(req: SignRequest): void {
  const args = [
    'ca', '-batch', '-notext', '-preserveDN',
    '-config', req.configFile,
    '-in', req.csr, '-out', req.out,
    '-md', req.md,
    '-startdate', opensslDate(req.startDate),
    '-enddate', opensslDate(req.endDate),
    '-extfile', req.extFile, '-extensions', 'ext',
  ];
  if (req.selfSignKey) args.push('-selfsign', '-keyfile', req.selfSignKey);
  if (req.pss) args.push('-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest');
  openssl(args);
}

function newRequest(configFile: string, keyFile: string, subject: string, out: string, md: Digest = 'sha256'): void {
  openssl(['req', '-new', '-config', configFile, '-key', keyFile, '-subj', subject, `-${md}`, '-out', out]);
}

function toDer(pemFile: string, derFile: string): string {
  openssl(['x509', '-in', pemFile, '-outform', 'DER', '-out', derFile]);
  return derFile;
}

export function createCa(options: CreateCaOptions): Ca {
  const caDir = path.join(options.dir, freshBase(options.dir, `ca-${options.cn}`));
  const configFile = initCaDir(caDir, options.firstSerial ?? serialFromLabel(caDir));
  const keyPem = resolveKey(options.key ?? 'rsa2048', path.join(caDir, 'ca.key.pem'));
  const subject = options.subject ?? `/O=CertBench Tests/CN=${options.cn}`;
  const csrFile = path.join(caDir, 'ca.csr.pem');
  newRequest(configFile, keyPem, subject, csrFile);
  const extFile = extensionFile(path.join(caDir, 'ca.ext.cnf'), {
    isCa: true,
    pathLen: options.pathLen,
    cdp: options.cdp,
    aiaCaIssuers: options.aiaCaIssuers,
    ocsp: options.ocsp,
  });
  const certPem = path.join(caDir, 'ca.pem');
  const common = { csr: csrFile, out: certPem, extFile, md: options.md ?? 'sha256', startDate: options.startDate, endDate: options.endDate } as const;
  if (options.parent) caSign({ ...common, configFile: options.parent.configFile });
  else caSign({ ...common, configFile, selfSignKey: keyPem });
  return {
    dir: caDir,
    cn: options.cn,
    configFile,
    certPem,
    certDer: toDer(certPem, path.join(caDir, 'ca.der')),
    keyPem,
    chain: [certPem, ...(options.parent?.chain ?? [])],
  };
}

// ---------------------------------------------------------------------------------------------
// End-entity certificates

export interface IssueOptions extends ExtensionSpec {
  /** `-subj` form, DER order: `/C=US/O=Contoso/CN=ex1.contoso.com`. */
  subject: string;
  /** Base file name; default derived from the subject. */
  name?: string;
  /** SAN entries with their type: `DNS:x`, `IP:1.2.3.4`, `email:a@b`, `URI:http://…`, `otherName:1.3.6.1.4.1.311.20.2.3;UTF8:u@c`. */
  san?: string[];
  key?: KeyInput;
  md?: Digest;
  /** RSASSA-PSS signature (the signer's key must be RSA). */
  pss?: boolean;
  startDate: DateInput;
  endDate: DateInput;
  /** Serial in hex; default the CA's next serial. */
  serial?: string;
}

export interface IssuedCert {
  certPem: string;
  certDer: string;
  keyPem: string;
  /** The subject as given (`-subj` form). */
  subject: string;
}

function labelOf(options: IssueOptions): string {
  return options.name ?? options.subject.match(/CN=([^/]*)/)?.[1] ?? 'cert';
}

/** Issue a certificate from `ca` (an `openssl ca` run with a fresh key unless one is given). */
export function issue(ca: Ca, options: IssueOptions): IssuedCert {
  const dir = path.dirname(ca.dir);
  const base = freshBase(dir, labelOf(options));
  const keyPem = resolveKey(options.key, path.join(dir, `${base}.key.pem`));
  const csrFile = path.join(dir, `${base}.csr.pem`);
  newRequest(ca.configFile, keyPem, options.subject, csrFile);
  if (options.serial) fs.writeFileSync(path.join(ca.dir, 'serial'), options.serial + '\n');
  const certPem = path.join(dir, `${base}.pem`);
  caSign({
    configFile: ca.configFile,
    csr: csrFile,
    out: certPem,
    extFile: extensionFile(path.join(dir, `${base}.ext.cnf`), options),
    md: options.md ?? 'sha256',
    pss: options.pss,
    startDate: options.startDate,
    endDate: options.endDate,
  });
  return { certPem, certDer: toDer(certPem, path.join(dir, `${base}.der`)), keyPem, subject: options.subject };
}

/** A self-signed end-entity certificate with fixed dates (`openssl ca -selfsign` in its own mini CA). */
export function selfSigned(options: IssueOptions & { dir: string }): IssuedCert {
  const base = freshBase(options.dir, labelOf(options));
  const caDir = path.join(options.dir, `${base}.selfsign`);
  const configFile = initCaDir(caDir, options.serial ?? serialFromLabel(caDir));
  const keyPem = resolveKey(options.key, path.join(options.dir, `${base}.key.pem`));
  const csrFile = path.join(caDir, 'request.pem');
  newRequest(configFile, keyPem, options.subject, csrFile);
  const certPem = path.join(options.dir, `${base}.pem`);
  caSign({
    configFile,
    csr: csrFile,
    out: certPem,
    extFile: extensionFile(path.join(caDir, 'ext.cnf'), options),
    md: options.md ?? 'sha256',
    pss: options.pss,
    startDate: options.startDate,
    endDate: options.endDate,
    selfSignKey: keyPem,
  });
  return { certPem, certDer: toDer(certPem, path.join(options.dir, `${base}.der`)), keyPem, subject: options.subject };
}

// ---------------------------------------------------------------------------------------------
// Containers and other encodings

/**
 * aes = OpenSSL 3 default (PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC);
 * legacy = `-legacy` (RC2-40 certificates, 3DES key, SHA-1 MAC, as older Windows exports);
 * 3des-sha1mac = 3DES for both parts with a SHA-1 MAC (what Windows Server 2016 can import).
 */
export type PfxProfile = 'aes' | 'legacy' | '3des-sha1mac';

export interface PfxOptions {
  out: string;
  cert: string;
  /** Omit for a certificates-only PFX. */
  key?: string;
  /** Extra certificates (PEM files) to include, e.g. a CA chain. */
  chain?: string[];
  password: string;
  profile: PfxProfile;
  /** Encryption and MAC iteration count (`-iter`), e.g. 600000. */
  iter?: number;
  friendlyName?: string;
  macalg?: Digest;
}

export function pfx(options: PfxOptions): string {
  const args = ['pkcs12', '-export', '-in', options.cert, '-out', options.out, '-passout', `env:${PASSWORD_VAR}`];
  if (options.key) args.push('-inkey', options.key);
  else args.push('-nokeys');
  if (options.chain && options.chain.length) {
    const chainFile = `${options.out}.chain.pem`;
    fs.writeFileSync(chainFile, options.chain.map((f) => fs.readFileSync(f, 'utf8')).join(''));
    args.push('-certfile', chainFile);
  }
  if (options.profile === 'legacy') args.push('-legacy');
  if (options.profile === '3des-sha1mac') args.push('-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
  if (options.macalg) args.push('-macalg', options.macalg);
  if (options.iter !== undefined) args.push('-iter', String(options.iter));
  if (options.friendlyName !== undefined) args.push('-name', options.friendlyName);
  openssl(args, { env: { [PASSWORD_VAR]: options.password } });
  return options.out;
}

/** A certs-only PKCS#7 (P7B) of `certs`, written as PEM (`out`) and DER (`out` + `.der`). */
export function p7b(certs: readonly string[], out: string): { pem: string; der: string } {
  const certArgs = certs.flatMap((c) => ['-certfile', c]);
  openssl(['crl2pkcs7', '-nocrl', ...certArgs, '-out', out]);
  const der = `${out}.der`;
  openssl(['crl2pkcs7', '-nocrl', ...certArgs, '-outform', 'DER', '-out', der]);
  return { pem: out, der };
}

export interface CsrOptions {
  out: string;
  subject: string;
  san?: string[];
  eku?: string[];
  keyUsage?: string[];
  key?: KeyInput;
  md?: Digest;
  /** Write the PEM label `NEW CERTIFICATE REQUEST` with CRLF line ends, as certreq does. */
  windowsLabel?: boolean;
}

export interface CsrFiles {
  csrPem: string;
  keyPem: string;
}

export function csr(options: CsrOptions): CsrFiles {
  const keyPem = resolveKey(options.key, `${options.out}.key.pem`);
  const configFile = `${options.out}.cnf`;
  fs.writeFileSync(configFile, '[ req ]\ndistinguished_name = req_dn\nstring_mask = utf8only\nutf8 = yes\n[ req_dn ]\n');
  const args = ['req', '-new', '-config', configFile, '-key', keyPem, '-subj', options.subject, `-${options.md ?? 'sha256'}`, '-out', options.out];
  if (options.san && options.san.length) args.push('-addext', `subjectAltName = ${options.san.join(', ')}`);
  if (options.eku && options.eku.length) args.push('-addext', `extendedKeyUsage = ${options.eku.join(', ')}`);
  if (options.keyUsage && options.keyUsage.length) args.push('-addext', `keyUsage = critical, ${options.keyUsage.join(', ')}`);
  openssl(args);
  if (options.windowsLabel) {
    const pem = fs.readFileSync(options.out, 'utf8');
    const windows = pem
      .replace('-----BEGIN CERTIFICATE REQUEST-----', '-----BEGIN NEW CERTIFICATE REQUEST-----')
      .replace('-----END CERTIFICATE REQUEST-----', '-----END NEW CERTIFICATE REQUEST-----')
      .replace(/\r?\n/g, '\r\n');
    fs.writeFileSync(options.out, windows);
  }
  return { csrPem: options.out, keyPem };
}

/**
 * The file as bare Base64 (no PEM armour), the way Exchange writes certificates and requests:
 * the first PEM block's body when the file is PEM, else the Base64 of its bytes. `lineLength`
 * wraps with CRLF (0 = one line). Written to `out` (default `<file>.b64`).
 */
export function bareBase64(file: string, options: { out?: string; lineLength?: number } = {}): string {
  const bytes = fs.readFileSync(file);
  const text = bytes.toString('latin1');
  const block = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(text);
  const base64 = block ? block[1]!.replace(/\s+/g, '') : bytes.toString('base64');
  const width = options.lineLength ?? 0;
  const body = width > 0 ? (base64.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\r\n') : base64;
  const out = options.out ?? `${file}.b64`;
  fs.writeFileSync(out, body + '\r\n');
  return out;
}

/** Concatenate files (PEM bundles). */
export function concatFiles(out: string, files: readonly string[]): string {
  fs.writeFileSync(out, files.map((f) => fs.readFileSync(f, 'utf8')).join(''));
  return out;
}

export { opensslFacts, opensslRequestFacts, opensslPfxInfo, opensslPfxCertificates } from './opensslFacts.js';
export type { CertFacts, RequestFacts, PfxInfoFacts, ExtensionBlock } from './opensslFacts.js';
