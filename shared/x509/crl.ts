// A certificate revocation list (RFC 5280 §5), read for the workbench: who issued it, when it
// was made and when the next one is due, how many serials it revokes, whether a given
// certificate is among them, and whether an open CA certificate signed it. PEM ("X509 CRL") or DER.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifySignature } from '../crypto/verifySignature.js';
import { pemBlocks } from '../csr/pem.js';

export interface CrlModel {
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  /** Revoked serial numbers, upper-case hex without leading zero bytes. */
  revokedSerials: string[];
  /** What is signed and how, to check it against a CA later. */
  signed: { tbs: Uint8Array; signature: Uint8Array; algorithmOid: string };
}

const HASH_OF: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase().replace(/^(00)+(?=.)/, '');

function nameText(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '0.9.2342.19200300.100.1.25': 'DC' };
  return [...name.typesAndValues].reverse().map((tv) => `${short[tv.type] ?? tv.type}=${(tv.value as { valueBlock: { value: string } }).valueBlock.value}`).join(', ');
}

/** Reads a CRL; throws an Error with one sentence naming the file when it is not one. */
export function readCrl(bytes: Uint8Array, fileName: string): CrlModel {
  let der = bytes;
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (text.includes('-----BEGIN')) {
    const block = pemBlocks(new TextDecoder('latin1').decode(bytes)).find((b) => b.label === 'X509 CRL');
    if (!block) throw new Error(`${fileName} holds no X509 CRL block.`);
    der = block.der;
  }
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new Error(`${fileName} is not a certificate revocation list (not DER).`);
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = new pkijs.CertificateRevocationList({ schema: parsed.result });
  } catch {
    throw new Error(`${fileName} is not a certificate revocation list.`);
  }
  return {
    issuer: nameText(crl.issuer),
    thisUpdate: crl.thisUpdate.value.toISOString(),
    nextUpdate: crl.nextUpdate ? crl.nextUpdate.value.toISOString() : null,
    revokedSerials: (crl.revokedCertificates ?? []).map((r) => hex(new Uint8Array(r.userCertificate.valueBlock.valueHexView))),
    signed: { tbs: new Uint8Array(crl.tbsView), signature: new Uint8Array(crl.signatureValue.valueBlock.valueHexView), algorithmOid: crl.signatureAlgorithm.algorithmId },
  };
}

/** Is the certificate with this serial (hex, any case, leading zeros allowed) on the list? */
export function isRevoked(crl: CrlModel, serialHex: string): boolean {
  const want = serialHex.replace(/[^0-9A-Fa-f]/g, '').toUpperCase().replace(/^(00)+(?=.)/, '');
  return crl.revokedSerials.includes(want);
}

/** Did the CA with this certificate (DER) sign the CRL? null: the algorithm cannot be checked here. */
export async function crlSignedBy(crl: CrlModel, caCertificateDer: Uint8Array): Promise<boolean | null> {
  const ca = new pkijs.Certificate({ schema: asn1js.fromBER(caCertificateDer).result });
  const spki = new Uint8Array(ca.subjectPublicKeyInfo.toSchema().toBER(false));
  const curveOid = (ca.subjectPublicKeyInfo.algorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined)?.valueBlock?.toString();
  const curve = curveOid === '1.2.840.10045.3.1.7' ? 'P-256' : curveOid === '1.3.132.0.34' ? 'P-384' : curveOid === '1.3.132.0.35' ? 'P-521' : undefined;
  return verifySignature({ algorithmOid: crl.signed.algorithmOid, hash: HASH_OF[crl.signed.algorithmOid] ?? null, spki, data: crl.signed.tbs, signature: crl.signed.signature, ...(curve ? { curve } : {}) });
}
