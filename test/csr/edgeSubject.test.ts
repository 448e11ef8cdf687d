// An Edge request named by an Edge computer (or any other name of its pool) is for the pool:
// every member carries the same certificate (EDGE-04), whose subject is the Access Edge FQDN
// (EDGE-02) or the internal FQDN / VIP (EDGE-07), never the computer's own name.
import { describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import type { Environment } from '../../shared/environment/types.js';

const ENV: Environment = {
  sipDomains: ['contoso.com'],
  edgePools: [
    { internalFqdn: 'edgepool1.contoso.local', accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webcon.contoso.com', servers: ['edge1a.contoso.local'] },
    { internalFqdn: 'edgepool2.contoso.local', accessEdgeFqdn: 'sip2.contoso.com', webConferencingEdgeFqdn: 'webcon2.contoso.com', avEdgeFqdn: 'av2.contoso.com', servers: ['edge2a.contoso.local', 'EDGE2B.contoso.local'] },
    // A single-server pool described only by its computer.
    { accessEdgeFqdn: 'sip3.contoso.com', servers: ['edge3.contoso.local'] },
    // A two-server pool whose internal FQDN was not recorded.
    { servers: ['edge4a.contoso.local', 'edge4b.contoso.local'] },
  ],
};

describe('Edge request subject when the name given belongs to a pool', () => {
  it('edge-internal named by an Edge computer: CN and SAN are the pool internal FQDN, the request still runs on the computer', () => {
    const d = draftFor('edge-internal', ENV, 'edge2b.contoso.local');
    expect(d.commonName).toBe('edgepool2.contoso.local');
    expect(d.dnsNames).toEqual(['edgepool2.contoso.local']);
    expect(d.server).toBe('edge2b.contoso.local');
    expect(d.notes.join('\n')).toMatch(/EDGE-07: edge2b\.contoso\.local names the Edge pool.*edgepool2\.contoso\.local/);
  });

  it('edge-external named by an Edge computer: CN is the pool Access Edge FQDN, SAN has no computer name', () => {
    const d = draftFor('edge-external', ENV, 'edge2a.contoso.local');
    expect(d.commonName).toBe('sip2.contoso.com');
    expect(d.dnsNames).toEqual(['sip2.contoso.com', 'webcon2.contoso.com', 'sip.contoso.com']);
    expect(d.server).toBe('edge2a.contoso.local');
    expect(d.notes.join('\n')).toMatch(/EDGE-02: edge2a\.contoso\.local names the Edge pool/);
  });

  it('an external Edge name given for the internal request, and the reverse, give the role\'s own pool name', () => {
    expect(draftFor('edge-internal', ENV, 'webcon2.contoso.com').commonName).toBe('edgepool2.contoso.local');
    expect(draftFor('edge-external', ENV, 'av2.contoso.com').commonName).toBe('sip2.contoso.com');
    expect(draftFor('edge-external', ENV, 'edgepool1.contoso.local').commonName).toBe('sip.contoso.com');
  });

  it('the pool\'s own name given (in any case) stays the subject without a note', () => {
    const d = draftFor('edge-internal', ENV, 'EDGEPOOL1.contoso.local');
    expect(d.commonName).toBe('edgepool1.contoso.local');
    expect(d.notes.join('\n')).not.toMatch(/names the Edge pool/);
    expect(draftFor('edge-external', ENV, 'sip.contoso.com').commonName).toBe('sip.contoso.com');
  });

  it('single-server pool without an internal FQDN: the computer\'s own FQDN is the internal name', () => {
    expect(draftFor('edge-internal', ENV, 'edge3.contoso.local').commonName).toBe('edge3.contoso.local');
    expect(draftFor('edge-external', ENV, 'edge3.contoso.local').commonName).toBe('sip3.contoso.com');
  });

  it('multi-server pool without the role\'s pool name: asks for it instead of using one computer\'s name', () => {
    expect(() => draftFor('edge-internal', ENV, 'edge4a.contoso.local')).toThrow(/internal FQDN of the Edge pool of edge4a\.contoso\.local/);
    expect(() => draftFor('edge-external', ENV, 'edge4a.contoso.local')).toThrow(/Access Edge FQDN of the Edge pool of edge4a\.contoso\.local/);
  });

  it('a name no pool knows is still used as given', () => {
    expect(draftFor('edge-internal', ENV, 'new-edge.contoso.local').commonName).toBe('new-edge.contoso.local');
    expect(draftFor('edge-external', ENV, 'sip9.contoso.com').commonName).toBe('sip9.contoso.com');
    expect(draftFor('edge-internal', ENV).commonName).toBe('edgepool1.contoso.local');
  });
});
