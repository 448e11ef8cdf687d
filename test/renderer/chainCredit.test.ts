// Issue 16 item 12: a CA certificate open twice (inside a PFX and in chain.pem) is credited to
// the leaf's own file; a saved certificate is named after itself.
import { describe, expect, it } from 'vitest';
import { buildChain, type ChainNode } from '../../renderer/lib/chainIndex.js';
import { certificateBaseName } from '../../shared/x509/fileName.js';

type Node = ChainNode & { docId: string };
const node = (docId: string, thumbprint: string, subjectKey: string, issuerKey: string, selfSigned = false): Node => ({
  docId,
  thumbprint,
  subjectKey,
  issuerKey,
  subjectKeyIdentifier: null,
  authorityKeyIdentifier: null,
  selfSigned,
} as unknown as Node);

describe('chain credit', () => {
  const rootInChainPem = node('chain.pem', 'ROOT', 'cn=root', 'cn=root', true);
  const leaf = node('um.pfx', 'LEAF', 'cn=ex1', 'cn=root');
  const rootInPfx = node('um.pfx', 'ROOT', 'cn=root', 'cn=root', true);
  const pool = [rootInChainPem, leaf, rootInPfx];

  it('credits the CA certificate to the leaf file when it holds one', () => {
    const chain = buildChain(leaf, pool, (c) => c.docId === leaf.docId);
    expect(chain.map((c) => c.docId)).toEqual(['um.pfx', 'um.pfx']);
  });

  it('falls back to another open file', () => {
    const chain = buildChain(leaf, [rootInChainPem, leaf], (c) => c.docId === leaf.docId);
    expect(chain.map((c) => c.docId)).toEqual(['um.pfx', 'chain.pem']);
  });

  it('names a certificate file after the certificate', () => {
    expect(certificateBaseName({ commonName: 'Contoso Root CA', dnsNames: [], thumbprint: 'AB' })).toBe('Contoso Root CA');
    expect(certificateBaseName({ commonName: '*.contoso.com', dnsNames: [], thumbprint: 'AB' })).toBe('wildcard.contoso.com');
    expect(certificateBaseName({ commonName: 'a/b:c', dnsNames: [], thumbprint: 'AB' })).toBe('a_b_c');
    expect(certificateBaseName({ commonName: null, dnsNames: [], thumbprint: 'AB12' })).toBe('AB12');
  });
});
