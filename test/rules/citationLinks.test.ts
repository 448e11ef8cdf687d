// Every finding's citation can be opened: the documents it quotes map to addresses (the same
// ones docs/sources.md lists), so the app's finding cards and rule catalogue link them.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../shared/rules/catalogueEntries.js';
import { CITE } from '../../shared/rules/helpers/citations.js';
import { citationLinks, citedKeys } from '../../shared/rules/helpers/citationLinks.js';
import { CITE_URL } from '../../shared/rules/helpers/citationUrls.js';

describe('citation links', () => {
  it('every rule that cites an outside document has at least one address to open', () => {
    const without = catalogue()
      .filter((e) => e.source !== 'workbench')
      .filter((e) => citationLinks(e.citation).length === 0)
      .map((e) => e.id);
    expect(without).toEqual([]);
  });

  it('addresses are absolute https/http URLs with the host as their label', () => {
    for (const e of catalogue()) {
      for (const link of citationLinks(e.citation)) {
        expect(link.url).toMatch(/^https?:\/\/[^\s]+$/);
        expect(link.url.startsWith(`${/^https?:\/\/(www\.)?/.exec(link.url)![0]}${link.host}`), link.url).toBe(true);
      }
    }
  });

  it('a citation quoting two documents links both, in the order it quotes them, without repeats', () => {
    const citation = `${CITE.S17}; ${CITE.S1}; ${CITE.S17}`;
    expect(citedKeys(citation, CITE)).toEqual(['S17', 'S1']);
    expect(citationLinks(citation).map((l) => l.url)).toEqual([CITE_URL.S17, CITE_URL.S1]);
  });

  it('an address nobody opened is marked, and an address written in the citation itself is kept', () => {
    const s14 = citationLinks(CITE.S14);
    expect(s14).toHaveLength(1);
    expect(s14[0]!.confirmed).toBe(false);
    expect(citationLinks(CITE.S1)[0]!.confirmed).toBe(true);
    expect(citationLinks('See (https://learn.microsoft.com/x/y(v=1).aspx).').map((l) => l.url)).toEqual(['https://learn.microsoft.com/x/y(v=1).aspx']);
    expect(citationLinks('RFC 5280 (https://www.rfc-editor.org/rfc/rfc5280).')).toEqual([{ url: 'https://www.rfc-editor.org/rfc/rfc5280', host: 'rfc-editor.org', confirmed: true }]);
  });

  it('a site given with words after it yields only the address', () => {
    expect(citationLinks('See https://example.org/ (site; the post is "A title").').map((l) => l.url)).toEqual(['https://example.org/']);
  });

  it('the UM post and the OWA IM topic open where their stored copies were found, confirmed', () => {
    expect(citationLinks(CITE.S5)).toEqual([{ url: 'http://www.uccramblings.com/exchange-um-cert-and-skype-for-business/', host: 'uccramblings.com', confirmed: true }]);
    expect(citationLinks(CITE.S12)).toEqual([
      {
        url: 'https://github.com/MicrosoftDocs/OfficeDocs-Exchange/blob/public/Exchange/ExchangeServer/plan-and-deploy/post-installation-tasks/configure-im-integration-with-owa.md',
        host: 'github.com',
        confirmed: true,
      },
      { url: 'https://learn.microsoft.com/en-us/powershell/module/exchange/new-settingoverride', host: 'learn.microsoft.com', confirmed: true },
    ]);
  });
});
