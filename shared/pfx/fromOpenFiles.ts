// Completing a request (or re-exporting a PFX) from the files a person has open: the key is
// paired with its certificate by public key across every open file, the chain is taken from the
// open CA certificates (issuer name → subject name, up to a self-signed root), and the PFX is
// built in the chosen profile. The app calls this; `certbench pfx` names its files instead.
import { newSecretProblem } from '../crypto/newSecret.js';
import { fromBase64 } from '../encoding/base64.js';
import type { CertificateModel } from '../model/certificate.js';
import { parseCertificate } from '../x509/certificate.js';
import { certificateBaseName } from '../x509/fileName.js';
import { buildPfx, type BuiltPfx } from './buildPfx.js';
import { keyMatchesCertificate } from './keyMatch.js';
import { PfxError } from './pfxError.js';
import type { PfxProfile } from './profiles.js';

/** A certificate of an open file, and the file it came from. */
export interface OpenCertificate {
  fileName: string;
  certificate: CertificateModel;
}

export interface PfxFromOpenFiles {
  pfx: BuiltPfx;
  /** The name to save it under: the certificate's name and the profile. */
  fileName: string;
  /** The file the certificate came from. */
  certificateFile: string;
  /** The chain certificates added, with the files they came from. */
  chain: OpenCertificate[];
}

const derOf = (c: CertificateModel): Uint8Array => {
  const der = fromBase64(c.der);
  if (!der) throw new PfxError('bad-certificate', `The certificate ${c.thumbprint} could not be read again.`);
  return der;
};

/** The open certificate the key belongs to (end-entity certificates first), or null. */
export async function certificateForKey(pkcs8: Uint8Array, open: readonly OpenCertificate[]): Promise<OpenCertificate | null> {
  const seen = new Set<string>();
  const ordered = [...open.filter((o) => !o.certificate.isCA), ...open.filter((o) => o.certificate.isCA)];
  for (const candidate of ordered) {
    if (seen.has(candidate.certificate.thumbprint)) continue;
    seen.add(candidate.certificate.thumbprint);
    const parsed = await parseCertificate(derOf(candidate.certificate));
    if (await keyMatchesCertificate(pkcs8, parsed.publicKey).catch(() => false)) return candidate;
  }
  return null;
}

/** Issuer after issuer among the open CA certificates, each once, ending at a self-signed root. */
export function chainFromOpenFiles(leaf: CertificateModel, open: readonly OpenCertificate[]): OpenCertificate[] {
  const chain: OpenCertificate[] = [];
  const used = new Set([leaf.thumbprint]);
  let current = leaf;
  while (!current.selfSigned) {
    const issuer = open.find((o) => o.certificate.isCA && !used.has(o.certificate.thumbprint) && o.certificate.subject === current.issuer);
    if (!issuer) break;
    chain.push(issuer);
    used.add(issuer.certificate.thumbprint);
    current = issuer.certificate;
  }
  return chain;
}

/** `ex1.contoso.com-legacy.pfx`: the certificate's name, the profile when legacy, nothing a file system refuses. */
export function pfxFileName(certificate: CertificateModel, profile: PfxProfile): string {
  return `${certificateBaseName(certificate).replace(/[^A-Za-z0-9._-]+/g, '_')}${profile === 'legacy' ? '-legacy' : ''}.pfx`;
}

/** Pairs the key with its open certificate, adds the open chain and builds the PFX. */
export async function pfxFromOpenFiles(input: { pkcs8: Uint8Array; open: readonly OpenCertificate[]; password: string; profile: PfxProfile }): Promise<PfxFromOpenFiles> {
  const weak = newSecretProblem(input.password, 'PFX password');
  if (weak) throw new PfxError('empty-password', weak);
  const leaf = await certificateForKey(input.pkcs8, input.open);
  if (!leaf) {
    throw new PfxError('key-mismatch', 'None of the open files holds the certificate for this key: open the certificate the CA issued for the request too.');
  }
  const chain = chainFromOpenFiles(leaf.certificate, input.open);
  const pfx = await buildPfx({
    certificate: derOf(leaf.certificate),
    chain: chain.map((c) => derOf(c.certificate)),
    pkcs8: input.pkcs8,
    password: input.password,
    profile: input.profile,
  });
  return { pfx, fileName: pfxFileName(leaf.certificate, input.profile), certificateFile: leaf.fileName, chain };
}
