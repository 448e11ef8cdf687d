// The chain index of the app's open files: every open certificate (lazy, as a candidate issuer
// only), the certificates of the files the user marked trusted for this session as trust
// anchors — passed exactly where the CLI's check passes its trusted-CA files
// (ChainIndex.withAnchors' trustCertificates) — and the environment's trusted roots.
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { ChainIndex } from '../../shared/trust/chainIndex.js';
import type { OpenEntry } from './serviceTypes.js';

export interface OpenChainInput {
  open: ReadonlyMap<string, OpenEntry>;
  model(docId: string, entry: OpenEntry): Promise<DecodedDocument>;
  environmentRoots: readonly string[];
  /** Open files the user trusts for checks in this session (docIds); closed ones are ignored. */
  trustedDocIds: readonly string[];
}

/** What the index depends on, so the worker rebuilds it only when one of these changes. */
export function openChainKey(environmentRoots: readonly string[], trustedDocIds: readonly string[]): string {
  return `${environmentRoots.join('\n')}\u0000${[...new Set(trustedDocIds)].sort().join(',')}`;
}

export async function buildOpenChainIndex(input: OpenChainInput): Promise<ChainIndex> {
  const trustCertificates: CertificateModel[] = [];
  for (const docId of new Set(input.trustedDocIds)) {
    const entry = input.open.get(docId);
    if (entry) trustCertificates.push(...(await input.model(docId, entry)).certificates);
  }
  const index = await ChainIndex.withAnchors({ trustCertificates, environmentRoots: input.environmentRoots });
  for (const [docId, entry] of input.open) {
    for (const n of entry.nodes) {
      index.addEntry({
        thumbprint: n.thumbprint,
        subjectRfc4514: n.subjectKey,
        subjectKeyIdentifier: n.subjectKeyIdentifier,
        origin: docId,
        fileName: entry.fileName,
        load: async () => (await input.model(docId, entry)).certificates[n.certIndex]!,
      });
    }
  }
  return index;
}
