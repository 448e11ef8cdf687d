// One certificate as the chain builder sees it: parsed once with pkijs, with the keys it is
// matched by (name keys, key identifiers) and where it came from.
import * as pkijs from 'pkijs';
import { fromBase64 } from '../encoding/base64.js';
import { scanPem } from '../encoding/pemScan.js';
import { toHex } from '../encoding/hex.js';
import { buf, digest } from '../crypto/webcrypto.js';
import { nameKey, nameText } from './nameKey.js';
import type { ChainSource } from './types.js';

export interface TrustNode {
  cert: pkijs.Certificate;
  source: ChainSource;
  sha256: string;
  thumbprint: string;
  subjectKey: string;
  issuerKey: string;
  subject: string;
  issuer: string;
  ski: string | null;
  aki: string | null;
  notBefore: string;
  notAfter: string;
  isCA: boolean;
}

export async function makeNode(der: Uint8Array, source: ChainSource): Promise<TrustNode> {
  const cert = pkijs.Certificate.fromBER(buf(der));
  const [sha256, sha1] = await Promise.all([digest('SHA-256', der), digest('SHA-1', der)]);
  let ski: string | null = null;
  let aki: string | null = null;
  let isCA = false;
  for (const ext of cert.extensions ?? []) {
    try {
      if (ext.extnID === '2.5.29.14' && ext.parsedValue) ski = toHex((ext.parsedValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
      if (ext.extnID === '2.5.29.35' && ext.parsedValue) {
        const id = (ext.parsedValue as pkijs.AuthorityKeyIdentifier).keyIdentifier;
        if (id) aki = toHex(id.valueBlock.valueHexView);
      }
      if (ext.extnID === '2.5.29.19' && ext.parsedValue) isCA = !!(ext.parsedValue as pkijs.BasicConstraints).cA;
    } catch {
      // An undecodable extension only weakens matching; the signature check still decides.
    }
  }
  return {
    cert,
    source,
    sha256: toHex(sha256),
    thumbprint: toHex(sha1),
    subjectKey: nameKey(cert.subject),
    issuerKey: nameKey(cert.issuer),
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    ski,
    aki,
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    isCA,
  };
}

/** Base64 DER (as CertificateModel.der holds it) to bytes. */
export function derFromBase64(text: string): Uint8Array {
  const bytes = fromBase64(text);
  if (!bytes) throw new Error('A certificate in the chain is not valid Base64 DER.');
  return bytes;
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/** Every CERTIFICATE block of a PEM text (environment trustedRoots hold PEM). */
export function pemCertificates(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const { label, body } of scanPem(text)) {
    if (!CERTIFICATE_LABELS.has(label)) continue;
    const bytes = fromBase64(body);
    if (bytes) out.push(bytes);
  }
  // A bare Base64 DER certificate (no armour) is accepted too.
  if (out.length === 0 && /^[A-Za-z0-9+/=\s]+$/.test(text.trim()) && text.trim().length > 100) {
    const bytes = fromBase64(text);
    if (bytes) out.push(bytes);
  }
  return out;
}

/** Does `issuer` plausibly issue `child`: names match, key ids agree when both present. */
export function couldIssue(issuer: TrustNode, child: TrustNode): boolean {
  if (issuer.subjectKey !== child.issuerKey) return false;
  if (child.aki && issuer.ski && child.aki !== issuer.ski) return false;
  return true;
}

/** Verify `child`'s signature with `issuer`'s key; null when the algorithm cannot be checked here. */
export async function verifySignature(child: TrustNode, issuer: TrustNode): Promise<boolean | null> {
  try {
    return await child.cert.verify(issuer.cert);
  } catch {
    return null;
  }
}
