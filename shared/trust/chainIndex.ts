// The certificates a batch can build chains from, indexed once: every certificate of every file
// checked (or open) together, the trusted CA files (--trust) and the environment's trusted
// roots. Filed under the subject name, so finding an issuer is one lookup, not a pass over the
// batch; each certificate is a node once, and every signature is checked once (SignatureCache).
// Entries may be lazy (the app's worker keeps listings of thousands of open files and loads a
// model only when it is a candidate issuer).
import type { CertificateModel } from '../model/certificate.js';
import { parseCertificate } from '../x509/certificate.js';
import { chainKey } from './nameKey.js';
import { makeNode, pemCertificates, type TrustNode } from './node.js';
import { SignatureCache } from './signatures.js';

export type AnchorSource = 'trust-file' | 'environment';

/** One certificate as the index knows it before it is needed. */
export interface IndexEntry {
  /** SHA-1 thumbprint: the same certificate in several files is one entry. */
  thumbprint: string;
  /** RFC 4514 subject (CertificateModel.subjectName.rfc4514 or the listing's subjectKey). */
  subjectRfc4514: string;
  subjectKeyIdentifier: string | null;
  /** Which file (any id the caller chooses) and the name to show for it. */
  origin: string;
  fileName?: string;
  load(): CertificateModel | Promise<CertificateModel>;
}

/** A certificate of the index with everything known about where it is. */
export interface IndexedCertificate {
  thumbprint: string;
  ski: string | null;
  anchor: AnchorSource | null;
  /** origin → file name. */
  origins: Map<string, string | undefined>;
  load(): CertificateModel | Promise<CertificateModel>;
  node?: TrustNode;
}

export interface AnchorInput {
  /** Certificates from trusted CA files (--trust). */
  trustCertificates?: readonly CertificateModel[];
  /** The environment's trusted roots (PEM text). */
  environmentRoots?: readonly string[];
}

export class ChainIndex {
  readonly signatures = new SignatureCache();
  readonly #bySubject = new Map<string, IndexedCertificate[]>();
  readonly #byThumbprint = new Map<string, IndexedCertificate>();

  /** An index of the anchors; add the batch's certificates with addModel / addEntry. */
  static async withAnchors(input: AnchorInput): Promise<ChainIndex> {
    const index = new ChainIndex();
    for (const model of input.trustCertificates ?? []) index.#add(entryOf(model, '', undefined), 'trust-file');
    for (const pem of input.environmentRoots ?? []) {
      for (const der of pemCertificates(pem)) {
        try {
          index.#add(entryOf((await parseCertificate(der)).model, '', undefined), 'environment');
        } catch {
          // An unreadable root cannot be an issuer; the environment validator names it.
        }
      }
    }
    return index;
  }

  /** A certificate of the batch, from the file `origin`. */
  addModel(model: CertificateModel, origin: string, fileName?: string): void {
    this.#add(entryOf(model, origin, fileName), null);
  }

  addEntry(entry: IndexEntry): void {
    this.#add(entry, null);
  }

  /** What the index knows of this certificate (by SHA-1 thumbprint). */
  entry(thumbprint: string): IndexedCertificate | undefined {
    return this.#byThumbprint.get(thumbprint);
  }

  /** The certificates filed under this chain key (chainKey of an RFC 4514 name). */
  named(key: string): readonly IndexedCertificate[] {
    return this.#bySubject.get(key) ?? [];
  }

  /** The node of an indexed certificate, made on first use. */
  async nodeOf(cert: IndexedCertificate): Promise<TrustNode> {
    if (!cert.node) cert.node = makeNode(await cert.load());
    return cert.node;
  }

  #add(entry: IndexEntry, anchor: AnchorSource | null): void {
    const known = this.#byThumbprint.get(entry.thumbprint);
    if (known) {
      // The same certificate given as trusted outranks its copy in a file; --trust outranks the environment.
      if (anchor && !known.anchor) known.anchor = anchor;
      if (entry.origin && !known.origins.has(entry.origin)) known.origins.set(entry.origin, entry.fileName);
      return;
    }
    const cert: IndexedCertificate = {
      thumbprint: entry.thumbprint,
      ski: entry.subjectKeyIdentifier,
      anchor,
      origins: new Map(entry.origin ? [[entry.origin, entry.fileName]] : []),
      load: entry.load,
    };
    this.#byThumbprint.set(entry.thumbprint, cert);
    const key = chainKey(entry.subjectRfc4514);
    const list = this.#bySubject.get(key);
    if (list) list.push(cert);
    else this.#bySubject.set(key, [cert]);
  }
}

function entryOf(model: CertificateModel, origin: string, fileName: string | undefined): IndexEntry {
  return {
    thumbprint: model.thumbprint,
    subjectRfc4514: model.subjectName.rfc4514,
    subjectKeyIdentifier: model.subjectKeyIdentifier,
    origin,
    ...(fileName !== undefined ? { fileName } : {}),
    load: () => model,
  };
}
