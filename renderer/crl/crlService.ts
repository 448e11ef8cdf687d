// Certificate revocation lists (.crl, PEM "X509 CRL") in the worker (issue 16.16). A CRL opens
// as a document of its own kind beside the certificates: the core reader (shared/x509/crl.ts)
// gives its issuer, this / next update and revoked serials; the details say which open
// certificates of that issuer are on it and whether an open CA certificate signed it.
import { fromBase64 } from '../../shared/encoding/base64.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { crlSignedBy, isRevoked, readCrl, type CrlModel } from '../../shared/x509/crl.js';
import type { DocumentSummary } from '../lib/documentSummary.js';
import type { DocumentDetails, OpenOutcome } from '../worker/protocol.js';
import type { BatchFile } from '../worker/service.js';
import { routeBatch } from '../worker/routeBatch.js';

/** What the Documents list and the inspector show of a CRL. */
export interface CrlSummary {
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  revokedCount: number;
}

export interface CrlDetails extends CrlSummary {
  fileName: string;
  /** Open certificates issued by the CRL's issuer that it lists as revoked. */
  revoked: { fileName: string; name: string; serialNumber: string }[];
  /** Open certificates of that issuer that it does not list. */
  notRevoked: number;
  /** The signature against an open CA certificate whose subject is the CRL's issuer. */
  signature: { status: 'valid' | 'invalid' | 'unchecked' | 'no-ca'; caFileName?: string };
}

/** The open certificates, with the file each came from (the decoder service provides them). */
export interface OpenCertificates {
  openIds(): string[];
  documents(docIds: readonly string[]): Promise<{ file: string; document: DecodedDocument }[]>;
}

const CRL_PEM = '-----BEGIN X509 CRL-----';
/** Names compared as people write them: RDNs in order, case and spacing ignored. */
const sameName = (a: string, b: string) => a.replace(/\s*,\s*/g, ',').toLowerCase() === b.replace(/\s*,\s*/g, ',').toLowerCase();

function isCrlFile(file: BatchFile): boolean {
  if (/\.crl$/i.test(file.fileName)) return true;
  const head = new TextDecoder('latin1').decode(file.bytes.subarray(0, 4096));
  return head.includes(CRL_PEM);
}

const issuerName = (issuer: string) => /(?:^|,\s*)CN=([^,]+)/.exec(issuer)?.[1] ?? issuer;

export class CrlService {
  readonly #open = new Map<string, { fileName: string; crl: CrlModel }>();
  #nextId = 1;

  constructor(private readonly certificates: OpenCertificates) {}

  /** CRLs are opened here; every other file goes to `openRest`, in the same order of answers. */
  routeBatch(files: readonly BatchFile[], openRest: (files: BatchFile[]) => Promise<OpenOutcome[]>): Promise<OpenOutcome[]> {
    return routeBatch(files, (file) => (isCrlFile(file) ? this.#openOne(file) : null), openRest);
  }

  #openOne(file: BatchFile): OpenOutcome {
    let crl: CrlModel;
    try {
      crl = readCrl(file.bytes, file.fileName);
    } catch (error) {
      return { status: 'failed', code: 'unreadable', message: `${(error as Error).message} Open a .crl file as the CA published it (DER or PEM).` };
    }
    const docId = `crl-${this.#nextId++}`;
    this.#open.set(docId, { fileName: file.fileName, crl });
    const summary: DocumentSummary = {
      kind: 'crl',
      headline: `Revocation list of ${issuerName(crl.issuer)}`,
      certificates: [],
      request: null,
      keyCount: 0,
      hasPrivateKey: false,
      primaryIndex: -1,
      crl: { issuer: crl.issuer, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate, revokedCount: crl.revokedSerials.length },
    };
    return { status: 'opened', docId, summary };
  }

  owns(docId: string): boolean {
    return this.#open.has(docId);
  }

  close(docId: string): void {
    this.#open.delete(docId);
  }

  /** The inspector's model for a CRL document: its kind, no certificates (the CRL panel asks `details`). */
  inspectorModel(docId: string): DocumentDetails {
    if (!this.#open.has(docId)) throw new Error('That file is no longer open.');
    return { document: { kind: 'crl', encoding: 'der', certificates: [], keys: [], hasPrivateKey: false, notes: [] }, chain: [], trust: null };
  }

  async details(docId: string): Promise<CrlDetails> {
    const entry = this.#open.get(docId);
    if (!entry) throw new Error('That CRL is no longer open.');
    const { crl, fileName } = entry;
    const open = await this.certificates.documents(this.certificates.openIds());
    const all: { file: string; cert: CertificateModel }[] = open.flatMap(({ file, document }) => document.certificates.map((cert) => ({ file, cert })));
    const issued = all.filter(({ cert }) => sameName(cert.issuer, crl.issuer) && !cert.selfSigned);
    const revoked = issued.filter(({ cert }) => isRevoked(crl, cert.serialNumber));
    let signature: CrlDetails['signature'] = { status: 'no-ca' };
    for (const { file, cert } of all.filter(({ cert }) => sameName(cert.subject, crl.issuer))) {
      const der = fromBase64(cert.der);
      if (!der) continue;
      const valid = await crlSignedBy(crl, der);
      signature = { status: valid === null ? 'unchecked' : valid ? 'valid' : 'invalid', caFileName: file };
      if (valid) break;
    }
    return {
      fileName,
      issuer: crl.issuer,
      thisUpdate: crl.thisUpdate,
      nextUpdate: crl.nextUpdate,
      revokedCount: crl.revokedSerials.length,
      revoked: revoked.map(({ file, cert }) => ({ fileName: file, name: cert.commonName ?? cert.subject, serialNumber: cert.serialNumber })),
      notRevoked: issued.length - revoked.length,
      signature,
    };
  }
}
