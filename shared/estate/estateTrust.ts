// The chains of an estate, built like `check` builds a batch's (issue 18 item 2): one
// shared/trust ChainIndex per audit, made from the models the audit has already decoded — every
// certificate of the snapshot and of the open files as a possible issuer, the trusted CA files
// as anchors — and one SignatureCache with it, so a CA that issued every certificate of 50
// servers has its own signature (and its issuer's) checked once, not once per certificate.
// Each certificate's chain is built once (by thumbprint), however many servers bind it.
import type { CertificateModel } from '../model/certificate.js';
import { trustOf } from '../trust/buildTrust.js';
import { ChainIndex } from '../trust/chainIndex.js';
import type { TrustResult } from '../trust/types.js';

export interface EstateTrustInput {
  /** Every certificate of the estate and the open files: possible issuers. */
  pool: readonly CertificateModel[];
  /** Trusted CA files (the audit's trusted roots): anchors. */
  trustCertificates: readonly CertificateModel[];
  /** Validity of the CA certificates is judged at this time. */
  at: Date;
}

/**
 * The estate is one origin: an issuer found among its certificates is the chain's 'file' link,
 * as it was when each certificate's issuers were handed to buildTrust as its file's.
 */
const ESTATE_ORIGIN = 'estate';

export class EstateTrust {
  readonly #cache = new Map<string, Promise<TrustResult>>();

  private constructor(
    private readonly index: ChainIndex,
    private readonly at: Date,
  ) {}

  /** The index of one estate snapshot: built once, from models already decoded (none decoded again). */
  static async of(input: EstateTrustInput): Promise<EstateTrust> {
    const index = await ChainIndex.withAnchors({ trustCertificates: input.trustCertificates });
    for (const c of input.pool) index.addModel(c, ESTATE_ORIGIN);
    return new EstateTrust(index, input.at);
  }

  /** The chain of one certificate, built once per thumbprint. */
  trustOf(m: CertificateModel): Promise<TrustResult> {
    let t = this.#cache.get(m.thumbprint);
    if (!t) {
      t = trustOf(m, this.index, { origin: ESTATE_ORIGIN, at: this.at });
      this.#cache.set(m.thumbprint, t);
    }
    return t;
  }
}
