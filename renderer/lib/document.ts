// Picking "the" certificate of a file and naming what a file holds, for the documents list.
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';

/** The end-entity certificate: the one with its key, else the first that is not a CA. */
export function primaryCertificateIndex(document: DecodedDocument): number {
  const certs = document.certificates;
  if (certs.length === 0) return -1;
  const withKey = certs.findIndex((c) => c.hasPrivateKey);
  if (withKey >= 0) return withKey;
  const leaf = certs.findIndex((c) => !c.isCA);
  return leaf >= 0 ? leaf : 0;
}

const KIND_LABEL: Record<DecodedDocument['kind'], string> = {
  certificate: 'Certificate',
  bundle: 'PEM bundle',
  pkcs7: 'PKCS#7 chain',
  pkcs12: 'PFX',
  request: 'Request',
  'private-key': 'Private key',
};

export function kindLabel(document: DecodedDocument): string {
  return KIND_LABEL[document.kind] ?? document.kind;
}

export function displayName(cert: CertificateModel): string {
  return cert.commonName ?? cert.subjectAltNames.dns[0] ?? cert.subject ?? '(no subject)';
}

/** One line for the list: "ex1.contoso.com · +2 in chain". */
export function documentHeadline(document: DecodedDocument): string {
  if (document.request) return document.request.commonName ?? document.request.subject ?? '(no subject)';
  const index = primaryCertificateIndex(document);
  if (index < 0) return document.keys.length > 0 ? `${document.keys.length} private key${document.keys.length === 1 ? '' : 's'}` : 'empty';
  return displayName(document.certificates[index]!);
}

/** PEM text of a certificate from its Base64 DER. */
export function toPem(derBase64: string, label = 'CERTIFICATE'): string {
  const lines = derBase64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The issuer of `cert` among the given certificates (subject DN match, not itself). */
export function findIssuer(cert: CertificateModel, pool: readonly CertificateModel[]): CertificateModel | undefined {
  if (cert.selfSigned) return undefined;
  const byKeyId = cert.authorityKeyIdentifier
    ? pool.find((c) => c.subjectKeyIdentifier === cert.authorityKeyIdentifier && c.sha256 !== cert.sha256)
    : undefined;
  return byKeyId ?? pool.find((c) => c.subjectName.rfc4514 === cert.issuerName.rfc4514 && c.sha256 !== cert.sha256);
}

/** The chain from `cert` upwards as far as the pool allows (at most 8 links, no loops). */
export function buildChain(cert: CertificateModel, pool: readonly CertificateModel[]): CertificateModel[] {
  const chain = [cert];
  let current = cert;
  while (chain.length < 8) {
    const issuer = findIssuer(current, pool);
    if (!issuer || chain.some((c) => c.sha256 === issuer.sha256)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
