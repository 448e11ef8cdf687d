// An estate citation that writes an address into its text must write the address the sources
// page links for it (ESTATE_CITE_URL): a reader who copies the address from a finding opens the
// same document as one who follows the link. (EDGE_SAME once named github.com/microsoft/onpremdiag,
// which does not exist, while the link went to github.com/onpremdiag/SfBServer.)
import { describe, expect, it } from 'vitest';
import { ESTATE_CITE } from '../../shared/rules/estate/citations.js';
import { ESTATE_CITE_URL } from '../../shared/rules/helpers/citationUrls.js';

const ADDRESS = /https?:\/\/[^\s),;]+/g;

describe('estate citation texts and their linked addresses agree', () => {
  const withAddress = Object.entries(ESTATE_CITE)
    .map(([key, text]) => ({ key: key as keyof typeof ESTATE_CITE, addresses: text.match(ADDRESS) ?? [] }))
    .filter((c) => c.addresses.length > 0);

  it('some citations write an address into their text', () => {
    expect(withAddress.map((c) => c.key)).toContain('EDGE_SAME');
  });

  it.each(withAddress)('$key: the first address in the text is the linked one', ({ key, addresses }) => {
    expect(ESTATE_CITE_URL[key]).toBeDefined();
    expect(addresses[0]).toBe(ESTATE_CITE_URL[key]);
  });

  it('EDGE_SAME names the onpremdiag rule that checks the Edge certificates', () => {
    expect(ESTATE_CITE.EDGE_SAME).toMatch(/onpremdiag\/SfBServer rule RDCheckEdgeCerts \(https:\/\/github\.com\/onpremdiag\/SfBServer\)/);
  });
});
