// Chain building for an estate, fast. The common case in a snapshot is a certificate whose
// issuer is nowhere to be found (the servers' stores list end-entity certificates, not their
// CAs): shared/trust's buildTrust then parses it with pkijs and hashes it again only to answer
// "incomplete". This answers that case from the decoded model with exactly buildTrust's result
// (test/estate/quickTrust.test.ts compares the two on real certificates) and leaves every
// other case — self-issued, an issuer among the estate or the trust anchors, a public root
// known by name — to buildTrust itself.
import type { CertificateModel, DistinguishedName } from '../model/certificate.js';
import { buildTrust } from '../trust/buildTrust.js';
import { normalizeNameValue } from '../trust/nameKey.js';
import { publicRootForIssuer } from '../trust/publicRoots.js';
import type { TrustResult } from '../trust/types.js';

/** buildTrust's name key (OIDs and normalised values in DER order), from the decoded model. Null when a value is not text. */
export function modelNameKey(name: DistinguishedName): string | null {
  const parts: string[] = [];
  for (const rdn of name.rdns) {
    for (const a of rdn) {
      if (a.value.startsWith('#')) return null;
      parts.push(`${a.oid}=${normalizeNameValue(a.value)}`);
    }
  }
  return parts.join(',');
}

export interface EstateTrustInput {
  /** Every certificate of the estate and the open files: possible issuers. */
  pool: readonly CertificateModel[];
  trustCertificates: readonly CertificateModel[];
  at: Date;
}

export class EstateTrust {
  private readonly bySubjectKey = new Map<string, CertificateModel[]>();
  private readonly anchorKeys = new Set<string | null>();
  private readonly anchorThumbprints: Set<string>;
  private readonly cache = new Map<string, Promise<TrustResult>>();

  constructor(private readonly input: EstateTrustInput) {
    for (const c of input.pool) {
      const key = modelNameKey(c.subjectName);
      if (key !== null) this.bySubjectKey.set(key, [...(this.bySubjectKey.get(key) ?? []), c]);
    }
    for (const c of input.trustCertificates) this.anchorKeys.add(modelNameKey(c.subjectName));
    this.anchorThumbprints = new Set(input.trustCertificates.map((c) => c.thumbprint));
  }

  /** The chain of one certificate, built once per thumbprint. */
  trustOf(m: CertificateModel): Promise<TrustResult> {
    let t = this.cache.get(m.thumbprint);
    if (!t) {
      t = this.build(m);
      this.cache.set(m.thumbprint, t);
    }
    return t;
  }

  private build(m: CertificateModel): Promise<TrustResult> {
    const issuerKey = modelNameKey(m.issuerName);
    const subjectKey = modelNameKey(m.subjectName);
    const candidates = issuerKey === null ? [] : (this.bySubjectKey.get(issuerKey) ?? []).filter((c) => c.thumbprint !== m.thumbprint);
    const unknownIssuer =
      issuerKey !== null &&
      subjectKey !== null &&
      issuerKey !== subjectKey &&
      candidates.length === 0 &&
      !this.anchorKeys.has(issuerKey) &&
      !this.anchorKeys.has(null) &&
      !this.anchorThumbprints.has(m.thumbprint) &&
      !publicRootForIssuer(issuerKey, m.authorityKeyIdentifier);
    if (unknownIssuer) return Promise.resolve(incomplete(m));
    return buildTrust(m, { fileCertificates: candidates, trustCertificates: [...this.input.trustCertificates], at: this.input.at });
  }
}

/** What buildTrust answers for a certificate whose issuer is nowhere: the leaf alone, incomplete. */
function incomplete(m: CertificateModel): TrustResult {
  return {
    status: 'incomplete',
    anchor: null,
    publicCa: false,
    chain: [
      {
        subject: m.subject,
        issuer: m.issuer,
        sha256: m.sha256,
        thumbprint: m.thumbprint,
        source: 'file',
        selfSigned: false,
        signatureVerified: null,
        // buildTrust writes Date.toISOString() (milliseconds included).
        notBefore: new Date(m.notBefore).toISOString(),
        notAfter: new Date(m.notAfter).toISOString(),
      },
    ],
    selfSigned: false,
    selfSignatureVerified: null,
    problems: [],
  };
}
