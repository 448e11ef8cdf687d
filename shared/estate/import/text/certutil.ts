// `certutil -store my` and `certutil -dump` text: one block per certificate (`====
// Certificate N ====`), `Cert Hash(sha1):` as 40 hex or spaced pairs, and the key lines
// (`Provider = …`, `Key Container = …`, `Private key is NOT exportable`, test results) that
// tell which CSP / KSP holds the key — what Exchange OWA/ECP and Lync care about.
import { newRecord, setField, type PsRecord } from '../types.js';
import type { PasteLine } from './cleanPaste.js';

const BLOCK = /^=+\s*Certificate\s+\d+\s*=+$/i;
const FIELDS: [RegExp, string][] = [
  [/^Serial Number:\s*(.*)$/i, 'SerialNumber'],
  [/^Issuer:\s*(.*)$/i, 'Issuer'],
  [/^NotBefore:\s*(.*)$/i, 'NotBefore'],
  [/^NotAfter:\s*(.*)$/i, 'NotAfter'],
  [/^Subject:\s*(.*)$/i, 'Subject'],
  [/^Cert Hash\(sha1\):\s*(.*)$/i, 'Thumbprint'],
  [/^Provider\s*=\s*(.*)$/i, 'Provider'],
  [/^Key Container\s*=\s*(.*)$/i, 'KeyContainer'],
  [/^(?:Template|Certificate Template Name \(Certificate Type\)):\s*(.*)$/i, 'Template'],
];

/** The text looks like certutil output. */
export function looksLikeCertutil(text: string): boolean {
  return /^\s*=+\s*Certificate\s+\d+\s*=+\s*$/im.test(text) || /^\s*Cert Hash\(sha1\):/im.test(text);
}

export function readCertutil(lines: PasteLine[]): PsRecord[] {
  const records: PsRecord[] = [];
  let current: PsRecord | null = null;
  let pendingName: string | null = null; // -dump prints Issuer:/Subject: with the DN on the next line
  const dns: string[] = [];
  const flush = () => {
    if (current && current.fields.size > 0) {
      if (dns.length) setField(current, 'DnsNameList', [...dns]);
      records.push(current);
    }
    current = null;
    dns.length = 0;
  };
  for (const l of lines) {
    const t = l.text.trim();
    if (BLOCK.test(t)) {
      flush();
      current = newRecord(['certutil'], l.line);
      continue;
    }
    if (t === '') continue;
    current ??= newRecord(['certutil'], l.line);
    const rec: PsRecord = current;
    if (pendingName) {
      if (/^[A-Za-z.0-9]+=/.test(t) && !/^(DNS Name|Name Hash)/i.test(t)) setField(rec, pendingName, t);
      pendingName = null;
    }
    const field = FIELDS.find(([re]) => re.test(t));
    if (field) {
      const value = field[0].exec(t)![1]!.trim();
      if (value === '' && (field[1] === 'Issuer' || field[1] === 'Subject')) pendingName = field[1];
      else if (!(field[1] === 'Thumbprint' && rec.fields.has('thumbprint'))) setField(rec, field[1], value);
      continue;
    }
    const dnsName = /^DNS Name=(.+)$/i.exec(t);
    if (dnsName) dns.push(dnsName[1]!.trim());
    if (/^Private key is NOT exportable/i.test(t)) setField(rec, 'PrivateKeyExportable', 'False');
    if (/^(Encryption|Signature) test passed/i.test(t)) setField(rec, 'HasPrivateKey', 'True');
    if (/Missing stored keyset|No key provider information|Cannot find the certificate and private key/i.test(t)) setField(rec, 'HasPrivateKey', 'False');
    if (/^Root Certificate: Subject matches Issuer/i.test(t)) setField(rec, 'IsSelfSigned', 'True');
    if (/^Non-root Certificate/i.test(t)) setField(rec, 'IsSelfSigned', 'False');
  }
  flush();
  return records.filter((r) => r.fields.has('thumbprint') || r.fields.has('serialnumber'));
}
