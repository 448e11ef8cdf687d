// What OpenSSL itself says about a certificate, request or PFX, parsed into plain facts the
// acceptance tests compare the decoder's models with. Every fact comes from an `openssl` run.
import fs from 'node:fs';
import { opensslBoth, opensslText } from './openssl.js';

export interface ExtensionBlock {
  /** As OpenSSL prints it: `X509v3 Subject Alternative Name`, `Authority Information Access`, or an OID. */
  name: string;
  critical: boolean;
  /** The value lines, trimmed. */
  lines: string[];
}

export interface SanFacts {
  dns: string[];
  ip: string[];
  email: string[];
  uri: string[];
  /** `othername: UPN::x` entries, as the UPN value. */
  upn: string[];
  /** Everything else, as printed. */
  other: string[];
}

export interface CertFacts {
  /** 40 upper hex, no colons. */
  sha1: string;
  /** 64 upper hex, no colons. */
  sha256: string;
  /** As `openssl x509 -serial` prints it (upper hex, leading zero bytes stripped). */
  serial: string;
  /** `-nameopt RFC2253`. */
  subject: string;
  issuer: string;
  /** ISO-8601 UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  notBefore: string;
  notAfter: string;
  version: number;
  /** `rsaEncryption`, `id-ecPublicKey`, … */
  publicKeyAlgorithm: string;
  keyBits: number;
  /** `P-256` etc. for EC keys. */
  curve: string | null;
  /** RSA public exponent, decimal. */
  exponent: string | null;
  /** The signature algorithm name exactly as OpenSSL prints it. */
  signatureAlgorithm: string;
  san: SanFacts;
  /** SAN DNS entries in certificate order. */
  dnsNames: string[];
  basicConstraints: { critical: boolean; ca: boolean; pathLength: number | null } | null;
  /** OpenSSL's words: `Digital Signature`, `Key Encipherment`, … */
  keyUsage: { critical: boolean; usages: string[] } | null;
  /** OpenSSL's words (`TLS Web Server Authentication`) or dotted OIDs for unnamed ones. */
  extendedKeyUsage: { critical: boolean; usages: string[] } | null;
  crlDistributionPoints: string[];
  ocsp: string[];
  caIssuers: string[];
  /** Upper hex, no colons. */
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  extensions: ExtensionBlock[];
  /** The full `-text` dump, for anything not parsed above. */
  text: string;
}

export interface RequestFacts {
  subject: string;
  publicKeyAlgorithm: string;
  keyBits: number;
  curve: string | null;
  signatureAlgorithm: string;
  san: SanFacts;
  dnsNames: string[];
  keyUsage: { critical: boolean; usages: string[] } | null;
  extendedKeyUsage: { critical: boolean; usages: string[] } | null;
  extensions: ExtensionBlock[];
  /** `openssl req -verify` accepted the self-signature. */
  signatureValid: boolean;
  text: string;
}

/** One part of a PFX as `openssl pkcs12 -info` reports it. */
export interface PfxInfoFacts {
  /** `sha256`, `sha1`, … */
  mac: string;
  macIterations: number;
  /** In file order: `PKCS7 Encrypted data: …` (certificates) then `Shrouded Keybag: …` (key). */
  parts: { part: 'certificates' | 'key'; algorithm: string; iterations: number }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Jan  1 00:00:00 2017 GMT` → `2017-01-01T00:00:00Z`. */
export function opensslTimeToIso(text: string): string {
  const m = /^([A-Z][a-z]{2})\s+(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)? (\d{4}) GMT$/.exec(text.trim());
  if (!m) throw new Error(`unexpected OpenSSL time: ${text}`);
  const month = MONTHS.indexOf(m[1]!) + 1;
  const pad = (s: string | number) => String(s).padStart(2, '0');
  return `${m[6]}-${pad(month)}-${pad(m[2]!)}T${m[3]}:${m[4]}:${m[5]}Z`;
}

function colonHexToUpper(text: string): string {
  return text.replace(/[:\s]/g, '').toUpperCase();
}

function inform(file: string): string[] {
  const head = fs.readFileSync(file).subarray(0, 1);
  return head[0] === 0x30 ? ['-inform', 'DER'] : [];
}

/** `key=value` lines from `openssl x509 -noout -X -Y ...`. */
function valueLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) out.set(line.slice(0, eq).trim(), line.slice(eq + 1));
  }
  return out;
}

/** `sha1 Fingerprint=AB:CD:…` (OpenSSL prints the digest name in either case) → `ABCD…`. */
function fingerprint(text: string): string {
  const m = /Fingerprint=([0-9A-F:]+)/i.exec(text);
  if (!m) throw new Error(`no fingerprint in OpenSSL output: ${text}`);
  return colonHexToUpper(m[1]!);
}

/** Parse the extension blocks after `X509v3 extensions:` / `Requested Extensions:`. */
export function parseExtensionBlocks(text: string): ExtensionBlock[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*(X509v3 extensions|Requested Extensions):\s*$/.test(l));
  if (start < 0) return [];
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const headerIndent = indentOf(lines[start]!) + 4;
  const blocks: ExtensionBlock[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    if (indent < headerIndent) break;
    if (indent === headerIndent) {
      const m = /^\s*(.+?):\s*(critical)?\s*$/.exec(line);
      blocks.push({ name: m ? m[1]! : line.trim(), critical: Boolean(m?.[2]), lines: [] });
    } else if (blocks.length) {
      blocks[blocks.length - 1]!.lines.push(line.trim());
    }
  }
  return blocks;
}

function block(blocks: ExtensionBlock[], name: string): ExtensionBlock | undefined {
  return blocks.find((b) => b.name === name);
}

function commaList(b: ExtensionBlock | undefined): string[] {
  if (!b) return [];
  return b.lines
    .join(', ')
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseSan(b: ExtensionBlock | undefined): SanFacts {
  const san: SanFacts = { dns: [], ip: [], email: [], uri: [], upn: [], other: [] };
  // Entries are `, `-separated; values of our fixtures never contain `, `.
  for (const entry of (b?.lines ?? []).join(', ').split(', ').filter(Boolean)) {
    if (entry.startsWith('DNS:')) san.dns.push(entry.slice(4));
    else if (entry.startsWith('IP Address:')) san.ip.push(entry.slice(11));
    else if (entry.startsWith('email:')) san.email.push(entry.slice(6));
    else if (entry.startsWith('URI:')) san.uri.push(entry.slice(4));
    else if (entry.startsWith('othername: UPN::')) san.upn.push(entry.slice(16));
    else san.other.push(entry);
  }
  return san;
}

function keyFacts(text: string): { publicKeyAlgorithm: string; keyBits: number; curve: string | null; exponent: string | null } {
  return {
    publicKeyAlgorithm: /Public Key Algorithm: (\S+)/.exec(text)?.[1] ?? 'unknown',
    keyBits: Number(/Public-Key: \((\d+) bit\)/.exec(text)?.[1] ?? 0),
    curve: /NIST CURVE: (\S+)/.exec(text)?.[1] ?? null,
    exponent: /Exponent: (\d+)/.exec(text)?.[1] ?? null,
  };
}

function usageFacts(b: ExtensionBlock | undefined): { critical: boolean; usages: string[] } | null {
  return b ? { critical: b.critical, usages: commaList(b) } : null;
}

/** Run OpenSSL on a certificate file (PEM or DER; the first certificate of a PEM file). */
export function opensslFacts(certPath: string): CertFacts {
  const fmt = inform(certPath);
  const base = ['x509', '-noout', ...fmt, '-in', certPath];
  const text = opensslText([...base, '-text']);
  const sha1 = fingerprint(opensslText([...base, '-fingerprint', '-sha1']));
  const sha256 = fingerprint(opensslText([...base, '-fingerprint', '-sha256']));
  const v = valueLines(
    opensslText([...base, '-nameopt', 'RFC2253', '-serial', '-subject', '-issuer', '-startdate', '-enddate']),
  );
  const blocks = parseExtensionBlocks(text);
  const san = parseSan(block(blocks, 'X509v3 Subject Alternative Name'));
  const bc = block(blocks, 'X509v3 Basic Constraints');
  const bcText = bc?.lines.join(', ') ?? '';
  const cdp = block(blocks, 'X509v3 CRL Distribution Points');
  const aia = block(blocks, 'Authority Information Access');
  const ski = block(blocks, 'X509v3 Subject Key Identifier');
  const aki = block(blocks, 'X509v3 Authority Key Identifier');
  const akiLine = aki?.lines.find((l) => /^(keyid:)?[0-9A-F]{2}(:[0-9A-F]{2})+$/i.test(l));
  return {
    sha1,
    sha256,
    serial: (v.get('serial') ?? '').toUpperCase(),
    subject: v.get('subject') ?? '',
    issuer: v.get('issuer') ?? '',
    notBefore: opensslTimeToIso(v.get('notBefore') ?? ''),
    notAfter: opensslTimeToIso(v.get('notAfter') ?? ''),
    version: Number(/Version: (\d+)/.exec(text)?.[1] ?? 0),
    ...keyFacts(text),
    signatureAlgorithm: /Signature Algorithm: (\S+)/.exec(text)?.[1] ?? 'unknown',
    san,
    dnsNames: san.dns,
    basicConstraints: bc
      ? {
          critical: bc.critical,
          ca: /CA:TRUE/.test(bcText),
          pathLength: /pathlen:(\d+)/.test(bcText) ? Number(/pathlen:(\d+)/.exec(bcText)![1]) : null,
        }
      : null,
    keyUsage: usageFacts(block(blocks, 'X509v3 Key Usage')),
    extendedKeyUsage: usageFacts(block(blocks, 'X509v3 Extended Key Usage')),
    crlDistributionPoints: (cdp?.lines ?? []).filter((l) => l.startsWith('URI:')).map((l) => l.slice(4)),
    ocsp: (aia?.lines ?? []).filter((l) => l.startsWith('OCSP - URI:')).map((l) => l.slice(11)),
    caIssuers: (aia?.lines ?? []).filter((l) => l.startsWith('CA Issuers - URI:')).map((l) => l.slice(17)),
    subjectKeyIdentifier: ski?.lines[0] ? colonHexToUpper(ski.lines[0]) : null,
    authorityKeyIdentifier: akiLine ? colonHexToUpper(akiLine.replace(/^keyid:/, '')) : null,
    extensions: blocks,
    text,
  };
}

/** Run OpenSSL on a PKCS#10 request (PEM, including the `NEW CERTIFICATE REQUEST` label, or DER). */
export function opensslRequestFacts(csrPath: string): RequestFacts {
  const fmt = inform(csrPath);
  const base = ['req', '-noout', ...fmt, '-in', csrPath];
  const text = opensslText([...base, '-text']);
  const subject = valueLines(opensslText([...base, '-subject', '-nameopt', 'RFC2253'])).get('subject') ?? '';
  // OpenSSL 3.0 exits 0 either way; the verdict is a line on stderr.
  const verify = opensslBoth([...base, '-verify']);
  const signatureValid = /verify OK/.test(verify.stderr + verify.stdout);
  const blocks = parseExtensionBlocks(text);
  const san = parseSan(block(blocks, 'X509v3 Subject Alternative Name'));
  return {
    subject,
    ...keyFacts(text),
    signatureAlgorithm: /Signature Algorithm: (\S+)/.exec(text)?.[1] ?? 'unknown',
    san,
    dnsNames: san.dns,
    keyUsage: usageFacts(block(blocks, 'X509v3 Key Usage')),
    extendedKeyUsage: usageFacts(block(blocks, 'X509v3 Extended Key Usage')),
    extensions: blocks,
    signatureValid,
    text,
  };
}

const PFX_PASSWORD_VAR = 'CERTBENCH_FIXTURE_PASSWORD';

/** `openssl pkcs12 -info -noout` (with `-legacy`, so RC2-40 files open too). */
export function opensslPfxInfo(file: string, password: string): PfxInfoFacts {
  // -info reports the MAC and the bag algorithms on stderr.
  const { stdout, stderr } = opensslBoth(['pkcs12', '-legacy', '-info', '-noout', '-in', file, '-passin', `env:${PFX_PASSWORD_VAR}`], {
    env: { [PFX_PASSWORD_VAR]: password },
  });
  return parsePfxInfo(stderr + '\n' + stdout);
}

export function parsePfxInfo(text: string): PfxInfoFacts {
  const mac = /MAC: (\S+), Iteration (\d+)/.exec(text);
  const parts: PfxInfoFacts['parts'] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(PKCS7 Encrypted data|Shrouded Keybag): (.+?), Iteration (\d+)/.exec(line);
    if (m) parts.push({ part: m[1] === 'Shrouded Keybag' ? 'key' : 'certificates', algorithm: m[2]!, iterations: Number(m[3]) });
  }
  return { mac: mac?.[1] ?? 'none', macIterations: Number(mac?.[2] ?? 0), parts };
}

/** The certificates of a PFX as PEM blocks, via `openssl pkcs12 -legacy -nokeys`. */
export function opensslPfxCertificates(file: string, password: string): string[] {
  const pem = opensslText(['pkcs12', '-legacy', '-nokeys', '-in', file, '-passin', `env:${PFX_PASSWORD_VAR}`], {
    env: { [PFX_PASSWORD_VAR]: password },
  });
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}
