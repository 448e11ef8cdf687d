// One certificate as the chain builder sees it: the CertificateModel the decoder made, with the
// keys it is matched by (name keys, key identifiers) and, read on first use, its signed parts.
import type { CertificateModel } from '../model/certificate.js';
import { scanPem } from '../encoding/pemScan.js';
import { fromBase64 } from '../encoding/base64.js';
import { chainKey, modelNameKey } from './nameKey.js';
import { signedParts, type SignedParts } from './signed.js';

export interface TrustNode {
  model: CertificateModel;
  /** chainKey of the subject and of the issuer. */
  subjectKey: string;
  issuerKey: string;
  ski: string | null;
  aki: string | null;
  /** The signed parts, read once (undefined: not read yet; null: unreadable). */
  parts?: SignedParts | null;
}

export function makeNode(model: CertificateModel): TrustNode {
  return {
    model,
    subjectKey: chainKey(model.subjectName.rfc4514),
    issuerKey: chainKey(model.issuerName.rfc4514),
    ski: model.subjectKeyIdentifier,
    aki: model.authorityKeyIdentifier,
  };
}

export function partsOf(node: TrustNode): SignedParts | null {
  if (node.parts === undefined) node.parts = signedParts(node.model.der);
  return node.parts;
}

/** The public-root list's key for this node's issuer name. */
export function issuerNameKey(node: TrustNode): string {
  return modelNameKey(node.model.issuerName);
}

/** Issuer name equals subject name: the certificate claims to be its own issuer. */
export function selfIssued(node: TrustNode): boolean {
  return node.subjectKey === node.issuerKey;
}

/** Does `issuer` plausibly issue `child`: names match, key ids agree when both present. */
export function couldIssue(issuer: TrustNode, child: TrustNode): boolean {
  if (issuer.subjectKey !== child.issuerKey) return false;
  if (child.aki && issuer.ski && child.aki !== issuer.ski) return false;
  return true;
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
